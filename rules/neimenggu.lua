-- 内蒙古自治区政府采购网（政采云） — Inner Mongolia government procurement network.
-- The applicant chooses one of five CAs: NMGCA (内蒙CA), SNCA (陕西CA, 内蒙古一证通), SZCA (深圳CA),
-- CFCA (served by 江苏翔晟), BJCA (北京CA).
--
-- Source: seeds/004 《内蒙古自治区政府采购网CA数字证书及电子印章办理指南》 with each CA's
-- handling guide and forms. "l.N" below is line N of seeds/004_3b354700e58f7e5f.txt.
--
-- This script is the platform's agreement with each CA it accepts (issue 12): what each CA does
-- here (offer), its fees, materials, steps (offices, addresses, contacts, payment, PIN delivery,
-- delivery), review times, limits across orders and validity. Almost everything is per CA, so
-- nearly every entry says `ca = "..."`. Nothing here is taken from another region's source, and
-- what S4 does not publish is left out (a fee without `fen` is unpriced).
-- Validity periods are per CA too: CFCA sells 1, 2 or 4 years and SNCA's default is one year
-- (years_offered below); NMGCA, SZCA and BJCA publish none, so their quotes say not published.

region {
  id = "neimenggu",
  name = "内蒙古自治区政府采购网",
  name_en = "Inner Mongolia government procurement network (Zhengcaiyun)",
  source = "seed 004: 内蒙古自治区政府采购网CA数字证书及电子印章办理指南",
  -- l.14-44 "CA受理服务机构（自行选择）": 内蒙CA, 陕西CA, 深圳CA, CFCA, 北京CA
  accepts = { "nmgca", "snca", "szca", "cfca", "bjca" },
  -- 单位证书 (all CAs); 个人 (NMGCA's and BJCA's personal forms, CFCA "个人用户", SNCA's 评标专家,
  -- SZCA's 自然人证书); 机构个人证书 (SZCA only)
  applicants = { "org", "person", "org_person" },
  -- 线下办理地址 / 线上受理网址 (l.14-44); no CA publishes a mail-in route here
  channels = { "onsite", "online" },
  -- 新办, 年检/续费/次年延续/更新, 补办 (丢失密钥或密钥损坏), 变更, 解锁, 挂起 and 注销 (SNCA form,
  -- NMGCA's online platform)
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "revoke" },
  -- NMGCA, SZCA and BJCA publish no validity period; CFCA's and SNCA's follow.
  years = "not published",
}

-- CFCA's table prices "1年 / 2年 / 4年" (l.1271-1301).
years_offered { ca = "cfca", years = { 1, 2, 4 } }
-- SNCA: "用户数字证书的默认有效期为一年" (l.825); no other period is published.
years_offered { ca = "snca", years = { 1 } }

---------------------------------------------------------------------------------------------------
-- Offers: what each CA does here, per business × channel × applicant, as S4 publishes it.
-- Anything else is refused as not_offered_by_ca_here.
---------------------------------------------------------------------------------------------------

-- NMGCA online: "数字证书在线受理平台主要实现数字证书的在线申请、信息变更、补办、更新、延期、续费、注销数字
-- 证书的功能" (l.2990); its guide "适用于申请单位证书及电子印章申请的用户" (l.2984): units only.
offer { ca = "nmgca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "revoke" },
        channel = "online", applicant = "org" }
-- NMGCA onsite ("现场办理地址", 10 offices, l.3247-3335), by its paper forms' business types. The unit's
-- 数字证书申请表: "█初次办理 □丢失补办 □信息变更" (l.3361); the person's (experts, "政府采购"专家身份证
-- 复印件 l.304): the same three (l.96) and its e-seal form "█新办 □年审 □变更 □补办" (l.248).
offer { ca = "nmgca", business = { "new", "reissue_lost", "change" }, channel = "onsite", applicant = "org" }
offer { ca = "nmgca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" },
        channel = "onsite", applicant = "person" }

