-- 中直机关采购管理系统 — central government procurement, served by BJCA.
--
-- Source: seeds/003 《中直机关采购管理系统数字认证证书业务申请操作手册（供应商）》.
-- Amounts are integer fen (26000 = 260.00 元). A fee the source does not publish has no `fen`:
-- the quote then says "unpriced" and names this line, so an administrator can fill it in.
-- This script is the platform's whole agreement with BJCA: what BJCA does here (offer), the steps
-- of each procedure (verification routes, PIN delivery, mail-in address, office), BJCA's review
-- times here, the one-open-order limit, materials, fees and dates. The BJCA plugin knows none of it.

region {
  id = "central",
  name = "中直机关采购管理系统",
  name_en = "Central government procurement system",
  source = "seed 003: BJCA handling guide for suppliers",
  accepts = { "bjca" },
  applicants = { "org" },               -- the guide is for suppliers' unit certificates (单位证书)
  channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
  years = { 1 },                        -- "证书有效期为一年"
}

---------------------------------------------------------------------------------------------------
-- What BJCA does here (offer). Anything not offered below is refused by the host as not offered by
-- BJCA on this platform (not_offered_by_ca_here).
---------------------------------------------------------------------------------------------------

-- 一 证书初次申请: "1.现场办理", "2.在线办理", and from the online flow "提供纸质材料，转为线下邮寄，
-- 跳转至【线下邮寄】流程"
offer { ca = "bjca", business = "new", channel = { "onsite", "online", "mail" }, applicant = "org" }
-- 二 证书更新: "证书更新办理方式有两种：现场办理、在线办理"
offer { ca = "bjca", business = "renew", channel = { "onsite", "online" }, applicant = "org" }
-- 三 证书丢失补办: "1.现场办理", "2.在线办理", and (audit C9) "提供纸质材料，转为线下邮寄，跳转至【线下邮寄】流程"
offer { ca = "bjca", business = "reissue_lost", channel = { "onsite", "online", "mail" }, applicant = "org" }
-- 七 损坏补办: "1）现场办理", "2）在线办理"
offer { ca = "bjca", business = "reissue_damaged", channel = { "onsite", "online" }, applicant = "org" }
-- 四 证书信息变更: "1.现场办理", "2.在线办理", and (audit O5) "目前不支持在线变更签章，如需变更签章，
-- 请您至现场或邮寄介质到受理点处理"
offer { ca = "bjca", business = "change", channel = { "onsite", "online", "mail" }, applicant = "org" }
-- 5 证书解锁: "5.1在线解锁申请流程", "5.2现场解锁申请"
offer { ca = "bjca", business = "unlock", channel = { "onsite", "online" }, applicant = "org" }
-- 6 证书吊销: "1）现场办理", "2）邮寄办理"
offer { ca = "bjca", business = "revoke", channel = { "onsite", "mail" }, applicant = "org" }

---------------------------------------------------------------------------------------------------
-- Limits across orders
---------------------------------------------------------------------------------------------------

