-- 广东省政府采购智慧监管平台 — Guangdong government procurement supervision platform, served by NETCA.
--
-- Source: seeds/002 《网证通数字证书及电子签章办理操作指南》 and its form
-- 《网证通数字证书及电子印章申请表——广东省政府采购智慧监管平台专用》.
-- The guide publishes no amount: every fee below has no `fen` and shows as unpriced.
-- This script is the platform's whole agreement with NETCA: what NETCA does here (offer), the steps
-- of the procedure (office, hours, payee and memo, mail-in address), the reviews, materials, fees
-- and dates. The NETCA plugin knows none of it.

region {
  id = "guangdong",
  name = "广东省政府采购智慧监管平台",
  name_en = "Guangdong government procurement supervision platform",
  source = "seed 002: 网证通数字证书及电子签章办理操作指南",
  accepts = { "netca" },
  applicants = { "org" },               -- "机构数字证书代表整个单位"
  -- onsite 前台现场办理; mail 邮寄办理; online: the online add request; self_service: what the
  -- unit does itself in the NETCA client — renewal (【证书续期】) and automatic unlock (【忘记密码】).
  channels = { "onsite", "mail", "online", "self_service" },
  -- 新申请, 增加证书个数, 续期, 补办（遗失/损坏）, 变更, 解锁; 注销 is a business type of the form.
  businesses = { "new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
  -- The form leaves the years blank ("新申请 ___ 年 / 更新续期 ___ 年") and the guide lists no
  -- periods: quotes say the validity period is not published until NETCA's periods are filled in.
  years = "not published",
}

---------------------------------------------------------------------------------------------------
-- What NETCA does here (offer). Anything not offered below is refused by the host as not offered
-- by NETCA on this platform (not_offered_by_ca_here).
---------------------------------------------------------------------------------------------------

-- 二.1 新申请: "④带齐纸质资料和付款凭证前往前台办理/或者选择邮寄给CA机构网证通"
offer { ca = "netca", business = "new", channel = { "onsite", "mail" }, applicant = "org" }
-- 二.2 增加机构数字证书个数: "①在线填写资料 … ③在线支付…无须提交纸质材料，等待审核即可"
offer { ca = "netca", business = "add", channel = "online", applicant = "org" }
-- 续期: "数字证书未过期，可以选择在线续期，无须提交任何资料：【网证通安全客户端】-【证书续期】";
-- "数字证书过期后只能选择现场或者邮寄办理方式"
offer { ca = "netca", business = "renew", channel = { "self_service", "onsite", "mail" }, applicant = "org" }
-- 补办（遗失/损坏）: "补办只能选择现场或者邮寄办理方式"; 变更: "变更只能选择现场或者邮寄办理方式"
offer { ca = "netca", business = { "reissue_lost", "reissue_damaged", "change" }, channel = { "onsite", "mail" },
        applicant = "org" }
-- 解锁: "驱动【网证通安全客户端】-【忘记密码】-【经办人获取手机验证码】自动解锁";
-- "数字证书经办人已变更的单位无法自动解锁，只能选择现场或者邮寄办理方式"
offer { ca = "netca", business = "unlock", channel = { "self_service", "onsite", "mail" }, applicant = "org" }
-- 注销 (audit C8): the form's business types are "□变更    □注销    □补办      □解锁". The guide
-- describes no procedure for it (audit I5): what is known is the paper form, whose acceptance block
-- is filled in at the acceptance point ("受理审核（以下由证书受理员填写）…受理点盖章"). The guide's
-- two ways of handing paper to NETCA are the counter and the post ("前往前台办理/或者选择邮寄给CA
-- 机构网证通"; 五.1 办理前台, 五.2 邮寄办理地址), so the form is accepted there; the step
-- revoke_procedure_not_published below tells the clerk that nothing more is published.
offer { ca = "netca", business = "revoke", channel = { "onsite", "mail" }, applicant = "org" }

---------------------------------------------------------------------------------------------------
-- Fees: none published.
---------------------------------------------------------------------------------------------------

-- 二.1 "提前公对公转账至CA机构网证通" — paid in advance, amount not printed.
fee { business = "new", code = "certificate", label = "数字证书及电子印章费用" }
-- 二.2 "在线支付" — amount not printed.
fee { business = "add", code = "certificate", label = "数字证书及电子印章费用（增加证书个数）" }
fee { business = "renew", code = "renewal", label = "数字证书续期费用" }
fee { business = { "reissue_lost", "reissue_damaged" }, code = "reissue", label = "数字证书补办费用" }
fee { business = "change", code = "change", label = "数字证书变更费用" }
fee { business = "unlock", code = "unlock", label = "数字证书解锁费用" }
fee { business = "revoke", code = "revoke", label = "数字证书注销费用" }
-- 五.2 "温馨提示：双程快递费由贵单位支付，不接受挂号信。" — amount not printed.
fee { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" }, channel = "mail",
      code = "courier", label = "双程快递费（由申请单位支付）" }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- 续期: "数字证书过期后只能选择现场或者邮寄办理方式"
refuse { business = "renew", channel = "self_service", when = { expired = true }, code = "expired_renew_self_service",
         zh = "数字证书已过期，只能选择现场或者邮寄办理续期",
         en = "The certificate has expired: renew at the counter or by mail" }
-- 二.2 "此办理方式须已有同名网证通有效数字证书进行签名，如果未有数字证书或者数字证书已过期，请按照上述第一种方式办理"
-- (audit O3): both halves — no certificate at all (no certificate dates given), and an expired one.
refuse { business = "add", when = function(q) return q.cert_not_after == nil end, code = "add_without_certificate",
         zh = "增加证书个数须已有同名网证通有效数字证书进行签名；未有数字证书的，请按新申请办理",
         en = "Adding certificates needs a valid NETCA certificate of the same unit to sign; without one, apply as new" }
refuse { business = "add", when = { expired = true }, code = "add_needs_valid_certificate",
         zh = "增加证书个数须用同名网证通有效数字证书签名；数字证书已过期，请按新申请办理",
         en = "Adding certificates needs a valid NETCA certificate of the same unit to sign; it has expired, so apply as new" }
-- 解锁: "数字证书经办人已变更的单位无法自动解锁，只能选择现场或者邮寄办理方式"
refuse { business = "unlock", channel = "self_service", when = { agent_changed = true }, code = "agent_changed_unlock",
         zh = "数字证书经办人已变更，无法自动解锁，只能选择现场或者邮寄办理",
         en = "The agent on record has changed, so the client cannot unlock automatically: unlock at the counter or by mail" }

---------------------------------------------------------------------------------------------------
-- Steps of the procedure (step), in the order the applicant meets them
---------------------------------------------------------------------------------------------------

-- 二.1 新申请 "①在线填写资料：https://bpms.cnca.net/usercertservice/index.jsp?serviceId=560a9955b61a2150
-- ②导出和下载打印申请表，盖章后扫描，并与页面提示的附件资料一并上传"
step { ca = "netca", business = "new", code = "online_form",
       zh = "在线填写资料（https://bpms.cnca.net/usercertservice/index.jsp?serviceId=560a9955b61a2150），导出和下载打印申请表，盖章后扫描，并与页面提示的附件资料一并上传",
       en = "Fill in the application online (https://bpms.cnca.net/usercertservice/index.jsp?serviceId=560a9955b61a2150), print the form, stamp it, scan it and upload it with the attachments the page asks for" }
-- "③填写银行汇款信息（提前公对公转账至CA机构网证通）"
step { ca = "netca", business = "new", code = "corporate_transfer",
       zh = "填写银行汇款信息，提前公对公转账至网证通；带齐纸质资料和付款凭证前往前台办理或邮寄",
       en = "Enter the remittance details and pay NETCA in advance by corporate bank transfer; bring the paper materials and the payment proof to the counter or mail them" }
-- "【注意：无法公对公银行汇款的单位，只能选择到网证通前台现场办理，并且要带齐所需纸质资料和营业执照副本原件前往。】"
-- (audit O4) Shown on both channels: by mail it tells the clerk that such a unit cannot use the post.
step { ca = "netca", business = "new", code = "no_corporate_transfer_onsite",
       zh = "无法公对公银行汇款的单位，只能选择到网证通前台现场办理，并且要带齐所需纸质资料和营业执照副本原件前往",
       en = "A unit that cannot pay by corporate bank transfer can only apply at NETCA's counter, bringing all paper materials and the original business licence (duplicate)" }
-- 续期 / 补办: "备注：选择邮寄办理须提前公对公汇款，并提供汇款单复印件" — under 续期 and 补办 only
-- (audit I4: not under 变更 or 解锁, whose mail route asks for no payment).
step { ca = "netca", business = { "renew", "reissue_lost", "reissue_damaged" }, channel = "mail", code = "mail_prior_transfer",
       zh = "选择邮寄办理须提前公对公汇款，并提供汇款单复印件",
       en = "Applying by mail needs a corporate bank transfer made in advance; enclose a copy of the transfer slip" }
-- 四【汇款账户】 "单位名称 广东省电子商务认证有限公司 开户银行 中信银行广州花园支行 银行账号 7443 9001 8260
-- 0096 874 注意：要提前线下公对公转账。汇款单位必须是办理CA的单位，并且备注“办理广东政府采购CA”" —
-- for the transfers the guide asks for: 新申请 (③), and 续期 / 补办 by mail.
local PAYEE_ZH = "收款单位：广东省电子商务认证有限公司；开户银行：中信银行广州花园支行；银行账号：7443 9001 8260 0096 874。"
  .. "要提前线下公对公转账，汇款单位必须是办理CA的单位，并且备注“办理广东政府采购CA”"
local PAYEE_EN = "Payee 广东省电子商务认证有限公司, bank 中信银行广州花园支行, account 7443 9001 8260 0096 874. "
  .. "Transfer in advance from the applying unit's own corporate account, memo 办理广东政府采购CA"
step { ca = "netca", business = "new", code = "payee", zh = PAYEE_ZH, en = PAYEE_EN }
step { ca = "netca", business = { "renew", "reissue_lost", "reissue_damaged" }, channel = "mail", code = "payee",
       zh = PAYEE_ZH, en = PAYEE_EN }
-- 五.1 "单位地址：广州市越秀区建设五马路一号德安大厦一楼大厅（办理前台）"; 五.3 "办理时间 星期一至星期五
-- （节假日除外），上午9:00－12:00，下午14:00－17:00"
step { ca = "netca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
       code = "office",
       zh = "办理前台：广州市越秀区建设五马路一号德安大厦一楼大厅（广东省电子商务认证有限公司，网证通NETCA）；办理时间：星期一至星期五（节假日除外），上午9:00－12:00，下午14:00－17:00",
       en = "Counter: 广州市越秀区建设五马路一号德安大厦一楼大厅 (NETCA); Monday to Friday except public holidays, 9:00-12:00 and 14:00-17:00" }
-- 五.2 "邮寄办理地址 广东省电子商务认证有限公司（网证通） 蔡先生（收）4008301330 广州市越秀区建设五马路
-- 一号德安大厦一楼大厅 温馨提示：双程快递费由贵单位支付，不接受挂号信。"
step { ca = "netca", channel = "mail", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
       code = "mail_materials",
       zh = "邮寄至：广州市越秀区建设五马路一号德安大厦一楼大厅，广东省电子商务认证有限公司（网证通）蔡先生（收）4008301330；双程快递费由贵单位支付，不接受挂号信",
       en = "Mail to 广州市越秀区建设五马路一号德安大厦一楼大厅, NETCA (广东省电子商务认证有限公司), attn. 蔡先生, 4008301330; courier costs both ways are paid by the unit; registered letters are not accepted" }
-- "⑤网证通人员收到资料后，核对信息，把数字证书交付给用户并开具电子发票"
step { ca = "netca", business = "new", code = "delivery",
       zh = "网证通人员收到资料后，核对信息，把数字证书交付给用户并开具电子发票",
       en = "Once NETCA receives the materials it checks them, hands over the certificate and issues an e-invoice" }

-- 二.2 增加证书个数: "①在线填写资料：https://bpms.cnca.net/usercertservice/index.jsp?serviceId=ade714e439fe58d2
-- ②…过程中需插入原数字证书进行签名"; "③在线支付（这里不一定要公对公汇款），无须提交纸质材料，等待审核即可";
-- "④网证通人员审核在线申请，核对信息，把数字证书邮寄给用户并开具电子发票"
step { ca = "netca", business = "add", code = "sign_with_same_name_certificate",
       zh = "在线填写资料（https://bpms.cnca.net/usercertservice/index.jsp?serviceId=ade714e439fe58d2），导出申请表盖章后扫描上传，过程中需插入本单位同名的网证通有效数字证书进行签名",
       en = "Fill in the request online (https://bpms.cnca.net/usercertservice/index.jsp?serviceId=ade714e439fe58d2), upload the stamped form, and sign with the unit's valid NETCA certificate of the same name" }
step { ca = "netca", business = "add", code = "online_payment_no_paper",
       zh = "在线支付（不一定要公对公汇款），无须提交纸质材料，等待审核即可",
       en = "Pay online (not necessarily by corporate transfer); no paper materials, wait for the review" }
step { ca = "netca", business = "add", code = "delivery_by_mail",
       zh = "网证通人员审核在线申请，核对信息，把数字证书邮寄给用户并开具电子发票",
       en = "NETCA reviews the online request, then mails the certificate and issues an e-invoice" }

-- 续期: "数字证书未过期，可以选择在线续期，无须提交任何资料：【网证通安全客户端】-【证书续期】"
step { ca = "netca", business = "renew", channel = "self_service", code = "self_service_renewal",
       zh = "在【网证通安全客户端】-【证书续期】在线续期，无须提交任何资料",
       en = "Renew in the NETCA security client (证书续期); no materials are needed" }
step { ca = "netca", business = "renew", channel = { "onsite", "mail" }, when = { expired = false },
       code = "self_service_renewal_available",
       zh = "数字证书未过期，可以选择在【网证通安全客户端】-【证书续期】在线续期，无须提交任何资料",
       en = "The certificate has not expired: it can be renewed in the NETCA client without any materials" }
-- 解锁: "驱动【网证通安全客户端】-【忘记密码】-【经办人获取手机验证码】自动解锁"
step { ca = "netca", business = "unlock", channel = "self_service", code = "self_service_unlock",
       zh = "驱动【网证通安全客户端】-【忘记密码】-【经办人获取手机验证码】自动解锁",
       en = "In the NETCA security client choose 忘记密码 (forgot password); the agent receives an SMS code and the key unlocks" }

-- 注销 (audit I5): the guide's only word on it is the form's box "□注销".
step { ca = "netca", business = "revoke", code = "revoke_procedure_not_published",
       zh = "办理指南未公布注销的办理流程，仅申请表列有“注销”业务类型：请提交勾选“注销”的申请表，并向网证通（400-830-1330）确认办理要求",
       en = "The guide publishes no procedure for revocation; only the form lists it (注销): hand in the form with 注销 ticked and confirm the requirements with NETCA (400-830-1330)" }

-- 五.4 "数字证书办理咨询、技术支持及售后服务QQ：4008301330 … 热线：400-830-1330"
step { ca = "netca", business = { "new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
       code = "contact",
       zh = "数字证书办理咨询、技术支持及售后服务热线：400-830-1330（QQ：4008301330）",
       en = "Enquiries, technical support and after-sales: 400-830-1330 (QQ 4008301330)" }

---------------------------------------------------------------------------------------------------
-- Reviews (review): who checks what, no time published
---------------------------------------------------------------------------------------------------

-- The form's acceptance block "受理审核（以下由证书受理员填写）… 受理员 … 复核员 … 受理点盖章": every
-- paper application, at the counter or by post, is accepted and checked by NETCA; new: "⑤网证通人员
-- 收到资料后，核对信息". No review time is published.
review { ca = "netca", channel = { "onsite", "mail" }, working_days = "not published" }
-- 二.2 "等待审核即可" / "④网证通人员审核在线申请" — no time published.
review { ca = "netca", business = "add", channel = "online", working_days = "not published" }

---------------------------------------------------------------------------------------------------
-- Materials (所需材料)
---------------------------------------------------------------------------------------------------

-- 二.1 新申请: "A.《数字证书及电子印章申请表》（需加盖公章） B.《营业执照副本》（需加盖公章）
-- C.经办人身份证（需加盖公章）", scanned and uploaded, then the paper brought or mailed.
-- 七 the form: "电子印章采集（油印适中，每枚印章采集三个样本）".
material { business = "new", code = "application_form", name = "《数字证书及电子印章申请表》", stamped = true,
           note = "广东省政府采购智慧监管平台专用；每枚印章采集三个样本" }
material { business = "new", code = "business_licence", name = "《营业执照副本》", stamped = true }
material { business = "new", code = "agent_id", name = "经办人身份证", stamped = true }
-- "④带齐纸质资料和付款凭证前往前台办理/或者选择邮寄给CA机构网证通"
material { business = "new", code = "payment_proof", name = "付款凭证" }

-- 二.2 增加证书个数: the same three items scanned and uploaded, "无须提交纸质材料", signed online
-- with the unit's existing certificate.
material { business = "add", code = "application_form", name = "《数字证书及电子印章申请表》", stamped = true,
           note = "广东省政府采购智慧监管平台专用；每枚印章采集三个样本" }
material { business = "add", code = "business_licence", name = "《营业执照副本》", stamped = true }
material { business = "add", code = "agent_id", name = "经办人身份证", stamped = true }
material { business = "add", code = "existing_certificate", name = "同名网证通有效数字证书（在线签名）", original = true }

-- 续期 (expired; online renewal "无须提交任何资料"), 补办, 变更 and 解锁 (agent changed), at the
-- counter or by mail: "1.《数字证书及电子印章申请表》一式两份，须加盖公章（另：经办人签名处要手写签名）"
local PAPER = { "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }
local COUNTER_OR_MAIL = { "onsite", "mail" }
material { business = PAPER, channel = COUNTER_OR_MAIL, code = "application_form",
           name = "《数字证书及电子印章申请表》", copies = 2, stamped = true, signed = true,
           note = "经办人签名处要手写签名" }
-- "2.《营业执照》副本复印件一式一份，加盖公章（选择现场办理须同时带原件）"
material { business = PAPER, channel = "onsite", code = "business_licence_copy",
           name = "《营业执照》副本复印件", stamped = true, original = true, note = "现场办理须同时带原件" }
material { business = PAPER, channel = "mail", code = "business_licence_copy",
           name = "《营业执照》副本复印件", stamped = true }
-- "3.经办人身份证复印件一式一份，加盖公章（选择现场办理须同时带原件）"
material { business = PAPER, channel = "onsite", code = "agent_id_copy",
           name = "经办人身份证复印件", stamped = true, original = true, note = "现场办理须同时带原件" }
material { business = PAPER, channel = "mail", code = "agent_id_copy",
           name = "经办人身份证复印件", stamped = true }
-- 变更: "4.工商局或其他政府单位颁发的单位变更记录凭证复印件一份，加盖公章"
material { business = "change", channel = COUNTER_OR_MAIL, code = "change_record_copy",
           name = "工商局或其他政府单位颁发的单位变更记录凭证复印件", stamped = true }
-- 续期 "4.原CA usbkey"; 变更 "5.原数字证书 usbkey"; 解锁 "4.原数字证书 usbkey"
material { business = "renew", channel = COUNTER_OR_MAIL, code = "original_usbkey",
           name = "原CA usbkey", original = true }
material { business = { "change", "unlock" }, channel = COUNTER_OR_MAIL, code = "original_usbkey",
           name = "原数字证书 usbkey", original = true }
-- 续期 and 补办: "备注：选择邮寄办理须提前公对公汇款，并提供汇款单复印件"
material { business = { "renew", "reissue_lost", "reissue_damaged" }, channel = "mail", code = "remittance_slip_copy",
           name = "汇款单复印件", note = "须提前公对公汇款，汇款单位必须是办理CA的单位，备注“办理广东政府采购CA”" }

-- 注销: the form (申请业务类型 "□注销", "申请单位盖章"); the guide lists nothing else.
material { business = "revoke", code = "application_form", name = "《数字证书及电子印章申请表》", stamped = true,
           note = "申请业务类型勾选“注销”" }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- The guide publishes neither a period nor a date rule. A new certificate starts on the day it is
-- issued. For renewal, reissue and change the service point must still fix the dates (audit I6):
-- these are its conventions, shown as such with every quote.
validity { business = { "new", "add" }, from = "today" }
validity { business = "renew", from = "old_expiry_or_today",
           convention = "来源未规定续期证书的起止日期：本服务点按原证书到期日顺延（已过期的自今日起）；续期年限未公布" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep",
           convention = "来源未规定补办证书的有效期：本服务点沿用原证书的起止日期" }
validity { business = "change", from = "keep",
           convention = "来源未规定变更后证书的有效期：本服务点沿用原证书的起止日期" }