-- SNCA onsite: "现场办理需要企业提交的相关资料" (l.345); its form "申请类型：□ 新申请 □延期 □变更 □ 挂起
-- □补办 □注销" (l.418); unlock "公司开具法人授权书（加盖公章）现场解锁" (l.365). The form's 主体类型 lists
-- "□评标专家" (l.434) beside the units, so a person (expert) may use the same form; unlock is the
-- company's ("公司开具法人授权书"), so units only.
offer { ca = "snca", business = { "new", "renew", "change", "freeze", "reissue_lost", "reissue_damaged", "revoke", "unlock" },
        channel = "onsite", applicant = "org" }
offer { ca = "snca", business = { "new", "renew", "change", "freeze", "reissue_lost", "reissue_damaged", "revoke" },
        channel = "onsite", applicant = "person" }
-- SNCA online (C11): "线上受理网址：http://apply.yztca.com:7777/sncaapply" (l.24) and "网上办理用户以自提或
-- 到付方式邮寄给用户" (l.359, in the list for a new certificate); "提供免费的在线解锁、证书变更等业务"
-- (l.393); "联系CA客服进行网上解锁" (l.365). Renewal, reissue and the rest online are not published.
offer { ca = "snca", business = { "new", "change", "unlock" }, channel = "online", applicant = "org" }

-- SZCA: one business on one channel, "网上营业厅——业务办理——证书新办——内蒙古政采" (l.1038), for
-- "机构证书、机构个人证书、自然人证书" (l.1080, O11).
offer { ca = "szca", business = "new", channel = "online", applicant = { "org", "org_person", "person" } }

-- CFCA (翔晟): offline, the notice's flow for new, "变更单位名称、变更法定代表人，需按照以上流程办理变更；
-- 若丢失密钥或密钥损坏需按照以上流程申请补办" (l.1263) and "数字证书及电子签章续费" (l.1295); online
-- "在线新办、年检、补办及变更等服务" (l.1337); "□企业用户 □个人用户" (l.1837).
offer { ca = "cfca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" },
        channel = { "onsite", "online" }, applicant = { "org", "person" } }

-- BJCA: "北京CA可提供全流程线上无纸化办理服务，用户无需邮寄纸质材料……建议用户登录线上受理网址进行线上
-- 办理" (l.44); Inner Mongolia has only a 咨询服务地址 (l.42), no counter. Its guide: 1.单位证书办理,
-- 2.在线更新, 3.证书解锁, 4.证书补办 (lost, or "人为原因造成介质损坏"), 5.信息变更 (l.2136-2348); its
-- personal application form (l.2596) with the same agreement. No revocation procedure is published
-- here ("吊销手续遵循各注册机构的规定", l.2530, and no registration office is named).
offer { ca = "bjca", business = { "new", "renew", "unlock", "reissue_lost", "reissue_damaged", "change" },
        channel = "online", applicant = { "org", "person" } }

---------------------------------------------------------------------------------------------------
-- Fees: each CA publishes its own table, or none. A second key (副锁/副证) is on CFCA's and SNCA's
-- forms ("□ 新办主锁 □ 新办副锁" l.1946, "主证：个 副证：个（选办）" l.416) but neither prices it:
-- the published amounts are the main key's, and a second key is unpriced (I9).
---------------------------------------------------------------------------------------------------