-- Host-wide audit I12, declared here because only this source says it. 一.2 and 三.2 (printed in
-- the mail fallback and again under 2.7订单查询): "温馨提示：同一证件号办理流程中断后，会自动保存相关
-- 信息，未办理完的在【未完成订单】中继续办理，重新发起办理的，需要先取消之前中断的订单，否则无法继续
-- 办理。" / "想要重新申请的，需先取消未办理完的订单，避免因证件号重复无法重新办理证书申请。"
-- Scope: the certificate applications made on BJCA's 证书服务平台 — new and lost-key reissue online,
-- and their mail fallback, which is still a platform order ("转为线下邮寄办理证书流程时，需要进行
-- 【经办人信息验证】、【购买证书产品】、【打印申请表】、【支付订单】的操作"). The sentence is printed only
-- in those two sections; counter business, revocation by post and the key-based online services
-- (renewal, change, unlock: "插入UKEY") start no application under an ID number.
limit { ca = "bjca", business = { "new", "reissue_lost" }, channel = { "online", "mail" },
        code = "one_open_order", counts = "open_orders", at_most = 1,
        zh = "同一证件号办理流程中断后，未办理完的在【未完成订单】中继续办理；重新发起办理的，需要先取消之前中断的订单，否则无法继续办理",
        en = "One open application per ID number on BJCA's platform: continue an interrupted order, or cancel it before applying again" }

---------------------------------------------------------------------------------------------------
-- Fees (证书费用)
---------------------------------------------------------------------------------------------------

-- 一.1 现场办理: "证书费用：260元/套"
fee { business = "new", channel = "onsite", code = "certificate_set", label = "数字证书（每套）", fen = 26000 }
-- 一.2 在线办理 and its mail fallback: the guide shows a price on screen but prints none.
fee { business = "new", channel = { "online", "mail" }, code = "certificate_set", label = "数字证书（每套）" }

-- 二.1 现场更新: "使用原有证书介质USBkey，只收取证书年服务费用180元/张"
fee { business = "renew", channel = "onsite", code = "annual_service", label = "证书年服务费（沿用原介质）",
      fen = 18000, per_year = true }
-- 二.2 在线更新: paid online, amount not printed.
fee { business = "renew", channel = "online", code = "annual_service", label = "证书年服务费" }

-- 三.1 丢失补办: "证书丢失补办只收取证书介质费用80元/个，不收取证书服务费" (printed for onsite handling);
-- 三.2 online and its mail fallback ("【购买证书产品】…【支付订单】"): amount not printed (audit C9).
fee { business = "reissue_lost", channel = "onsite", code = "medium", label = "证书介质费", fen = 8000 }
fee { business = "reissue_lost", channel = { "online", "mail" }, code = "medium", label = "证书介质费" }

-- 七 损坏补办: "只收取证书介质USBkey费80元/个" onsite and online; "证书通过检测认定为介质质量问题的…
-- 1.证书介质质保期为一年，自证书初次发放日起计算 … 3.证书介质在质保期内的：证书免费办理". Free only
-- for an inspected quality defect that BJCA's plugin finds within the warranty counted from the
-- medium's first issue (audit C10): a renewed certificate sits on the old key ("使用原有证书介质
-- USBkey"), so its own start says nothing about the warranty, and an unknown first issue is 80.00.
fee { business = "reissue_damaged", code = "medium", label = "证书介质费", fen = 8000,
      unless = { defect = "quality", warranty_covers_medium = true } }
fee { business = "reissue_damaged", code = "medium_warranty", label = "证书介质费（质保期内质量问题，免费）", fen = 0,
      when = { defect = "quality", warranty_covers_medium = true } }

-- 5.2 受理点解锁: "证书解锁业务免费办理". Online unlock: not published.
fee { business = "unlock", channel = "onsite", code = "unlock", label = "证书解锁", fen = 0 }
fee { business = "unlock", channel = "online", code = "unlock", label = "证书解锁" }

-- 四 信息变更 and 6 吊销: the guide prints no fee.
fee { business = "change", code = "change", label = "证书信息变更" }
fee { business = "revoke", code = "revoke", label = "证书吊销" }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- "如您已经使用即将到期的数字证书参加了投标业务，还未开标的请不要办理证书更新、信息变更等相关业务"
refuse { business = { "renew", "change" }, when = { open_bid = true }, code = "bidding_lock",
         zh = "该证书参与的投标尚未开标，开标结束后再办理更新或变更",
         en = "A bid made with this certificate is not yet opened: renew or change after the bid opening" }

-- 二.2 "证书有效期小于90天或已过期且不超过1年（365天）的用户插入USBKey可申请在线办理更新业务":
-- online renewal opens when fewer than 90 days remain, i.e. at most 89. (Expired more than 365
-- days is not refused: "用户需按照在线鉴证要求准备资料并在线上传资料，通过BJCA审核后下载新证书".)
renewal_window { channel = "online", days_before_expiry = 89 }

---------------------------------------------------------------------------------------------------
-- Steps of the procedure (step)
---------------------------------------------------------------------------------------------------

-- Every counter business: "数字证书服务网点地址：北京市西城区裕民东路3号京版信息港一层"
step { ca = "bjca", channel = "onsite",
       business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" }, code = "office",
       zh = "BJCA受理点（数字证书服务网点）：北京市西城区裕民东路3号京版信息港一层",
       en = "BJCA counter: 北京市西城区裕民东路3号京版信息港一层, Beijing" }

-- 一.2 / 三.2 在线办理: "请先完成“证书服务平台”账号注册…目前仅支持【UKEY证书】办理，不支持【云证书】办理";
-- "如发现填写错误而页面提示不能返回修改时，需要取消本次操作，重新申请"
local ONLINE_APPLICATION = { "new", "reissue_lost" }
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "online", code = "online_account",
       zh = "先完成“证书服务平台”账号注册并登录申请；目前仅支持【UKEY证书】办理，不支持【云证书】办理；填写错误且页面不能返回修改时，需取消本次操作重新申请",
       en = "Register and log in on BJCA's certificate service platform; only USB-key certificates (no cloud certificates); if a mistake cannot be corrected on the page, cancel and apply again" }
