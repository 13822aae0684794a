-- 青海省公共资源交易平台 — Qinghai public resource trading platform, served by BJCA and HBCA.
--
-- Source: seeds/001 《青海省公共资源交易平台CA数字证书办理指南》.
-- Amounts are integer fen. The guide publishes no amount at all ("并缴纳延期费用" says renewal is
-- paid, nothing more), so every fee below has no `fen`: quotes show it as unpriced and name the line.
-- The guide describes one procedure for both CAs it accepts ("相应CA数字证书窗口", "相应网址"): the
-- window, the online addresses, the 2 working days and the contacts are declared here, per CA where
-- the guide names one; nothing of another region's procedure (Beijing's mail-in address, central's
-- 3-5 days, its verification and PIN routes) applies in Qinghai.

region {
  id = "qinghai",
  name = "青海省公共资源交易平台",
  name_en = "Qinghai public resource trading platform",
  source = "seed 001: 青海省公共资源交易平台CA数字证书办理指南",
  accepts = { "bjca", "hbca" },         -- "已办理北京CA和湖北CA的数字证书"; online addresses for both
  applicants = { "org", "person" },     -- 企业 and 个人（评标专家）
  -- "CA数字证书办理有现场办理和线上办理两种方式"
  channels = { "onsite", "online" },
  -- 初次办理, 延期（续期）, 信息变更, 遗失补办, 损坏补办, 密码解锁
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" },
  -- "服务期限为1年或2年（申请方可自主选择服务期）"
  years = { 1, 2 },
}

---------------------------------------------------------------------------------------------------
-- What each CA does here
---------------------------------------------------------------------------------------------------
-- 二（三） "CA数字证书办理有现场办理和线上办理两种方式，线下现场办理携带“相关资料”，到青海省政务服务
-- 监督管理局二楼相应CA数字证书窗口办理，线上办理将“相关资料”完善打印并盖章（评标专家签字即可）后扫描
-- 上传至相应网址在线上办理" — both ways, for units and experts alike, with both CAs (六 gives each
-- CA's online address). Renewal: "递交到…相应CA数字证书窗口办理或申请单位在相应网址在线自行延期（续期）".
-- Unlock (C5): the guide's only words on it are "密码解锁（现场解锁）" — on site; no online unlock
-- is published for either CA, so neither offers it here.
local BOTH_WAYS = { "new", "renew", "change", "reissue_lost", "reissue_damaged" }

offer { ca = "bjca", business = BOTH_WAYS, channel = { "onsite", "online" }, applicant = "org" }     -- 企业
offer { ca = "bjca", business = BOTH_WAYS, channel = { "onsite", "online" }, applicant = "person" }  -- 评标专家
offer { ca = "bjca", business = "unlock", channel = "onsite", applicant = { "org", "person" } }

offer { ca = "hbca", business = BOTH_WAYS, channel = { "onsite", "online" }, applicant = "org" }     -- 企业
offer { ca = "hbca", business = BOTH_WAYS, channel = { "onsite", "online" }, applicant = "person" }  -- 评标专家
offer { ca = "hbca", business = "unlock", channel = "onsite", applicant = { "org", "person" } }

---------------------------------------------------------------------------------------------------
-- Fees: none published.
---------------------------------------------------------------------------------------------------

-- 三 初次办理 (and change/reissues, "所需资料同初次办理一致"): no amount printed.
fee { business = "new", code = "certificate", label = "CA数字证书办理费用" }
-- 五: "须在证书失效前30天以内向受理方提出证书延期（续期）请求，并缴纳延期费用" — paid, amount not printed.
fee { business = "renew", code = "renewal", label = "延期费用" }
fee { business = "change", code = "change", label = "CA数字证书信息变更费用" }
fee { business = { "reissue_lost", "reissue_damaged" }, code = "reissue", label = "CA数字证书补办费用" }
fee { business = "unlock", code = "unlock", label = "CA数字证书密码解锁费用" }

---------------------------------------------------------------------------------------------------
-- Materials (所需资料)
---------------------------------------------------------------------------------------------------
-- "完善所有信息内容打印并盖章（评标专家签字即可）": units stamp every item, experts sign instead.
-- Online handling uploads colour scans of the same items ("上传的所有资料为原件的彩色扫描件"),
-- so new, change and both reissues list them on both channels
-- ("CA数字证书信息变更、遗失补办、损坏补办所需资料同初次办理一致").

local AS_NEW = { "new", "change", "reissue_lost", "reissue_damaged" }

-- 三（一） 企业办理所需资料：（加盖公章）
material { business = AS_NEW, applicant = "org", code = "legal_rep_authorisation",
           name = "法人授权委托书", stamped = true }