-- CFCA (翔晟), "2021年3月1日起" (l.1311); table "数字证书及电子签章新办 250元 450元 850元 50元/次;
-- 数字证书及电子签章续费 200元 400元 800元" for 1年 / 2年 / 4年 / 补办 (l.1271-1301). Before that date: unpriced.
fee { ca = "cfca", business = "new", key = "master", years = 1, code = "certificate", label = "数字证书及电子签章新办（1年）", fen = 25000, effective = "2021-03-01" }
fee { ca = "cfca", business = "new", key = "master", years = 2, code = "certificate", label = "数字证书及电子签章新办（2年）", fen = 45000, effective = "2021-03-01" }
fee { ca = "cfca", business = "new", key = "master", years = 4, code = "certificate", label = "数字证书及电子签章新办（4年）", fen = 85000, effective = "2021-03-01" }
fee { ca = "cfca", business = "renew", key = "master", years = 1, code = "renewal", label = "数字证书及电子签章续费（1年）", fen = 20000, effective = "2021-03-01" }
fee { ca = "cfca", business = "renew", key = "master", years = 2, code = "renewal", label = "数字证书及电子签章续费（2年）", fen = 40000, effective = "2021-03-01" }
fee { ca = "cfca", business = "renew", key = "master", years = 4, code = "renewal", label = "数字证书及电子签章续费（4年）", fen = 80000, effective = "2021-03-01" }
fee { ca = "cfca", business = { "reissue_lost", "reissue_damaged" }, key = "master", code = "reissue", label = "数字证书及电子签章补办（每次）", fen = 5000, effective = "2021-03-01" }
fee { ca = "cfca", business = "new", key = "secondary", code = "certificate", label = "新办副锁（该CA未公布副锁价格）" }
fee { ca = "cfca", business = "renew", key = "secondary", code = "renewal", label = "副锁续费（该CA未公布副锁价格）" }
fee { ca = "cfca", business = { "reissue_lost", "reissue_damaged" }, key = "secondary", code = "reissue", label = "副锁补办（该CA未公布副锁价格）" }

-- SNCA (一证通), 五 收费标准 (l.367-393): "首次申请 CA数字证书+电子签章 300元/个/年; 次年延续 CA数字证书+
-- 电子签章 260元/个/年; 备注：提供免费的在线解锁、证书变更等业务". Both are per year (C13; latent while
-- SNCA offers only its default one year, "用户数字证书的默认有效期为一年", l.825).
fee { ca = "snca", business = "new", key = "master", code = "certificate", label = "CA数字证书+电子签章（首次申请，300元/个/年）", fen = 30000, per_year = true }
fee { ca = "snca", business = "renew", key = "master", code = "renewal", label = "CA数字证书+电子签章（次年延续，260元/个/年）", fen = 26000, per_year = true }
fee { ca = "snca", business = "new", key = "secondary", code = "certificate", label = "副证（该CA未公布副证价格）" }
fee { ca = "snca", business = "renew", key = "secondary", code = "renewal", label = "副证延续（该CA未公布副证价格）" }
-- "免费的在线解锁、证书变更" is the online service (I8): on site neither is priced.
fee { ca = "snca", business = "unlock", channel = "online", code = "unlock", label = "在线解锁（免费）", fen = 0 }
fee { ca = "snca", business = "change", channel = "online", code = "change", label = "在线证书变更（免费）", fen = 0 }
fee { ca = "snca", business = "change", channel = "onsite", code = "change", label = "现场证书变更费用（该CA未公布）" }
-- SNCA courier: "网上办理用户以自提或到付方式邮寄给用户（邮政或顺丰，不高于23元）" (l.359) — a ceiling paid
-- to the courier on delivery (到付), not an amount the CA charges: a step below, no fee entry.

-- What the other CAs (and SNCA and CFCA for the rest) do not publish: unpriced.
fee { ca = { "nmgca", "szca", "bjca" }, business = "new", code = "certificate", label = "数字证书及电子签章新办费用（该CA未公布）" }
fee { ca = { "nmgca", "bjca" }, business = "renew", code = "renewal", label = "数字证书及电子签章续费（该CA未公布）" }
fee { ca = { "nmgca", "bjca", "snca" }, business = { "reissue_lost", "reissue_damaged" }, code = "reissue",
      label = "数字证书及电子签章补办费用（该CA未公布）" }
fee { ca = { "nmgca", "bjca", "cfca" }, business = "change", code = "change", label = "证书变更费用（该CA未公布）" }
fee { ca = { "snca", "bjca" }, business = "unlock", unless = { ca = "snca", channel = "online" }, code = "unlock", label = "证书解锁费用（该CA未公布）" }
fee { ca = "snca", business = "freeze", code = "freeze", label = "证书挂起费用（该CA未公布）" }
fee { ca = { "snca", "nmgca" }, business = "revoke", code = "revoke", label = "证书注销费用（该CA未公布）" }