-- "企业认证方式分为【企业对公打款认证】、【法定代表人手机号认证】、【法定代表人银行卡信息认证】、
-- 【法定代表人刷脸认证】四种方式"
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "online", code = "unit_verification",
       zh = "企业认证（任选一种）：企业对公打款认证、法定代表人手机号认证、法定代表人银行卡信息认证、法定代表人刷脸认证",
       en = "Verify the unit, one of: corporate bank payment, legal representative's mobile number, legal representative's bank card, legal representative's face" }
-- "填写完整，但系统仍提示核验信息有误时…您可选择证书办理方式：返回修改，继续办理当前业务；提供纸质
-- 材料，转为线下邮寄，跳转至【线下邮寄】流程。"
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "online", code = "verification_fallback_mail",
       zh = "企业认证核验不通过时，可返回修改继续办理当前业务，或提供纸质材料，转为线下邮寄（【线下邮寄】流程）",
       en = "If the unit verification fails, correct the details and continue, or switch to the mail procedure with the paper materials" }
-- 2.3 "经办人认证分为【经办人手机实名认证】、【经办人银行卡信息认证】、【经办人刷脸认证】三种方式" —
-- online applications, online renewal (二.2 2.3经办人信息) and online change (四.2 2.3经办人信息修改).
step { ca = "bjca", business = { "new", "reissue_lost", "renew", "change" }, channel = "online", code = "agent_verification",
       zh = "经办人认证（任选一种）：经办人手机实名认证、经办人银行卡信息认证、经办人刷脸认证",
       en = "Verify the agent, one of: real-name mobile number, bank card, face" }
-- 2.5资料上传 "…弹出【证书申请签名】弹窗，填写发送至经办人手机号的短信验证码…该步骤用来验证证书申请行为的真实性"
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "online", code = "application_signature",
       zh = "资料上传后，填写发送至经办人手机号的短信验证码并勾选用户协议，完成【证书申请签名】",
       en = "After the upload, enter the SMS code sent to the agent's mobile and accept the agreement to sign the application" }
-- 2.6 / 二.2 2.5 "请您使用微信或支付宝进行支付…支付成功后，电子发票将在24小时内发送至指定（默认为经办人）邮箱"
-- (the mail fallback also pays on the platform: "【支付订单】")
step { ca = "bjca", business = ONLINE_APPLICATION, channel = { "online", "mail" }, code = "online_payment",
       zh = "使用微信或支付宝支付，支付成功后电子发票将在24小时内发送至指定（默认为经办人）邮箱",
       en = "Pay by WeChat Pay or Alipay; the e-invoice is emailed within 24 hours (to the agent by default)" }
