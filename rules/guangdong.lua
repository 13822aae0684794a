-- 广东省政府采购智慧监管平台 — Guangdong government procurement supervision platform, served by NETCA.
--
-- Source: seeds/002 《网证通数字证书及电子签章办理操作指南》 and its form
-- 《网证通数字证书及电子印章申请表——广东省政府采购智慧监管平台专用》.
-- The guide publishes no amount: every fee below has no `fen` and shows as unpriced.

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
fee { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, channel = "mail",
      code = "courier", label = "双程快递费（由申请单位支付）" }

---------------------------------------------------------------------------------------------------
-- Channels the guide does not offer for a business
---------------------------------------------------------------------------------------------------

-- 二.1: paper and payment proof "前往前台办理/或者选择邮寄" after the online fill-in.
refuse { business = "new", channel = { "online", "self_service" }, code = "channel_not_offered",
         zh = "新申请须在线填写资料后到网证通前台办理或邮寄纸质资料办理",
         en = "A new certificate is handled at the NETCA counter or by mail, after the online form is filled in" }
-- 二.2: the add request is made online, signed with the unit's existing certificate.
refuse { business = "add", channel = { "onsite", "mail", "self_service" }, code = "channel_not_offered",
         zh = "增加数字证书个数须在线申请，并插入原数字证书进行签名",
         en = "More certificates are requested online, signed with the unit's existing certificate" }
-- 补办 / 变更: "只能选择现场或者邮寄办理方式"
refuse { business = { "reissue_lost", "reissue_damaged", "change" }, channel = { "online", "self_service" },
         code = "channel_not_offered",
         zh = "补办、变更只能选择现场或者邮寄办理方式",
         en = "Reissue and change are handled only at the counter or by mail" }
refuse { business = "renew", channel = "online", code = "channel_not_offered",
         zh = "续期请在网证通安全客户端自助办理（未过期）或现场、邮寄办理（已过期）",
         en = "Renew yourself in the NETCA client (not expired) or at the counter or by mail (expired)" }
refuse { business = "unlock", channel = "online", code = "channel_not_offered",
         zh = "解锁请在网证通安全客户端【忘记密码】自动解锁，或现场、邮寄办理",
         en = "Unlock in the NETCA client (forgot password) or at the counter or by mail" }
-- The guide gives no channel for 注销 beyond the form; online requests are not described.
refuse { business = "revoke", channel = { "online", "self_service" }, code = "channel_not_offered",
         zh = "注销须提交申请表，请现场或邮寄办理",
         en = "Revocation is requested on the paper form, at the counter or by mail" }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- 续期: "数字证书过期后只能选择现场或者邮寄办理方式"
refuse { business = "renew", channel = "self_service", when = { expired = true }, code = "expired_renew_self_service",
         zh = "数字证书已过期，只能选择现场或者邮寄办理续期",
         en = "The certificate has expired: renew at the counter or by mail" }
-- 二.2 "此办理方式须已有同名网证通有效数字证书进行签名，如果未有数字证书或者数字证书已过期，请按照上述第一种方式办理"
refuse { business = "add", when = { expired = true }, code = "add_needs_valid_certificate",
         zh = "增加证书个数须用同名网证通有效数字证书签名；数字证书已过期，请按新申请办理",
         en = "Adding certificates needs a valid NETCA certificate of the same unit to sign; it has expired, so apply as new" }
-- 解锁: "数字证书经办人已变更的单位无法自动解锁，只能选择现场或者邮寄办理方式"
refuse { business = "unlock", channel = "self_service", when = { agent_changed = true }, code = "agent_changed_unlock",
         zh = "数字证书经办人已变更，无法自动解锁，只能选择现场或者邮寄办理",
         en = "The agent on record has changed, so the client cannot unlock automatically: unlock at the counter or by mail" }

---------------------------------------------------------------------------------------------------
-- Materials (所需材料)
---------------------------------------------------------------------------------------------------

-- 二.1 新申请: "A.《数字证书及电子印章申请表》（需加盖公章） B.《营业执照副本》（需加盖公章）
-- C.经办人身份证（需加盖公章）", scanned and uploaded, then the paper brought or mailed.
material { business = "new", code = "application_form", name = "《数字证书及电子印章申请表》", stamped = true }
-- "无法公对公银行汇款的单位，只能选择到网证通前台现场办理，并且要带齐所需纸质资料和营业执照副本原件前往"
material { business = "new", code = "business_licence", name = "《营业执照副本》", stamped = true,
           note = "无法公对公银行汇款的单位只能到网证通前台现场办理，并须带营业执照副本原件" }
material { business = "new", code = "agent_id", name = "经办人身份证", stamped = true }
-- "④带齐纸质资料和付款凭证前往前台办理/或者选择邮寄给CA机构网证通"
material { business = "new", code = "payment_proof", name = "付款凭证" }

-- 二.2 增加证书个数: the same three items scanned and uploaded, "无须提交纸质材料", signed online
-- with the unit's existing certificate.
material { business = "add", code = "application_form", name = "《数字证书及电子印章申请表》", stamped = true }
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

-- 注销: the form (申请业务类型 "□注销", 申请单位盖章); the guide lists nothing else.
material { business = "revoke", code = "application_form", name = "《数字证书及电子印章申请表》", stamped = true }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- The guide does not spell out dates; the project's validity convention applies: new from today,
-- renewal from the old expiry while live (from today once expired), reissue keeps the old dates.
validity { business = { "new", "add" }, from = "today" }
validity { business = "renew", from = "old_expiry_or_today" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep" }

-- What each CA does here, carried over unchanged from the CA plugins' offers tables of ABI 1
-- (the region × CA agreement is restated from the source in the next change).
offer { ca = "netca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org" } }
offer { ca = "netca", channel = "mail", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org" } }
offer { ca = "netca", channel = "online", business = { "add" }, applicant = { "org" } }
offer { ca = "netca", channel = "self_service", business = { "renew", "unlock" }, applicant = { "org" } }