---------------------------------------------------------------------------------------------------
-- Materials: each CA's own list, as its guide or form prints it (O7, O8, O9). A CA, business or
-- channel whose list S4 does not publish gets none here (SZCA's natural person: a step says so).
---------------------------------------------------------------------------------------------------

-- NMGCA online, 单位证书及电子印章申请 (l.3106-3110, l.3148-3160). A company: "企业单位上传企业法人营业
-- 执照副本扫描件、企业印章和法定代表人身份证件后提交 注：……营业执照副本扫描件必须加盖公章", then
-- "政府采购项目和公共资源项目需上传企业法人手章和法人签名扫描件". A public institution (not in the
-- company database, l.3082-3096): "事业单位需先点击下载申请表和授权委托书模板，填写好加盖单位公章后上传，
-- 再上传企业法人营业执照副本扫描件、法人手章和法定代表人签名后提交 注：……营业执照副本和授权委托书扫描件
-- 必须加盖公章". Uploads: "附件大小在1M之内，图片格式：jpeg、jpg、png、bmp".
material { ca = "nmgca", business = "new", channel = "online", applicant = "org",
           when = { public_institution = true }, code = "application_form",
           name = "申请表（平台下载模板）", stamped = true, note = "填写好加盖单位公章后扫描上传" }
material { ca = "nmgca", business = "new", channel = "online", applicant = "org",
           when = { public_institution = true }, code = "authorisation_letter",
           name = "授权委托书（平台下载模板）", stamped = true, note = "填写好加盖单位公章后扫描上传" }
material { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "business_licence_scan",
           name = "企业法人营业执照副本扫描件", stamped = true, note = "必须加盖公章；1M之内，jpeg/jpg/png/bmp" }
material { ca = "nmgca", business = "new", channel = "online", applicant = "org",
           unless = { public_institution = true }, code = "unit_seal_scan", name = "企业印章", note = "扫描上传" }
material { ca = "nmgca", business = "new", channel = "online", applicant = "org",
           unless = { public_institution = true }, code = "legal_rep_id", name = "法定代表人身份证件", note = "扫描上传" }
material { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "legal_rep_seal_signature_scan",
           name = "企业法人手章和法人签名扫描件", note = "政府采购项目需上传" }

-- NMGCA on site, its paper forms. A unit: 附件一 "数字证书申请表与服务协议" ("申请单位（盖章）", l.3353-3501),
-- 附件二 "“政府采购电子签章”单位申请表" (单位公章, 法定代表人私章 and 签名 each collected three times,
-- "单位公章：" "经办人签字：", l.3515-3563) with 附件三's 盖章要求 (l.3572-3576).
material { ca = "nmgca", business = { "new", "reissue_lost", "change" }, channel = "onsite", applicant = "org",
           code = "application_form", name = "《数字证书申请表与服务协议》", stamped = true }
material { ca = "nmgca", business = { "new", "reissue_lost", "change" }, channel = "onsite", applicant = "org",
           code = "seal_collection_form", name = "《“政府采购电子签章”单位申请表》", stamped = true, signed = true,
           note = "单位公章、法定代表人私章各采集三个样本，法定代表人签名三次；签章颜色为正红、不歪、不变型、不压线、字迹清晰无缺损，白纸" }
-- A person (expert): "数字证书申请表与服务协议（个人）" (types 初次办理/丢失补办/信息变更, "申请人（签名）",
-- l.88-228), "“政府采购电子签章”单位申请表（个人）" (types 新办/年审/变更/补办, 个人签名采集三次,
-- "申请人签字", l.242-281), "附件三：“政府采购”专家身份证复印件" (正面, 反面, l.302-334).
material { ca = "nmgca", business = { "new", "reissue_lost", "change" }, channel = "onsite", applicant = "person",
           code = "application_form", name = "《数字证书申请表与服务协议（个人）》", signed = true }
material { ca = "nmgca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, channel = "onsite",
           applicant = "person", code = "seal_collection_form", name = "《“政府采购电子签章”单位申请表（个人）》",
           signed = true, note = "个人签名采集，请签写三次，签名不压边框" }
material { ca = "nmgca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, channel = "onsite",
           applicant = "person", code = "id_copy", name = "“政府采购”专家身份证复印件", note = "正面、反面" }

-- SNCA on site (l.343-357): "现场办理需要企业提交的相关资料如下：1) 数字证书及电子签章申请表（一式三联）
-- 2) 法人授权委托书(加盖公章) 3) 印模采集表 4) 营业执照复印件（多证合一）（加盖公章） 注：1）三证合一的只需
-- 携带三证合一证件复印件（加盖公章）。2) 法定代表人办理，只需提供法定代表人身份证复印件（加盖公章）。"
-- and "三、补办、年检、企业名称、企业法人、公章更换等，所需材料与新办一致" (l.361, O8).
-- Reading of 注2 (O9): the legal representative in person brings his ID copy instead of the
-- authorisation (which exists to authorise someone else); the form, the seal samples and the
-- licence copy still make the certificate and e-seal.
-- The form's 用户需知 (l.506-512) says how: "一式三联，填写完成后签字并盖章"; "所有申请机构须交验营业执照
-- （或单位法人证书、社会团体登记证）复印件、法人授权书原件、法人、经办人有效身份证正反面复印件"; the
-- authorisation template has the legal representative's and the agent's ID copies pasted on it (l.855-879).
local SNCA_LIKE_NEW = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }
material { ca = "snca", business = SNCA_LIKE_NEW, channel = "onsite", applicant = "org", code = "application_form",
           name = "数字证书及电子签章申请表（机构数字证书申请表）", copies = 3, stamped = true, signed = true,
           note = "一式三联，碳素或黑色水笔如实填写（或打印），签字并盖章；法人联系电话填法人手机号（办理CA解锁需要）" }