material { business = AS_NEW, applicant = "org", code = "id_copies",
           name = "法人身份证复印件和被授权人身份证正反面复印件", stamped = true }
material { business = AS_NEW, applicant = "org", code = "application_form",
           name = "单位数字证书申请表", stamped = true }
material { business = AS_NEW, applicant = "org", code = "seal_collection_form",
           name = "签章采集表", stamped = true }
material { business = AS_NEW, applicant = "org", code = "service_commitment",
           name = "青海省公共资源交易数字证书服务责任书", stamped = true }

-- 三（二） 个人（评标专家）办理所需资料 (signed, "评标专家签字即可")
material { business = AS_NEW, applicant = "person", code = "holder_id_copy",
           name = "办理人身份证复印件", signed = true }
-- "（如需委托代办必须具备）": only when someone applies on the expert's behalf.
material { business = AS_NEW, applicant = "person", when = { delegated = true }, code = "delegation",
           name = "办理人身份证原件和复印件及被委托人身份证正反面复印件和个人业务办理委托书",
           signed = true, original = true }
material { business = AS_NEW, applicant = "person", code = "application_form",
           name = "个人数字证书申请表", signed = true }
material { business = AS_NEW, applicant = "person", code = "seal_collection_form",
           name = "签章采集表", signed = true }
material { business = AS_NEW, applicant = "person", code = "service_commitment",
           name = "青海省公共资源交易数字证书服务责任书", signed = true }

-- 四 延期（续期）所需资料: at the counter. "在线自行延期（续期）无需提交相关资料", so online none.
-- No 签章采集表 for renewal. These are the items for "已办理北京CA和湖北CA的数字证书"; a former Jiangsu CA
-- certificate brings the new-application items instead (below).
local JSCCA = { former_ca = "jscca" }   -- 原江苏CA数字证书
material { business = "renew", channel = "onsite", applicant = "org", unless = JSCCA,
           code = "legal_rep_authorisation", name = "法人授权委托书", stamped = true }
material { business = "renew", channel = "onsite", applicant = "org", unless = JSCCA,
           code = "id_copies", name = "法人身份证复印件和被授权人身份证正反面复印件", stamped = true }
material { business = "renew", channel = "onsite", applicant = "org", unless = JSCCA,
           code = "application_form", name = "单位数字证书申请表", stamped = true }
material { business = "renew", channel = "onsite", applicant = "org", unless = JSCCA,
           code = "service_commitment", name = "青海省公共资源交易数字证书服务责任书", stamped = true }
material { business = "renew", channel = "onsite", applicant = "person", unless = JSCCA,
           code = "holder_id_copy", name = "办理人身份证复印件", signed = true }
material { business = "renew", channel = "onsite", applicant = "person", unless = JSCCA,
           when = { delegated = true }, code = "delegation",
           name = "办理人身份证原件和复印件及被委托人身份证正反面复印件和个人业务办理委托书",
           signed = true, original = true }
material { business = "renew", channel = "onsite", applicant = "person", unless = JSCCA,
           code = "application_form", name = "个人数字证书申请表", signed = true }
material { business = "renew", channel = "onsite", applicant = "person", unless = JSCCA,
           code = "service_commitment", name = "青海省公共资源交易数字证书服务责任书", signed = true }

-- C7: 四（三） "延期（续期）是已办理北京CA和湖北CA的数字证书，原江苏CA数字证书，按初次办理所需资料提供
-- “相关资料”" — the renewal of a former Jiangsu CA certificate is not refused: it brings the items of
-- 三 (初次办理), 签章采集表 included, on either way of handling. "在线自行延期…无需提交相关资料" is the
-- self-renewal of a BJCA or HBCA certificate on that CA's site; a Jiangsu certificate's "相关资料" go
-- the general online way (scanned and uploaded, 二（三）), so they are listed online too.
material { business = "renew", applicant = "org", when = JSCCA, code = "legal_rep_authorisation",
           name = "法人授权委托书", stamped = true }
material { business = "renew", applicant = "org", when = JSCCA, code = "id_copies",
           name = "法人身份证复印件和被授权人身份证正反面复印件", stamped = true }
material { business = "renew", applicant = "org", when = JSCCA, code = "application_form",
           name = "单位数字证书申请表", stamped = true }
material { business = "renew", applicant = "org", when = JSCCA, code = "seal_collection_form",
           name = "签章采集表", stamped = true }
material { business = "renew", applicant = "org", when = JSCCA, code = "service_commitment",
           name = "青海省公共资源交易数字证书服务责任书", stamped = true }