step { ca = "bjca", business = "renew", channel = "online", code = "online_payment",
       zh = "使用微信或支付宝支付，支付成功后电子发票将在24小时内发送至指定（默认为经办人）邮箱",
       en = "Pay by WeChat Pay or Alipay; the e-invoice is emailed within 24 hours (to the agent by default)" }
-- 【线下邮寄】: "转为线下邮寄办理证书流程时，需要进行【经办人信息验证】、【购买证书产品】、【打印申请表】、
-- 【支付订单】的操作。" and "证书费用支付完成后，请将以下资料按要求邮寄至北京CA…邮寄地址：北京市西城区
-- 裕民东路3号京版信息港一层（100029） 收件人：中共中央直属采购中心渠道 在线受理点 王明明 电话：010-58515511"
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "mail", code = "mail_procedure",
       zh = "转为线下邮寄办理时，在证书服务平台完成【经办人信息验证】、【购买证书产品】、【打印申请表】、【支付订单】，证书费用支付完成后将资料邮寄至北京CA",
       en = "In the mail procedure, verify the agent, buy the product, print the form and pay on BJCA's platform, then mail the materials to BJCA" }
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "mail", code = "mail_materials",
       zh = "邮寄地址：北京市西城区裕民东路3号京版信息港一层（100029）；收件人：中共中央直属采购中心渠道 在线受理点 王明明；电话：010-58515511",
       en = "Mail to 北京市西城区裕民东路3号京版信息港一层 (100029), attn. 中共中央直属采购中心渠道 在线受理点 王明明, tel. 010-58515511" }
-- "材料审核时间为收到材料后的3-5个工作日，审核通过后，UKEY将在5个工作日内发出"; online: "材料审核完成后，
-- 系统会以邮件和短信的形式告知用户审核完成"
step { ca = "bjca", business = ONLINE_APPLICATION, channel = { "online", "mail" }, code = "shipping",
       zh = "材料审核需3-5个工作日，审核完成后以邮件和短信告知；审核通过后UKEY将在5个工作日内发出",
       en = "BJCA reviews the materials in 3-5 working days and notifies by email and SMS; the USB key is shipped within 5 working days of approval" }

-- 2.8 获取证书密码: "认证方式选择“企业对公打款认证”：证书密码在对公账户收款1分钱记录附言中查询；
-- 认证方式选择“法定代表人手机号认证”：证书密码由法定代表人手机短信查收；认证方式选择“法定代表人
-- 银行卡信息”：证书密码由法定代表人手机短信查收。"
step { ca = "bjca", business = ONLINE_APPLICATION, channel = "online", code = "pin_delivery",
       zh = "获取证书密码：选择企业对公打款认证的，证书密码在对公账户收款1分钱记录附言中查询；选择法定代表人手机号或银行卡信息认证的，证书密码由法定代表人手机短信查收",
       en = "PIN: with corporate payment verification it is in the memo of the 0.01 CNY receipt on the unit's account; with the legal representative's mobile or bank card verification it comes by SMS to the legal representative" }

-- 二.2 在线更新: "插入USBKey可申请在线办理更新业务"; "数字证书在线更新后，证书密码不变"
step { ca = "bjca", business = "renew", channel = "online", code = "online_renewal",
       zh = "插入USBKey，在证书服务平台在线更新；在线更新后证书密码不变",
       en = "Insert the USB key and renew on BJCA's certificate service platform; the PIN stays the same" }
-- "在您更新数字证书后请先进行数字证书加解密测试操作，提示“数字证书加解密测试成功”后在进行相关投标业务"
step { ca = "bjca", business = "renew", code = "test_after_renewal",
       zh = "更新数字证书后请先进行数字证书加解密测试操作，提示“数字证书加解密测试成功”后再进行投标业务",
       en = "After renewing, run the certificate encryption/decryption test before bidding" }