material { ca = "snca", business = SNCA_LIKE_NEW, channel = "onsite", applicant = "org",
           unless = { legal_rep_in_person = true }, code = "legal_rep_authorisation",
           name = "法人授权委托书", stamped = true, original = true,
           note = "附法定代表人及代理人身份证正反面复印件，加盖单位公章" }
material { ca = "snca", business = SNCA_LIKE_NEW, channel = "onsite", applicant = "org",
           when = { legal_rep_in_person = true }, code = "legal_rep_id_copy",
           name = "法定代表人身份证复印件", stamped = true, note = "法定代表人办理，只需提供法定代表人身份证复印件" }
material { ca = "snca", business = SNCA_LIKE_NEW, channel = "onsite", applicant = "org", code = "seal_collection_form",
           name = "印模采集表（公章采集表、法人签字采集表、法人签章采集表）",
           note = "方格内居中盖章/签名各三次，切勿压线" }
material { ca = "snca", business = SNCA_LIKE_NEW, channel = "onsite", applicant = "org", code = "business_licence_copy",
           name = "营业执照复印件（多证合一）", stamped = true,
           note = "三证合一的只需携带三证合一证件复印件（加盖公章）；或单位法人证书、社会团体登记证复印件" }
-- SNCA freeze (挂起) and revoke (注销) go on the same form, whose 用户需知 3 asks every applicant for the
-- licence copy, the authorisation and both ID copies; 用户需知 4's seal samples make an e-seal, which
-- neither business issues.
material { ca = "snca", business = { "freeze", "revoke" }, channel = "onsite", applicant = "org", code = "application_form",
           name = "数字证书及电子签章申请表（机构数字证书申请表）", copies = 3, stamped = true, signed = true,
           note = "一式三联，勾选挂起或注销，签字并盖章" }
material { ca = "snca", business = { "freeze", "revoke" }, channel = "onsite", applicant = "org", code = "legal_rep_authorisation",
           name = "法人授权委托书", stamped = true, original = true,
           note = "附法定代表人及代理人身份证正反面复印件，加盖单位公章" }
material { ca = "snca", business = { "freeze", "revoke" }, channel = "onsite", applicant = "org", code = "business_licence_copy",
           name = "营业执照复印件（多证合一）", stamped = true }
-- A person (评标专家) fills in the same form; nothing else is published for a person.
material { ca = "snca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "freeze", "revoke" },
           channel = "onsite", applicant = "person", code = "application_form",
           name = "数字证书及电子签章申请表（机构数字证书申请表，主体类型：评标专家）", copies = 3, signed = true,
           note = "一式三联" }