material { business = "renew", applicant = "person", when = JSCCA, code = "holder_id_copy",
           name = "办理人身份证复印件", signed = true }
material { business = "renew", applicant = "person", when = { former_ca = "jscca", delegated = true },
           code = "delegation", name = "办理人身份证原件和复印件及被委托人身份证正反面复印件和个人业务办理委托书",
           signed = true, original = true }
material { business = "renew", applicant = "person", when = JSCCA, code = "application_form",
           name = "个人数字证书申请表", signed = true }
material { business = "renew", applicant = "person", when = JSCCA, code = "seal_collection_form",
           name = "签章采集表", signed = true }
material { business = "renew", applicant = "person", when = JSCCA, code = "service_commitment",
           name = "青海省公共资源交易数字证书服务责任书", signed = true }

-- 注: "办理CA数字证书延期（续期）、信息变更、密码解锁（现场解锁），需携带原CA数字证书及介质（UKey）"
-- — "携带" (bring) is the counter; the guide says nothing of the key for online handling.
material { business = { "renew", "change", "unlock" }, channel = "onsite", code = "original_ukey",
           name = "原CA数字证书及介质（UKey）", original = true }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- 二（一） "各市场主体拟办理CA数字证书前，需在“青海省电子招标投标公共服务平台”完成主体入库"
refuse { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" },
         applicant = "org", when = { registered = false }, code = "not_registered",
         zh = "申请单位尚未在青海省电子招标投标公共服务平台完成主体入库，请先完成主体入库再办理CA数字证书",
         en = "The unit is not yet registered in the Qinghai e-bidding public service platform's subject database: register first" }

-- 二（二） "省级综合评标专家库的评标专家可直接办理CA数字证书，未申请入库专家需先申请入库经培训审核后方可办理"
refuse { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" },
         applicant = "person", when = { expert_in_database = false }, code = "expert_not_in_database",
         zh = "该专家未进入省级综合评标专家库，须先申请入库并经培训审核后方可办理CA数字证书",
         en = "The expert is not in the provincial expert database: apply for admission, training and review first" }

-- 四 注: "用户在招投标期间一律不得续期，变更证书，否则会导致无法解密标书"
refuse { business = { "renew", "change" }, when = { open_bid = true }, code = "bidding_lock",
         zh = "该证书加密的招投标文件已上传且尚未开标，招投标期间不得续期或变更证书，请在招投标空闲期间办理",
         en = "An encrypted bid file made with this certificate is uploaded and not yet opened: renew or change only when no bidding is in progress" }

-- 四（三）/五 "在CA数字证书到期前30天内" / "须在证书失效前30天以内向受理方提出证书延期（续期）请求"
renewal_window { days_before_expiry = 30 }

-- C6: 五 "服务期满后，若申请方需继续使用证书及签章服务，则须在证书失效前30天以内向受理方提出证书延期
-- （续期）请求，并缴纳延期费用。" The request must come before the certificate lapses ("须…失效前"),
-- and 四（三） likewise has the unit hand in "在CA数字证书到期前30天内" the certificate to be renewed,
-- at the window or online. A certificate already expired is outside what the guide allows; the host
-- knows it from the certificate's dates. What such a unit does instead the guide does not say, so
-- the refusal says only that.
refuse { business = "renew", when = { expired = true }, code = "renewal_after_expiry",
         zh = "证书已过期：本平台须在证书失效前30天以内提出延期（续期）请求，证书失效后不能续期；办理指南未公布失效证书的办理方式，请咨询相应CA",
         en = "The certificate has expired: Qinghai requires the renewal request within the 30 days before expiry, so it cannot be renewed now; the guide does not say how an expired certificate is handled, ask the CA" }

---------------------------------------------------------------------------------------------------
-- Limits across orders
---------------------------------------------------------------------------------------------------

-- 五 "申请单位只能申请1把主锁，若有业务需要的允许申请多把副锁。" A rule of the platform about the unit
-- ("申请单位"), not of one CA: a unit holding a BJCA master key may not take an HBCA one too. It
-- counts the master keys the unit holds in this region and its open orders for one.
limit { business = "new", key = "master", applicant = "org", code = "one_master_key",
        counts = "held", across = "region", at_most = 1,
        zh = "申请单位只能申请1把主锁（含在办订单，北京CA与湖北CA合计）；若有业务需要，可申请多把副锁",
        en = "A unit may hold only one master key on this platform (open orders included, BJCA and HBCA together); secondary keys may be added as the business needs" }