-- 三.1 "办理证书丢失补办业务后，原有证书将会自动吊销，将不能再继续使用"
step { ca = "bjca", business = "reissue_lost", code = "old_certificate_revoked",
       zh = "办理证书丢失补办业务后，原有证书将会自动吊销，将不能再继续使用",
       en = "The old certificate is revoked automatically and can no longer be used" }

-- 七 "用户损坏补办时需携带原有数字证书介质USBkey进行检测鉴定，属于质量问题并在质保期内的可以免费办理，
-- 非质量问题的或已经超过质保期的需要支付证书介质费用"; 2）在线办理 also prints the addressee:
-- "收件人：中共中央直属机关采购中心渠道 在线受理点 王明明 单位名称：北京数字认证股份有限公司 地址：北京市
-- 西城区裕民东路3 号京版信息港一层（100029） 联系电话：010-58515511"
step { ca = "bjca", business = "reissue_damaged", channel = "onsite", code = "key_inspection",
       zh = "携带原有数字证书介质USBkey进行检测鉴定；属于质量问题并在质保期内的免费办理，非质量问题或已过质保期的需支付证书介质费用",
       en = "Bring the original USB key for inspection; a quality defect within warranty is free, otherwise the medium is paid" }
step { ca = "bjca", business = "reissue_damaged", channel = "online", code = "key_inspection",
       zh = "原有数字证书介质USBkey须检测鉴定；材料寄至：北京数字认证股份有限公司，北京市西城区裕民东路3号京版信息港一层（100029），收件人：中共中央直属机关采购中心渠道 在线受理点 王明明，电话010-58515511；属于质量问题并在质保期内的免费办理",
       en = "The original USB key is inspected; send the materials to BJCA, 北京市西城区裕民东路3号京版信息港一层 (100029), attn. 中共中央直属机关采购中心渠道 在线受理点 王明明, tel. 010-58515511; a quality defect within warranty is free" }

-- 四.2 "证书信息变更业务支持用户在线修改证书的单位名称，修改经办人信息，目前不支持在线变更签章，如需变更
-- 签章，请您至现场或邮寄介质到受理点处理。"; "在线信息变更业务不用快递证书产品"
step { ca = "bjca", business = "change", channel = "online", code = "online_change_scope",
       zh = "在线信息变更仅支持修改单位名称和经办人信息；目前不支持在线变更签章，如需变更签章，请至现场或邮寄介质到受理点处理",
       en = "Online change covers the unit name and the agent only; a seal change is done at the counter or by mailing the key" }
-- O5: change by mail, the seal change. The section names no address; the guide's acceptance point
-- for mail is the one printed under 6 吊销 "2）邮寄办理".
step { ca = "bjca", business = "change", channel = "mail", code = "mail_materials",
       zh = "变更签章可邮寄介质到受理点：北京数字认证股份有限公司，北京市西城区裕民东路3号京版信息港一层（100029），收件人：中共中央直属机关采购中心渠道 在线受理点 王明明，电话010-58515511；邮寄办理的其他材料来源未列明，请先与受理点确认",
       en = "For a seal change the key may be mailed to the acceptance point: BJCA, 北京市西城区裕民东路3号京版信息港一层 (100029), attn. 中共中央直属机关采购中心渠道 在线受理点 王明明, tel. 010-58515511; the guide lists no other items for this route: confirm with the acceptance point first" }

-- 5.1 "1. 用户提交在线解锁申请，点击提交；2. 按照页面提示，上传鉴证资料；3. BJCA客服人员审核资料后进行
-- 授权，并发送授权邮件；4. 用户通过授权邮件中的链接重置密码。"
step { ca = "bjca", business = "unlock", channel = "online", code = "online_unlock",
       zh = "提交在线解锁申请，按照页面提示上传鉴证资料；BJCA客服人员审核资料后进行授权并发送授权邮件，通过邮件中的链接重置密码",
       en = "Apply online and upload the verification documents as the page asks; BJCA reviews them and sends an authorisation email whose link resets the PIN" }