-- SNCA unlock: "公司开具法人授权书（加盖公章）现场解锁或者联系CA客服进行网上解锁" (l.365).
material { ca = "snca", business = "unlock", applicant = "org", code = "legal_rep_authorisation",
           name = "法人授权书", stamped = true }

-- SZCA online hall (l.1086-1112), "4、上传数字证书申请资料". (1) 机构证书: "1) 机构数字证书申请表——通过
-- 网页生成直接打印，经办人手写签字确认，加盖单位红印鲜章后扫描上传。 2) 单位营业执照复印件加盖红印鲜章
-- 扫描件。 3) 电子签章采集表，采集公章印模后扫描上传。" (2) 机构个人证书: 1) to 4) below. The agent's ID
-- photos are taken during the liveness check, "无需加盖单位公章" (l.1084). 自然人证书: "上传资料略有不同"
-- (l.1080) and not listed: a step says so.
material { ca = "szca", business = "new", channel = "online", applicant = "org", code = "application_form",
           name = "机构数字证书申请表", stamped = true, signed = true,
           note = "通过网页生成直接打印，经办人手写签字确认，加盖单位红印鲜章后扫描上传" }
material { ca = "szca", business = "new", channel = "online", applicant = "org", code = "business_licence_copy",
           name = "单位营业执照复印件", stamped = true, note = "加盖红印鲜章扫描件" }
material { ca = "szca", business = "new", channel = "online", applicant = "org", code = "seal_collection_form",
           name = "电子签章采集表", note = "采集公章印模后扫描上传" }
material { ca = "szca", business = "new", channel = "online", applicant = "org_person", code = "application_form",
           name = "机构（个人）数字证书申请表", stamped = true, signed = true,
           note = "通过网页生成直接打印，经办人手写签字确认，加盖单位红印公章后扫描上传" }
material { ca = "szca", business = "new", channel = "online", applicant = "org_person", code = "business_licence_copy",
           name = "单位营业执照复印件", stamped = true, note = "加盖红印鲜章扫描件" }
material { ca = "szca", business = "new", channel = "online", applicant = "org_person", code = "applicant_id_copy",
           name = "申请人身份证正反面复印件", stamped = true, note = "加盖红印公章扫描件" }
material { ca = "szca", business = "new", channel = "online", applicant = "org_person", code = "seal_collection_form",
           name = "电子签章采集表", note = "采集私章印模/签名后扫描上传" }

-- CFCA (翔晟), 一、办理流程 (l.1255-1263): "1、用户按要求填写“数字证书及电子签章申请表”（见附件）……并按要求
-- 加盖申请单位公章或申请人签名 2、单位数字证书及电子签章申请需要单位营业执照复印件并加盖公章；个人数字
-- 证书及电子签章申请需要个人身份证复印件。" Change and reissue go "按照以上流程" (O8). The 附表 also has
-- the "法人授权委托及诚信承诺书" (盖章, 法定代表人 and 委托代理人 signatures, both ID copies pasted,
-- l.1974-2049). Renewal: the form's 价格标准 "□年检" (l.1948) and the authorisation's "□年审" (l.2002) cover
-- it; the licence copy is step 2 of the new flow only.
local CFCA_FLOW = { "new", "reissue_lost", "reissue_damaged", "change" }
material { ca = "cfca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = "org",
           code = "application_form", name = "“数字证书与电子签章”业务申请表", stamped = true, signed = true,
           note = "如实、准确填写；表内签章采集栏加盖企业公章、法人方章、法人签字，请勿重叠压线" }
material { ca = "cfca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = "org",
           code = "authorisation_letter", name = "法人授权委托及诚信承诺书", stamped = true, signed = true,
           note = "法定代表人、委托代理人签字，粘贴被授权人及法定代表人身份证复印件" }
material { ca = "cfca", business = CFCA_FLOW, applicant = "org", code = "business_licence_copy",
           name = "单位营业执照复印件", stamped = true }
material { ca = "cfca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = "person",
           code = "application_form", name = "“数字证书与电子签章”业务申请表", signed = true, note = "申请人签名" }
material { ca = "cfca", business = CFCA_FLOW, applicant = "person", code = "id_copy", name = "个人身份证复印件" }

