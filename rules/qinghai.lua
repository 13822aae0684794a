-- 青海省公共资源交易平台 — Qinghai public resource trading platform, served by BJCA and HBCA.
--
-- Source: seeds/001 《青海省公共资源交易平台CA数字证书办理指南》.
-- Amounts are integer fen. The guide publishes no amount at all ("并缴纳延期费用" says renewal is
-- paid, nothing more), so every fee below has no `fen`: quotes show it as unpriced and name the line.

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
-- No 签章采集表 for renewal.
material { business = "renew", channel = "onsite", applicant = "org", code = "legal_rep_authorisation",
           name = "法人授权委托书", stamped = true }
material { business = "renew", channel = "onsite", applicant = "org", code = "id_copies",
           name = "法人身份证复印件和被授权人身份证正反面复印件", stamped = true }
material { business = "renew", channel = "onsite", applicant = "org", code = "application_form",
           name = "单位数字证书申请表", stamped = true }
material { business = "renew", channel = "onsite", applicant = "org", code = "service_commitment",
           name = "青海省公共资源交易数字证书服务责任书", stamped = true }
material { business = "renew", channel = "onsite", applicant = "person", code = "holder_id_copy",
           name = "办理人身份证复印件", signed = true }
material { business = "renew", channel = "onsite", applicant = "person", when = { delegated = true },
           code = "delegation",
           name = "办理人身份证原件和复印件及被委托人身份证正反面复印件和个人业务办理委托书",
           signed = true, original = true }
material { business = "renew", channel = "onsite", applicant = "person", code = "application_form",
           name = "个人数字证书申请表", signed = true }
material { business = "renew", channel = "onsite", applicant = "person", code = "service_commitment",
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

-- 五 "申请单位只能申请1把主锁，若有业务需要的允许申请多把副锁"
refuse { business = "new", key = "master", when = { has_master_key = true }, code = "one_master_key",
         zh = "每个申请单位只能申请1把主锁，本单位已有主锁；如有业务需要可申请副锁",
         en = "A unit may hold only one master key and this unit already has one; apply for a secondary key instead" }

-- 四 注: "用户在招投标期间一律不得续期，变更证书，否则会导致无法解密标书"
refuse { business = { "renew", "change" }, when = { open_bid = true }, code = "bidding_lock",
         zh = "该证书加密的招投标文件已上传且尚未开标，招投标期间不得续期或变更证书，请在招投标空闲期间办理",
         en = "An encrypted bid file made with this certificate is uploaded and not yet opened: renew or change only when no bidding is in progress" }

-- 四（三） "延期（续期）是已办理北京CA和湖北CA的数字证书，原江苏CA数字证书，按初次办理所需资料提供“相关资料”"
refuse { business = "renew", when = { former_ca = "jscca" }, code = "former_jscca_as_new",
         zh = "原江苏CA数字证书不能按续期办理，请按初次办理所需资料申请新办",
         en = "A certificate of the former Jiangsu CA cannot be renewed: apply as a new certificate with the new-application materials" }

-- 四（三）/五 "在CA数字证书到期前30天内" / "须在证书失效前30天以内向受理方提出证书延期（续期）请求"
renewal_window { days_before_expiry = 30 }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- The guide names the service period (1 or 2 years) and calls renewal 延期 (an extension); it
-- does not spell out the dates. These follow the project's validity convention: a new
-- certificate runs from today, a renewal extends a live certificate from its old expiry (an
-- expired one from today), a reissue keeps the old dates.
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep" }

-- What each CA does here, carried over unchanged from the CA plugins' offers tables of ABI 1
-- (the region × CA agreement is restated from the source in the next change).
offer { ca = "bjca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org", "person" } }
offer { ca = "bjca", channel = "online", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org", "person" } }
offer { ca = "hbca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org", "person" } }
offer { ca = "hbca", channel = "online", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = { "org", "person" } }