-- 6 吊销 "2）邮寄办理 … 收件人：中共中央直属机关采购中心渠道 在线受理点 王明明 单位名称：北京数字认证股份
-- 有限公司 地址：北京市西城区裕民东路3 号京版信息港一层（100029） 联系电话：010-58515511"
step { ca = "bjca", business = "revoke", channel = "mail", code = "mail_materials",
       zh = "邮寄至：北京数字认证股份有限公司，北京市西城区裕民东路3号京版信息港一层（100029），收件人：中共中央直属机关采购中心渠道 在线受理点 王明明，电话010-58515511",
       en = "Mail to BJCA, 北京市西城区裕民东路3号京版信息港一层 (100029), attn. 中共中央直属机关采购中心渠道 在线受理点 王明明, tel. 010-58515511" }

-- "北京CA客服帮助网站：http://help.bjca.org.cn/ 如有任何问题，请随时与我司客服联系01058515511"
-- (printed after the online new, renewal, lost-key reissue and change procedures)
step { ca = "bjca", channel = "online", business = { "new", "renew", "reissue_lost", "change" },
       code = "contact",
       zh = "北京CA客服帮助网站：http://help.bjca.org.cn/；客服电话：010-58515511",
       en = "BJCA help: http://help.bjca.org.cn/, tel. 010-58515511" }

---------------------------------------------------------------------------------------------------
-- Reviews (review): the first that applies is in force
---------------------------------------------------------------------------------------------------

-- 一.2 / 三.2: mail: "材料审核时间为收到材料后的3-5个工作日"; online: "证书新办申请完成后，需要3-5个工作日
-- 的时间进行材料审核" / "证书申请完成后，需要3-5个工作日的时间进行材料审核"
review { ca = "bjca", business = ONLINE_APPLICATION, channel = { "online", "mail" }, working_days = { 3, 5 } }
-- 二.2 "过期超过1年（365天）未更新的证书，用户需按照在线鉴证要求准备资料并在线上传资料，通过BJCA审核后
-- 下载新证书" — no time published.
review { ca = "bjca", business = "renew", channel = "online", working_days = "not published",
         when = { days_since_expiry = { at_least = 366 } } }
-- 七 "证书通过检测认定为介质质量问题的…" — the key is inspected; no time published.
review { ca = "bjca", business = "reissue_damaged", working_days = "not published" }
-- 5.1 "BJCA客服人员审核资料后进行授权" — no time published.
review { ca = "bjca", business = "unlock", channel = "online", working_days = "not published" }

---------------------------------------------------------------------------------------------------
-- Materials (申请资料)
---------------------------------------------------------------------------------------------------

-- The application form, the USCC copy and the agent's ID are asked for by every paper business:
-- onsite for all of them; by mail for new and lost-key reissue (the fallback when online
-- verification fails) and for revocation; online only for a damaged key sent for inspection.
material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
           channel = "onsite",
           code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }
material { business = { "new", "reissue_lost", "revoke" }, channel = "mail",
           code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }

material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
           channel = "onsite",
           code = "uscc_copy", name = "《统一社会信用代码证》复印件", stamped = true }
material { business = { "new", "reissue_lost", "revoke" }, channel = "mail",
           code = "uscc_copy", name = "《统一社会信用代码证》复印件", stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "uscc_copy", name = "《统一社会信用代码证》复印件", stamped = true }

-- The seal sample form: new, renew, both reissues and change (not unlock or revoke).
material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, channel = "onsite",
           code = "seal_sample_form", name = "《单位电子印章采样表》" }
material { business = { "new", "reissue_lost" }, channel = "mail",
           code = "seal_sample_form", name = "《单位电子印章采样表》", stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "seal_sample_form", name = "《单位电子印章采样表》" }