---------------------------------------------------------------------------------------------------
-- The procedure (steps), in the order the applicant meets them
---------------------------------------------------------------------------------------------------

-- 二（三） "办理CA数字证书的各市场主体，登录“青海省公共资源交易网（http://111.44.251.34/ggzy/）”，认真
-- 阅读“办事指南”“下载中心”栏的《青海省公共资源交易平台CA数字证书办理指南》后，自行下载所需办理事项的附件，
-- 完善所有信息内容打印并盖章（评标专家签字即可）。" Wherever there are 相关资料 to hand in or upload.
local FORMS_ZH = "登录青海省公共资源交易网（http://111.44.251.34/ggzy/），阅读“办事指南”“下载中心”栏的《青海省公共资源交易平台CA数字证书办理指南》后，自行下载所需办理事项的附件，完善所有信息内容打印并盖章（评标专家签字即可）"
local FORMS_EN = "On 青海省公共资源交易网 (http://111.44.251.34/ggzy/) read the CA certificate guide under 办事指南 / 下载中心, download the forms for the business, complete, print and stamp them (an expert signs instead)"
step { business = { "new", "change", "reissue_lost", "reissue_damaged" }, code = "download_forms",
       zh = FORMS_ZH, en = FORMS_EN }
step { business = "renew", channel = "onsite", code = "download_forms", zh = FORMS_ZH, en = FORMS_EN }
step { business = "renew", channel = "online", when = JSCCA, code = "download_forms", zh = FORMS_ZH, en = FORMS_EN }

-- 四 注: "如有正在招投标项目而未告知工作人员的，造成的一切后果请自行承担" — the clerk cannot see the
-- bids; the applicant must say so (the bidding lock above refuses once it is said).
step { business = { "renew", "change" }, code = "tell_open_bids",
       zh = "续期或变更证书的请提前办理，请在招投标空闲期间办理；如有正在招投标项目而未告知工作人员的，造成的一切后果请自行承担",
       en = "Renew or change ahead of time, when no bidding is in progress; tell the staff of any bidding under way, or bear the consequences" }

-- On site. 二（三） "到青海省政务服务监督管理局二楼相应CA数字证书窗口办理"; 六 "办理地点：西宁市西川南路53号
-- 文博大厦青海省政务服务监督管理局二楼CA数字证书窗口".
step { business = { "new", "renew", "change", "reissue_lost", "reissue_damaged", "unlock" }, channel = "onsite",
       ca = "bjca", code = "onsite_window",
       zh = "到西宁市西川南路53号文博大厦青海省政务服务监督管理局二楼CA数字证书窗口（北京CA）办理",
       en = "Go to the CA certificate window of BJCA, 2nd floor, 青海省政务服务监督管理局, 文博大厦, 53 Xichuan South Road, Xining" }
step { business = { "new", "renew", "change", "reissue_lost", "reissue_damaged", "unlock" }, channel = "onsite",
       ca = "hbca", code = "onsite_window",
       zh = "到西宁市西川南路53号文博大厦青海省政务服务监督管理局二楼CA数字证书窗口（湖北CA）办理",
       en = "Go to the CA certificate window of HBCA, 2nd floor, 青海省政务服务监督管理局, 文博大厦, 53 Xichuan South Road, Xining" }
-- 三（三） "递交到青海省政务服务监督管理局二楼相应CA数字证书窗口，递交资料后现场办理并领取CA数字证书"
-- (初次办理, and 信息变更/遗失补办/损坏补办 "同初次办理").
step { business = { "new", "change", "reissue_lost", "reissue_damaged" }, channel = "onsite", code = "onsite_collect",
       zh = "递交资料后现场办理并领取CA数字证书",
       en = "Hand in the materials; the certificate is made and collected on the spot" }

-- Online. 三（三） "将资料扫描上传至相应网址（上传的所有资料为原件的彩色扫描件）" (O2) with 六's address per CA.
local UPLOAD = { "new", "change", "reissue_lost", "reissue_damaged" }
step { business = UPLOAD, channel = "online", ca = "bjca", code = "online_upload",
       zh = "将资料扫描上传至北京数字证书在线办理网址 http://help.bjca.cn/qhggzy/yqm/index.html ，上传的所有资料为原件的彩色扫描件",
       en = "Upload the materials on BJCA's online site http://help.bjca.cn/qhggzy/yqm/index.html; every upload is a colour scan of the original" }
step { business = "renew", channel = "online", ca = "bjca", when = JSCCA, code = "online_upload",
       zh = "将资料扫描上传至北京数字证书在线办理网址 http://help.bjca.cn/qhggzy/yqm/index.html ，上传的所有资料为原件的彩色扫描件",
       en = "Upload the materials on BJCA's online site http://help.bjca.cn/qhggzy/yqm/index.html; every upload is a colour scan of the original" }