-- BJCA, its 单位数字证书申请表 (l.2353-2367): "①填写完整的本表(一式两份) (加盖公章)；②出示本表所示证件1、2
-- 其中任一的原件 ③提供本表所示证件1、2复印件一份(加盖公章) 若需填写本表所示证件3，需同时提供复印件一份
-- (加盖公章) ④提供经办人有效身份证件的原件及复印件一份（加盖公章）；如企业只有三证合一证的工商营业执照，
-- 只需提供营业执照副本原件及复印件一份（加盖公章）" (证件1 工商营业执照, 证件2 组织机构代码证), and its
-- 单位电子印章采样表 ("重复操作4次", l.2567-2595). Online they are photos: "按要求添加电子版照片"
-- (l.2162), "用户无需邮寄纸质材料" (l.44). The guide's other businesses itemise nothing.
material { ca = "bjca", business = "new", applicant = "org", code = "application_form",
           name = "《单位数字证书申请表》", copies = 2, stamped = true, note = "填写完整，一式两份，加盖公章" }
material { ca = "bjca", business = "new", applicant = "org", code = "licence_original",
           name = "证件1（工商营业执照）或证件2（组织机构代码证）原件", original = true,
           note = "出示其中任一的原件；只有三证合一营业执照的，出示营业执照副本原件" }
material { ca = "bjca", business = "new", applicant = "org", code = "licence_copy",
           name = "证件1、2复印件", stamped = true,
           note = "只有三证合一营业执照的，只需营业执照副本复印件一份；填写证件3的，同时提供其复印件一份（加盖公章）" }
material { ca = "bjca", business = "new", applicant = "org", code = "agent_id",
           name = "经办人有效身份证件原件及复印件", stamped = true, original = true }
material { ca = "bjca", business = "new", applicant = "org", code = "seal_sample_form",
           name = "《单位电子印章采样表》", note = "在区域内加盖单位公章，重复操作4次，清晰、完整、无形变" }
-- BJCA's personal form (l.2596-2604): "① 填写完整的本表(一式两份) (申请人签字) ② 法定代表人有效身份证件
-- 复印件/填写完整的《授权书》 ③ 经办人身份证原件，复印件1份(加盖公章) 注：根据企业具体情况提供《授权书》
-- 或法定代表人有效身份证件复印件", and its 个人电子印章采样表 (手写签字或个人私章, 4次, l.2892-2906).
material { ca = "bjca", business = "new", applicant = "person", code = "application_form",
           name = "数字证书申请表（个人：申请人基本资料、所在单位信息）", copies = 2, signed = true, note = "填写完整，一式两份，申请人签字" }
material { ca = "bjca", business = "new", applicant = "person", code = "legal_rep_id_or_authorisation",
           name = "法定代表人有效身份证件复印件或填写完整的《授权书》", note = "根据企业具体情况提供其一" }
material { ca = "bjca", business = "new", applicant = "person", code = "agent_id",
           name = "经办人身份证原件及复印件", stamped = true, original = true }
material { ca = "bjca", business = "new", applicant = "person", code = "seal_sample_form",
           name = "《个人电子印章采样表》", note = "手写签字或个人私章任选其一，反复进行4次" }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- 办理对象: "已经在内蒙古自治区政府采购网上完成注册的采购人、代理机构、供应商等" (l.12)
refuse { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "revoke" },
         applicant = { "org", "org_person" }, when = { registered = false }, code = "not_registered",
         zh = "申请单位尚未在内蒙古自治区政府采购网完成注册，请先完成注册再办理CA数字证书",
         en = "The unit is not yet registered on the Inner Mongolia government procurement network: register first" }

-- BJCA reissues within the certificate's validity only (O10): "在证书的有效期内，当证书存储介质发生丢失，
-- 或者人为原因造成介质损坏时，需操作补办证书，申请新的存储介质补办证书，补办证书有效期与原证书一致" (l.2264).
refuse { ca = "bjca", business = { "reissue_lost", "reissue_damaged" }, when = { expired = true },
         code = "reissue_needs_valid_certificate",
         zh = "北京CA证书补办仅在证书有效期内办理（补办证书有效期与原证书一致）；该证书已过期，请办理证书更新",
         en = "BJCA reissues a certificate only within its validity (the reissued one keeps the old dates); this one has expired: renew it instead" }