-- Onsite the agent's ID original is shown and a copy handed in; by mail only the copy.
material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
           channel = "onsite",
           code = "agent_id", name = "经办人有效身份证件原件及复印件（二代身份证正反面）", stamped = true, original = true }
material { business = { "new", "reissue_lost", "revoke" }, channel = "mail",
           code = "agent_id_copy", name = "经办人有效身份证件复印件（二代身份证正反面）", stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "agent_id", name = "经办人有效身份证件原件及复印件（二代身份证正反面）", stamped = true, original = true }

-- Mail handling of a new certificate or a lost-key reissue (the fallback when online verification
-- fails) adds the unit's authorisation letter: "5. 单位授权委托书一份（加盖公章）".
material { business = { "new", "reissue_lost" }, channel = "mail",
           code = "authorisation_letter", name = "单位授权委托书", stamped = true }

-- The original USB key: renew, change and unlock onsite; a damaged key is brought for inspection;
-- a seal change by mail sends the key ("邮寄介质到受理点", audit O5).
material { business = { "renew", "change", "unlock" }, channel = "onsite",
           code = "original_usbkey", name = "原数字证书介质（USBKey）", original = true }
material { business = "change", channel = "mail",
           code = "original_usbkey", name = "原数字证书介质（USBKey，邮寄到受理点）", original = true }
material { business = "reissue_damaged",
           code = "original_usbkey", name = "原数字证书介质（USBKey，检测鉴定）", original = true }

-- Online uploads (audit O6). New and lost-key reissue, 2.5资料上传: "上传所需证照资料时，在“企业认证”
-- 步骤中已上传的会同步到本页面，不需要再次上传，没有上传的需要您自主上传" — the guide does not list
-- them item by item.
material { business = ONLINE_APPLICATION, channel = "online",
           code = "licence_upload", name = "所需证照资料（在线上传；企业认证步骤中已上传的自动同步）" }
-- Online unlock, 5.1: "2. 按照页面提示，上传鉴证资料"
material { business = "unlock", channel = "online",
           code = "verification_upload", name = "鉴证资料（按页面提示在线上传）" }
-- Online renewal of a certificate expired more than 365 days: verification materials uploaded
-- for BJCA's review (the guide does not list them item by item).
material { business = "renew", channel = "online", when = { days_since_expiry = { at_least = 366 } },
           code = "verification_upload", name = "在线鉴证资料（按系统提示上传）" }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------

validity { business = "new", from = "today" }
-- 二.2 在线更新: "未过期证书进行在线更新，新证书有效期在旧证书截止日期的基础上顺延一年；已过期证书进行
-- 在线更新，新证书有效期从用户下载新证书之日起计算，向后顺延一年"
validity { business = "renew", channel = "online", from = "old_expiry_or_today" }
-- 二.1 现场办理 prints no date rule for the counter.
validity { business = "renew", channel = "onsite", from = "old_expiry_or_today",
           convention = "来源仅规定在线更新的起止日期；现场更新本服务点同样办理：未过期的在原证书截止日期基础上顺延一年，已过期的自今日起一年" }
-- 三.1 "证书丢失补办证书有效期不变"
validity { business = "reissue_lost", from = "keep" }
-- 七 "3.证书介质在质保期内的：证书免费办理，有效期与原证书一致" — published for the free replacement only.
validity { business = "reissue_damaged", when = { defect = "quality", warranty_covers_medium = true }, from = "keep" }
validity { business = "reissue_damaged", from = "keep",
           convention = "来源仅规定质保期内免费补办的有效期与原证书一致；其他损坏补办本服务点同样沿用原证书的起止日期" }
-- Audit I7: a change re-issues the certificate with new details; the guide says nothing of its dates.
validity { business = "change", from = "keep",
           convention = "来源未规定信息变更后证书的有效期：本服务点沿用原证书的起止日期" }