step { business = UPLOAD, channel = "online", ca = "hbca", code = "online_upload",
       zh = "将资料扫描上传至湖北数字证书在线办理网址 http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205 ，上传的所有资料为原件的彩色扫描件",
       en = "Upload the materials on HBCA's online site http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205; every upload is a colour scan of the original" }
step { business = "renew", channel = "online", ca = "hbca", when = JSCCA, code = "online_upload",
       zh = "将资料扫描上传至湖北数字证书在线办理网址 http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205 ，上传的所有资料为原件的彩色扫描件",
       en = "Upload the materials on HBCA's online site http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205; every upload is a colour scan of the original" }
-- C4: 三（三） "待工作人员网上收到资料并确保无误后2个工作日内办理CA数字证书并以邮寄的方式寄至申请人"
step { business = UPLOAD, channel = "online", code = "online_handling_by_mail",
       zh = "工作人员网上收到资料并确保无误后2个工作日内办理CA数字证书，并以邮寄的方式寄至申请人",
       en = "Once staff have received the materials online and found them correct, the certificate is issued within 2 working days and mailed to the applicant" }
step { business = "renew", channel = "online", when = JSCCA, code = "online_handling_by_mail",
       zh = "工作人员网上收到资料并确保无误后2个工作日内办理CA数字证书，并以邮寄的方式寄至申请人",
       en = "Once staff have received the materials online and found them correct, the certificate is issued within 2 working days and mailed to the applicant" }

-- 四（三） "申请单位在相应网址在线自行延期（续期），在线自行延期（续期）无需提交“相关资料”" with 六's address.
step { business = "renew", channel = "online", ca = "bjca", unless = JSCCA, code = "online_self_renewal",
       zh = "在北京数字证书在线办理网址 http://help.bjca.cn/qhggzy/yqm/index.html 在线自行延期（续期），无需提交相关资料",
       en = "Renew yourself on BJCA's online site http://help.bjca.cn/qhggzy/yqm/index.html; no materials are needed" }
step { business = "renew", channel = "online", ca = "hbca", unless = JSCCA, code = "online_self_renewal",
       zh = "在湖北数字证书在线办理网址 http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205 在线自行延期（续期），无需提交相关资料",
       en = "Renew yourself on HBCA's online site http://css.hbca.org.cn:8088/hbcaysl/web/businessQuery.jsp?projectNo=205; no materials are needed" }

-- 六 咨询电话 / 技术支持QQ群 / 售后服务电话, per CA.
local ALL = { "new", "renew", "change", "reissue_lost", "reissue_damaged", "unlock" }
step { business = ALL, ca = "bjca", code = "contacts",
       zh = "咨询电话：0971-6138132（北京数字认证股份有限公司）；技术支持QQ群：1074970956；售后服务电话：4007001900",
       en = "BJCA (北京数字认证股份有限公司): enquiries 0971-6138132; support QQ group 1074970956; after-sales 4007001900" }
step { business = ALL, ca = "hbca", code = "contacts",
       zh = "咨询电话：0971-5115239（湖北省数字证书认证管理中心有限公司）；技术支持QQ群：980618660；售后服务电话：4008708080",
       en = "HBCA (湖北省数字证书认证管理中心有限公司): enquiries 0971-5115239; support QQ group 980618660; after-sales 4008708080" }

---------------------------------------------------------------------------------------------------
-- Review
---------------------------------------------------------------------------------------------------

-- C4: "…确保无误后2个工作日内办理CA数字证书并以邮寄的方式寄至申请人" — within 2 working days (no lower
-- bound), for both CAs, wherever materials are uploaded. The online self-renewal has no review; on
-- site the certificate is handled "递交资料后现场办理并领取", so no review time is declared there.
review { business = UPLOAD, channel = "online", working_days = { 0, 2 } }
review { business = "renew", channel = "online", when = JSCCA, working_days = { 0, 2 } }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- The guide names the service period ("服务期限为1年或2年（申请方可自主选择服务期）"), which a new
-- certificate runs from its issue. It gives no date rule for a renewal or a reissue (I3); the service
-- point must still put dates on the certificate, so these are declared as its conventions and the
-- quote shows them as such.
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today",
           convention = "办理指南未规定延期（续期）证书的起止日期：本服务点按原证书到期日顺延所选服务期" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep",
           convention = "办理指南未规定补办证书的起止日期：本服务点沿用原证书的起止日期" }