-- Renewal window: SNCA's 用户责任书 "用户必须在证书失效期前30天内向证书受理机构提出数字证书更新请求" (l.825)
-- and BJCA's agreement 第5条1 "必须在到期前三十日内向数字认证公司或其授权的注册机构提出更新请求" (l.2524);
-- NMGCA, SZCA and CFCA publish none.
renewal_window { ca = { "snca", "bjca" }, days_before_expiry = 30 }

---------------------------------------------------------------------------------------------------
-- Review: how long each CA says it reviews here. The first that applies is in force.
---------------------------------------------------------------------------------------------------

-- BJCA new: "证书费用支付完成后，请等待审核，5个工作日内用户预留的手机会收到审核情况通知" (l.2182);
-- reissue: "证书操作完成后，请等待审核，5个工作日内用户预留的手机及邮箱会收到审核情况通知" (l.2310).
review { ca = "bjca", business = { "new", "reissue_lost", "reissue_damaged" }, channel = "online", working_days = { 0, 5 } }
-- BJCA renew: "证书更新业务只有过期超一年的时候再进行强身份验证，上传电子资料……强校验需要等待管理人员对刚
-- 提交的电子资料进行核查" (l.2210-2212): reviewed, time not published; otherwise "直接更新".
review { ca = "bjca", business = "renew", channel = "online", working_days = "not published",
         when = function(q) return q.cert_not_after ~= nil and q.today > date.add_years(q.cert_not_after, 1) end }
-- SZCA: "深圳CA工作人员将在三个工作日内核实款项到账情况，并审核申请资料" (l.1172).
review { ca = "szca", business = "new", channel = "online", working_days = { 0, 3 } }
-- NMGCA online: payment once the order is "资料审核通过", after "内蒙古CA发送的证书及电子印章申请审核通过
-- 短信" (l.3184): reviewed, time not published.
review { ca = "nmgca", business = "new", channel = "online", applicant = "org", working_days = "not published" }
-- CFCA: "数字证书和电子签章公司审核用户资料，用户身份审核通过则办理数字证书及电子签章" (l.1261); change and
-- reissue "按照以上流程" (l.1263): reviewed, time not published.
review { ca = "cfca", business = { "new", "reissue_lost", "reissue_damaged", "change" }, working_days = "not published" }

---------------------------------------------------------------------------------------------------
-- Limits across orders
---------------------------------------------------------------------------------------------------

-- NMGCA's online platform, under the list of the unit's applications: "数字证书申请提交成功，在数字证书及
-- 电子印章页面可以看到申请的信息 …… 注：单位证书只允许申请1条。" (l.3166-3176); the same platform carries
-- that certificate's "信息变更、补办、更新、延期、续费、注销" (l.2990). Reading (I13): one unit-certificate
-- application per unit on the platform, and it stays the unit's record while its certificate is held;
-- what comes next is a change, reissue or renewal of it. So the count is "held": an application not yet
-- completed or cancelled, or an NMGCA unit certificate not revoked. A cancelled application or a
-- revoked certificate no longer counts (注销 ends that certificate).
limit { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "one_unit_certificate",
        counts = "held", at_most = 1,
        zh = "内蒙古CA在线受理平台：单位证书只允许申请1条。本单位已有一条未办结的内蒙古CA单位证书申请，或仍持有其签发且未吊销的单位证书：请对该证书办理更新、变更或补办",
        en = "NMGCA's online platform takes one unit-certificate application per unit: this unit has an NMGCA unit application in progress or holds an NMGCA unit certificate that is not revoked; renew, change or reissue that one instead" }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- BJCA's guide: "补办证书有效期与原证书一致"; SNCA's contract: renewal extends the term
-- ("甲方更新证书的，本合同有效期限顺延至证书更新期限届满日"). For the rest, the project's validity
-- convention: new from today, renewal from the old expiry while live (from today once expired).
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep" }
