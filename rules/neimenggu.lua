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
-- The form's 法人联系电话 "（手机号，办理CA解锁需要，非法人电话，实现解锁企业责任自负）" (l.450) and 用户需知
-- (l.506-512) say how: "一式三联，填写完成后签字并盖章"; "所有申请机构须交验营业执照
-- （或单位法人证书、社会团体登记证）复印件、法人授权书原件、法人、经办人有效身份证正反面复印件"; the
-- authorisation template has the legal representative's and the agent's ID copies pasted on it (l.855-879).
local SNCA_LIKE_NEW = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }
material { ca = "snca", business = SNCA_LIKE_NEW, channel = "onsite", applicant = "org", code = "application_form",
           name = "数字证书及电子签章申请表（机构数字证书申请表）", copies = 3, stamped = true, signed = true,
           note = "一式三联，碳素或黑色水笔如实填写（或打印），签字并盖章；法人联系电话填手机号（办理CA解锁需要，非法人电话的，实现解锁企业责任自负）" }
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
-- what comes next is a change, reissue or renewal of it. So the count is "issued": an application not
-- yet completed or cancelled, or an NMGCA unit certificate not revoked, expired or not (the platform's
-- answer to an expired certificate is 更新/延期/续费, not a second application). A cancelled application
-- or a revoked certificate no longer counts (注销 ends that certificate).
limit { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "one_unit_certificate",
        counts = "issued", at_most = 1,
        zh = "内蒙古CA在线受理平台：单位证书只允许申请1条。本单位已有一条未办结的内蒙古CA单位证书申请，或仍持有其签发且未吊销的单位证书：请对该证书办理更新、变更或补办",
        en = "NMGCA's online platform takes one unit-certificate application per unit: this unit has an NMGCA unit application in progress or holds an NMGCA unit certificate that is not revoked; renew, change or reissue that one instead" }

---------------------------------------------------------------------------------------------------
-- Steps: this region's procedure with each CA, in the order a customer meets them. Each cites the
-- sentence of S4 it carries. What S4 does not publish for a CA is not here.
---------------------------------------------------------------------------------------------------

local ALL = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "revoke" }

-- Every CA -------------------------------------------------------------------------------------
-- "办理项目名称 请选择:【内蒙古自治区政府采购】" (l.46-47)
step { business = "new", code = "project_name",
       zh = "在CA的办理页面选择办理项目：【内蒙古自治区政府采购】",
       en = "On the CA's application page choose the project 内蒙古自治区政府采购" }

-- NMGCA ----------------------------------------------------------------------------------------
-- "服务热线：0471-962366" (l.19); "在线咨询流程：关注微信公众号“内蒙古数字科技服务中心”-关于我们-智能客服"
-- (l.3350)
step { ca = "nmgca", business = ALL, code = "contact",
       zh = "内蒙古CA服务热线：0471-962366；在线咨询：微信公众号“内蒙古数字科技服务中心”-关于我们-智能客服",
       en = "NMGCA hotline 0471-962366; online help: WeChat account 内蒙古数字科技服务中心 → 关于我们 → 智能客服" }
-- "线上受理网址：http://ws.nmgca.com:8880/" (l.17); "登录后即可办理证书相关业务。或者先访问公司官方网站
-- https://www.nmgca.com.cn/点击“数字证书在线受理平台”即可" (l.3344-3346)
step { ca = "nmgca", business = ALL, channel = "online", code = "online_address",
       zh = "登录内蒙古CA数字证书在线受理平台 http://ws.nmgca.com:8880/（或官网 https://www.nmgca.com.cn 点击“数字证书在线受理平台”）办理",
       en = "Apply on NMGCA's online platform, http://ws.nmgca.com:8880/ (or https://www.nmgca.com.cn → 数字证书在线受理平台)" }
-- "1. 现场办理地址" (l.3247-3335); the first is also the guide's "线下办理地址" (l.18)
step { ca = "nmgca", business = ALL, channel = "onsite", code = "offices",
       zh = "内蒙古CA现场办理地址：呼和浩特 呼和浩特市赛罕区如意开发区腾飞路绿地腾飞大厦E座23层2318（0471-962366）；"
         .. "包头 包头九原区建华南路与纬五路交叉口南200米路东包头市公共资源交易中心3楼内蒙CA窗口（0471-962366）；"
         .. "乌兰察布 青瓦台公共资源交易中心3楼最西侧343技术服务办公室（15848441632）；"
         .. "兴安盟 兴安盟公共资源交易中心105室（原兴安盟公安局院内）（18586098032）；"
         .. "锡林浩特 锡林浩特市公共资源交易中心一楼东侧5号窗口（0479-8108426）；"
         .. "鄂尔多斯 鄂尔多斯市康巴什新区湖滨路鄂尔多斯市公共资源交易中心8楼803（18648373511）；"
         .. "赤峰 赤峰市新城区宝山路36号（北方时代建筑设计院C座）（0476-8302944）；"
         .. "满洲里 满洲里世纪大道财政局4楼8号窗口（18947555445）；"
         .. "乌海 内蒙古乌海市海勃湾区蒙中医院南德顺祥庭小区东门3-14号外围商铺 金蝶软件服务中心（18404819919）；"
         .. "巴彦淖尔 巴彦淖尔市临河区开源路财政局413（18586098007）",
       en = "NMGCA counters: Hohhot, Baotou, Ulanqab, Hinggan, Xilinhot, Ordos, Chifeng, Manzhouli, Wuhai and Bayannur (addresses and phones in the Chinese text)" }
-- Online unit application (l.3074-3218).
-- "填写申请类型（选择企业申请），经办人的实名认证信息，点击“实名认证”；正确填写企业信息之后，点击“企业认证”"
-- (l.3076-3082)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", unless = { public_institution = true },
       code = "real_name_verification",
       zh = "申请前进行实名认证：选择企业申请，填写经办人实名认证信息，再填写企业信息完成“企业认证”",
       en = "Before applying, pass the real-name check: the agent's details, then the company's (企业认证)" }
-- "如果单位为事业单位，则系统提示“企业不存在”，系统自动跳转到下一步" ; "注：因数据库中无机关事业单位信息，
-- 此提示点确定继续操作即可" (l.3082, l.3096)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", when = { public_institution = true },
       code = "real_name_verification",
       zh = "事业单位不在企业数据库中：实名认证时系统提示“企业不存在”，点确定继续；随后按事业单位要求上传申请表和授权委托书",
       en = "A public institution is not in the company database: when the check says 企业不存在, confirm and go on; then upload the stamped application form and authorisation letter" }
-- "阅读内蒙古CA数字证书电子合同，勾选“本人已同意签署合同”" (l.3098); "系统生成带签名和内蒙古CA签章的电子合同" (l.3116)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "e_contract",
       zh = "阅读并签署内蒙古CA数字证书电子合同（勾选“本人已同意签署合同”）",
       en = "Read and sign NMGCA's electronic contract" }
-- "注：附件大小在1M之内，图片格式：jpeg、jpg、png、bmp" (l.3110)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "upload_limits",
       zh = "上传附件大小在1M之内，图片格式：jpeg、jpg、png、bmp",
       en = "Uploads: at most 1 MB each, jpeg, jpg, png or bmp" }
-- "选择是否开票……专票还需要填写营业地址、电话号码、开户行信息" (l.3128-3136)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "invoice",
       zh = "选择是否开具发票；需要的填写发票抬头和邮箱，专票还需填写营业地址、电话号码、开户行信息",
       en = "Choose whether you want an invoice; give its title and email (a special VAT invoice also needs address, phone and bank)" }
-- "选择证书领取方式和快递，查看邮寄相关信息是否正确" (l.3142)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "delivery",
       zh = "选择证书领取方式和快递，核对邮寄信息",
       en = "Choose how the certificate is collected and the courier; check the delivery details" }
-- "如果订单状态为“资料审核通过”状态，用户可以直接点击后面的“支付”按钮……通过银行汇款方式进行汇款……上传
-- 汇款单电子版" / "微信支付" (l.3184-3218); "且只允许支付一次" (l.3180)
step { ca = "nmgca", business = "new", channel = "online", applicant = "org", code = "payment",
       zh = "收到内蒙古CA审核通过短信、订单状态为“资料审核通过”后方可支付：银行汇款（上传汇款单电子版并填写支付说明）或微信支付，只允许支付一次",
       en = "Pay only once the order shows 资料审核通过 (an SMS tells you): bank remittance (upload the slip) or WeChat Pay, once" }

-- SNCA (陕西CA, 内蒙古一证通) ------------------------------------------------------------------------
-- C12: "服务热线：400-0471-888 公众号：nmgyztca" (l.26)
step { ca = "snca", business = ALL, code = "contact",
       zh = "陕西CA（内蒙古一证通）服务热线：400-0471-888；微信公众号：nmgyztca",
       en = "SNCA (内蒙古一证通) hotline 400-0471-888; WeChat account nmgyztca" }
-- C12: "线下办理地址：内蒙古自治区公共资源交易中心9楼5号窗口或呼和浩特市新城区成吉思汗东街自治区大学科技园
-- 5号楼B座4层" (l.25)
step { ca = "snca", business = ALL, channel = "onsite", code = "offices",
       zh = "陕西CA线下办理地址：内蒙古自治区公共资源交易中心9楼5号窗口，或呼和浩特市新城区成吉思汗东街自治区大学科技园5号楼B座4层",
       en = "SNCA counters: Inner Mongolia public resource trading centre, 9th floor, window 5; or Hohhot, Xincheng district, Genghis Khan East Street, university science park building 5, block B, 4th floor" }
-- C11, C12: "线上受理网址：http://apply.yztca.com:7777/sncaapply" (l.24)
step { ca = "snca", business = { "new", "change" }, channel = "online", code = "online_address",
       zh = "陕西CA线上受理网址：http://apply.yztca.com:7777/sncaapply",
       en = "SNCA online applications: http://apply.yztca.com:7777/sncaapply" }
-- "公司开具法人授权书（加盖公章）现场解锁或者联系CA客服进行网上解锁" (l.365)
step { ca = "snca", business = "unlock", channel = "online", code = "online_unlock",
       zh = "开具法人授权书（加盖公章）后联系陕西CA客服（400-0471-888）进行网上解锁",
       en = "With the stamped authorisation, call SNCA support (400-0471-888) to unlock online" }
-- "费用支付：缴纳数字证书费用通过微信、支付宝、刷卡等方式收取" (l.399)
step { ca = "snca", business = { "new", "renew", "reissue_lost", "reissue_damaged" }, code = "payment",
       zh = "数字证书费用通过微信、支付宝、刷卡等方式缴纳",
       en = "Pay the certificate fee by WeChat, Alipay or card" }
-- "发票须知：开具电子发票，默认只开公司抬头和税号，如需开全票信息（例如开户行等）请在办理前提前告知" (l.401)
step { ca = "snca", business = { "new", "renew", "reissue_lost", "reissue_damaged" }, code = "invoice",
       zh = "开具电子发票，默认只开公司抬头和税号；如需开全票信息（例如开户行等）请在办理前提前告知",
       en = "An electronic invoice shows the company name and tax number only; ask before applying if you need the full details (bank etc.)" }
-- C11: "网上办理用户以自提或到付方式邮寄给用户（邮政或顺丰，不高于23元）" (l.359)
step { ca = "snca", business = "new", channel = "online", code = "delivery",
       zh = "网上办理的证书自提，或到付邮寄（邮政或顺丰，不高于23元）",
       en = "A certificate applied for online is picked up, or sent cash on delivery (China Post or SF, at most 23 CNY)" }

-- SZCA (深圳CA) ---------------------------------------------------------------------------------
-- "服务热线：400-112-3838" (l.31); "在线客服：www.szca.com（官网首页右上方在线客服直接咨询）" (l.1236)
step { ca = "szca", business = "new", code = "contact",
       zh = "深圳CA客户服务热线：400-112-3838；在线客服：www.szca.com（官网首页右上方）",
       en = "SZCA hotline 400-112-3838; online help at www.szca.com (top right of the home page)" }
-- "经办人登录深圳CA网上营业厅（https://wt.szca.com/index），点击“注册”" (l.1020); "业务办理——证书新办——
-- 内蒙古政采" (l.1038)
step { ca = "szca", business = "new", channel = "online", code = "online_address",
       zh = "经办人注册并登录深圳CA网上营业厅 https://wt.szca.com/index，业务办理——证书新办——内蒙古政采",
       en = "The agent registers and logs in at SZCA's online hall, https://wt.szca.com/index → 业务办理 → 证书新办 → 内蒙古政采" }
-- "说明：经办人手机号需实名登记" (l.1050); "说明2：申请人和经办人手机号需实名登记" (l.1061)
step { ca = "szca", business = "new", channel = "online", applicant = "org", code = "real_name_mobile",
       zh = "经办人手机号需实名登记", en = "The agent's mobile number must be registered under the agent's real name" }
step { ca = "szca", business = "new", channel = "online", applicant = "org_person", code = "real_name_mobile",
       zh = "申请人和经办人手机号需实名登记",
       en = "The applicant's and the agent's mobile numbers must be registered under their real names" }
-- "说明1、上传机构证书、机构个人证书、自然人证书资料时，上传资料略有不同" (l.1080): the guide lists the
-- first two only.
step { ca = "szca", business = "new", channel = "online", applicant = "person", code = "materials_not_published",
       zh = "自然人证书的上传资料与机构证书“略有不同”，本平台办理指南未列出，以深圳CA网上营业厅页面为准",
       en = "The uploads for a natural person's certificate differ and the guide does not list them: follow SZCA's online hall" }
-- "说明2：上传文件格式支持JPG、PDF文件大小不能超过2M" (l.1082)
step { ca = "szca", business = "new", channel = "online", code = "upload_limits",
       zh = "上传文件格式支持JPG、PDF，文件大小不能超过2M", en = "Uploads: JPG or PDF, at most 2 MB each" }
-- "使用手机微信扫一扫功能，扫描电脑屏幕上的二维码……上传经办人身份证原件的正、反面照片，并进行经办人活体
-- 认证" (l.1117-1121)
step { ca = "szca", business = "new", channel = "online", code = "agent_liveness",
       zh = "经办人在线认证：微信扫码，上传经办人身份证原件正、反面照片，并进行经办人活体认证",
       en = "Agent verification: scan the QR code with WeChat, upload photos of both sides of the agent's ID card, pass a liveness check" }
-- "说明1：如付款方式选择支付宝/微信，则需要进行单位金融认证，证书PIN码将以转账交易附言方式发送至对公账户，
-- 请向贵司财务人员获取" (l.1136)
step { ca = "szca", business = "new", channel = "online", code = "pin_delivery_online_payment",
       zh = "如付款方式选择支付宝/微信，则需要进行单位金融认证，证书PIN码将以转账交易附言方式发送至对公账户，请向贵司财务人员获取",
       en = "Paying by Alipay or WeChat needs the unit's financial verification: the PIN comes in the memo of a transfer to the corporate account; ask your finance staff" }
-- "说明2：如付款方式选择公对公转账，机构证书PIN码将通过短信方式发至经办人手机号码，个人证书PIN码将通过短信
-- 方式发至申请人手机号码" (l.1137); "由经办人把汇款凭据上传到深圳CA网上营业厅" (l.1153)
step { ca = "szca", business = "new", channel = "online", applicant = "org", code = "pin_delivery_transfer",
       zh = "如付款方式选择公对公转账（由经办人上传汇款凭据），机构证书PIN码将通过短信方式发至经办人手机号码",
       en = "Paying by corporate transfer (the agent uploads the voucher): the PIN comes by SMS to the agent's mobile" }
step { ca = "szca", business = "new", channel = "online", applicant = { "org_person", "person" }, code = "pin_delivery_transfer",
       zh = "如付款方式选择公对公转账（由经办人上传汇款凭据），个人证书PIN码将通过短信方式发至申请人手机号码",
       en = "Paying by corporate transfer (the agent uploads the voucher): the PIN comes by SMS to the applicant's mobile" }
-- "审核结果将以短信方式通知经办人。如申请信息未能通过深圳CA审核……点击“编辑”按钮……修改申请信息或资料后
-- 重新提交" (l.1178-1180)
step { ca = "szca", business = "new", channel = "online", code = "review_result",
       zh = "审核结果以短信通知经办人；未通过的，在网上营业厅个人中心—我的业务单—证书申请中编辑修改后重新提交",
       en = "The result comes by SMS to the agent; a rejected application is edited in the online hall and resubmitted" }
-- "如申请资料审核通过且金融认证通过……深圳CA将尽快制作数字证书并快递寄出（邮费到付）" (l.1184)
step { ca = "szca", business = "new", channel = "online", code = "delivery",
       zh = "申请资料审核通过且金融认证通过后，深圳CA制作数字证书并快递寄至经办人填写的地址（邮费到付）",
       en = "Once approved and financially verified, SZCA makes the certificate and ships it to the agent's address, postage paid by the recipient" }

-- CFCA (江苏翔晟) --------------------------------------------------------------------------------
-- "服务热线：0472-6862335" (l.37); "咨询电话：现场0472-6862335 ，翔晟信息总部025-66085508" (l.1319)
step { ca = "cfca", business = ALL, code = "contact",
       zh = "CFCA（江苏翔晟）服务热线：0472-6862335；翔晟信息总部：025-66085508",
       en = "CFCA (share-sun) hotline 0472-6862335; share-sun head office 025-66085508" }
-- "（一）线下办理 办理地点：" (l.1313-1327)
step { ca = "cfca", business = ALL, channel = "onsite", code = "offices",
       zh = "CFCA线下办理地点：内蒙古包头市九原区政务服务中心3楼翔晟CFCA窗口（0472-6862335）；内蒙古巴彦淖尔市临河区政务服务中心3楼3106办公室（0478-8521210）；内蒙古鄂尔多斯市东胜区亿昌商务楼10楼（0477-8328806）",
       en = "CFCA counters: Baotou, Jiuyuan district government service centre, 3rd floor, share-sun CFCA window (0472-6862335); Bayannur, Linhe district government service centre, room 3106 (0478-8521210); Ordos, Dongsheng district, Yichang business building, 10th floor (0477-8328806)" }
-- "办理时间：周一至周五上午9：00-12：00 下午13：30-17：00" (l.1329)
step { ca = "cfca", business = ALL, channel = "onsite", code = "hours",
       zh = "办理时间：周一至周五上午9:00-12:00，下午13:30-17:00", en = "Open Monday to Friday, 9:00-12:00 and 13:30-17:00" }
-- "具体在线办理网址如下：http://www.share-sun.com/xsapply/admin/login.aspx?unitname=nmgzcy 。（备注：如无法打开
-- 网站，请复制链接，在IE浏览器中打开。）" (l.1337)
step { ca = "cfca", business = ALL, channel = "online", code = "online_address",
       zh = "在线办理网址：http://www.share-sun.com/xsapply/admin/login.aspx?unitname=nmgzcy（如无法打开，请复制链接在IE浏览器中打开）",
       en = "Apply online at http://www.share-sun.com/xsapply/admin/login.aspx?unitname=nmgzcy (open it in Internet Explorer if it does not load)" }
-- "1、办理数字证书及电子签章所需的证件必须合法有效。如单位证件不在有效期内或未年检、个人身份证件无法进行
-- 扫描验证，将导致数字证书及电子签章无法办理" (l.1341)
step { ca = "cfca", business = ALL, code = "valid_documents",
       zh = "所需的证件必须合法有效；单位证件不在有效期内或未年检、个人身份证件无法进行扫描验证的，无法办理",
       en = "Documents must be valid: a unit document out of date or not annually inspected, or an ID card that cannot be scanned, means no certificate" }
-- "2、投标单位（供应商）用户办理电子签章提供的公章原件，必须是单位工商注册地公安部门登记备案的单位法定公章"
-- (l.1343)
step { ca = "cfca", business = { "new", "reissue_lost", "reissue_damaged", "change" }, applicant = "org",
       code = "registered_official_seal",
       zh = "办理电子签章提供的公章原件，必须是单位工商注册地公安部门登记备案的单位法定公章",
       en = "The seal presented for the e-seal must be the unit's official seal registered with the public security bureau where the unit is registered" }
-- 服务协议 二（五）: "一个数字证书对应一个电子签章。原则上单位的公章和法人的手写签名或印章要分开办理。如果用户
-- 自愿将法人的手写签名或印章放到单位锁里，不单独办理法人的数字证书，因此造成的法律纠纷或一切损失由用户承担"
-- (l.1758)
step { ca = "cfca", business = { "new", "reissue_lost", "reissue_damaged", "change" }, applicant = "org",
       code = "one_seal_per_certificate",
       zh = "一个数字证书对应一个电子签章：单位公章和法人的手写签名或印章原则上分开办理；自愿将法人签名或印章放到单位锁里的，由此造成的法律纠纷或一切损失由用户承担",
       en = "One certificate carries one e-seal: the unit seal and the legal representative's signature or seal go in separate certificates; putting both in the unit key is at the user's own liability" }
-- "3、用户递交数字证书及电子签章申请表及相关材料并缴费。4、数字证书和电子签章公司审核用户资料，用户身份审核
-- 通过则办理数字证书及电子签章，并将密钥（介质）交付给用户。" (l.1259-1261); change and reissue
-- "按照以上流程" (l.1263)
step { ca = "cfca", business = { "new", "reissue_lost", "reissue_damaged", "change" }, code = "submit_and_pay",
       zh = "递交数字证书及电子签章申请表及相关材料并缴费",
       en = "Hand in the application form and materials, and pay" }
step { ca = "cfca", business = { "new", "reissue_lost", "reissue_damaged", "change" }, code = "identity_review",
       zh = "翔晟审核用户资料，用户身份审核通过则办理数字证书及电子签章，并将密钥（介质）交付给用户",
       en = "share-sun reviews the materials; once the identity is approved it issues the certificate and e-seal and hands over the key" }
-- "5、 办理数字证书及电子签章之后，进入公共资源交易平台进行激活" (l.1265)
step { ca = "cfca", business = "new", code = "activate_on_platform",
       zh = "办理数字证书及电子签章之后，进入公共资源交易平台进行激活",
       en = "After issue, activate the certificate and e-seal on the trading platform" }

-- BJCA (北京CA) -----------------------------------------------------------------------------------
-- I10: only what S4 publishes for BJCA here. "咨询服务地址：呼和浩特市赛罕区绿地领海B座801室 服务热线：
-- 4007001900" (l.42-43)
step { ca = "bjca", business = ALL, code = "contact",
       zh = "北京CA服务热线：4007001900；咨询服务地址：呼和浩特市赛罕区绿地领海B座801室",
       en = "BJCA hotline 4007001900; enquiries at 呼和浩特市赛罕区绿地领海B座801室" }
-- "线上受理网址：http://help.bjca.cn/nmgcg/online.html" (l.41); "北京CA可提供全流程线上无纸化办理服务，用户
-- 无需邮寄纸质材料" (l.44)
step { ca = "bjca", business = ALL, channel = "online", code = "online_address",
       zh = "线上受理网址：http://help.bjca.cn/nmgcg/online.html；全流程线上无纸化办理，无需邮寄纸质材料",
       en = "Apply at http://help.bjca.cn/nmgcg/online.html; the whole process is online and paperless: nothing is mailed" }
-- New (l.2144-2188): "【注意】通讯地址建议填写可接收快件的收件信息，以便我们邮寄证书Key等实体材料";
-- "按要求添加电子版照片"; "第二步：选择如下方式，支付订单"; "如审核通过则还会收到证书密码短信";
-- "证书制作完成后，为用户寄送证书产品"
step { ca = "bjca", business = "new", channel = "online", code = "submit_order",
       zh = "进入证书业务系统办理证书，填写申请信息（通讯地址请填写可接收快件的收件信息，以便邮寄证书Key），按要求添加电子版照片后确认申请，并支付订单",
       en = "Fill in the order on BJCA's system (give an address that can receive a courier, for the key), add the photos of the materials, confirm and pay" }
step { ca = "bjca", business = "new", channel = "online", code = "pin_delivery",
       zh = "审核情况以短信通知预留手机；审核通过的，还会收到证书密码短信",
       en = "The review result comes by SMS to the mobile on record; once approved, the PIN comes by SMS too" }
step { ca = "bjca", business = { "new", "reissue_lost", "reissue_damaged" }, channel = "online", code = "delivery",
       zh = "证书制作完成后，北京CA为用户寄送证书产品，请注意查收",
       en = "Once made, BJCA ships the certificate product to you" }
-- Renew (l.2190-2224): "在首页中选择“证书更新”，输入证书信息进行登录验证"; "下载成功后即可立即使用"
step { ca = "bjca", business = "renew", channel = "online", code = "online_renewal",
       zh = "在首页选择“证书更新”，输入证书信息登录验证，填写信息并确认订单；确认更新信息后下载，下载成功后即可使用",
       en = "Choose 证书更新, log in with the certificate, fill in and confirm the order, then download: the renewed certificate works at once" }
-- "【注意】证书更新业务只有过期超一年的时候再进行强身份验证，上传电子资料……核查通过后，会以短信及邮箱的方式
-- 告知，再登入首页点击【证书更新】" (l.2210-2214)
step { ca = "bjca", business = "renew", channel = "online", code = "strong_verification",
       when = function(q) return q.cert_not_after ~= nil and q.today > date.add_years(q.cert_not_after, 1) end,
       zh = "证书过期超一年：需进行强身份验证，上传电子资料，管理人员核查通过后以短信及邮箱告知，再登入首页点击【证书更新】",
       en = "Expired more than a year: strong identity verification with uploaded documents; once checked you are told by SMS and email, then renew" }
-- Unlock (l.2230-2256): "此时一定要插着介质操作"; "核实经办人姓名、手机号是否无误，输入验证码"; "解锁授权码
-- 会以短信形式发送到刚才验证的手机号中，填写并输入新密码"
step { ca = "bjca", business = "unlock", channel = "online", code = "online_unlock",
       zh = "插着介质在首页选择“证书解锁”，核实经办人姓名、手机号并输入验证码；解锁授权码以短信发送到该手机，填写后设置新密码",
       en = "With the key inserted choose 证书解锁, confirm the agent's name and mobile with a code; an unlock code comes by SMS, then set a new PIN" }
-- Reissue (l.2262-2316): "选择证书类型，输入需补办的证书信息并填入收到的验证码"; "页面显示证书之前办理的
-- 部分信息，需将信息补充完整并提交相应资料"; "【注意】若法人手机实名认证验证不过去，可选企业对公账户打款
-- 认证"; "核实经办人姓名、手机号，发送验证码"; "如审核通过则还会收到证书密码（申请数字证书时预留的对公银行
-- 账号的打款附言即为证书密码）"; "证书补办完成后，旧证书自动吊销"
step { ca = "bjca", business = { "reissue_lost", "reissue_damaged" }, channel = "online", code = "online_reissue",
       zh = "在首页选择【证书补办】，输入需补办的证书信息和验证码，补充信息并提交相应资料、添加电子版照片；核实经办人姓名、手机号并输入验证码，支付订单",
       en = "Choose 证书补办, enter the certificate and the code you receive, complete the details, add the photos, confirm the agent's mobile with a code, and pay" }
step { ca = "bjca", business = { "reissue_lost", "reissue_damaged" }, channel = "online", code = "legal_rep_verification",
       zh = "若法人手机实名认证验证不过去，可选企业对公账户打款认证",
       en = "If the legal representative's mobile real-name check fails, choose verification by a payment to the corporate account" }
step { ca = "bjca", business = { "reissue_lost", "reissue_damaged" }, channel = "online", code = "pin_delivery",
       zh = "审核情况以短信及邮件通知；审核通过的，申请数字证书时预留的对公银行账号的打款附言即为证书密码",
       en = "The result comes by SMS and email; once approved, the PIN is the memo of the payment to the corporate account given when the certificate was applied for" }
step { ca = "bjca", business = { "reissue_lost", "reissue_damaged" }, channel = "online", code = "old_certificate_revoked",
       zh = "补办证书有效期与原证书一致，证书补办完成后，旧证书自动吊销",
       en = "The reissued certificate keeps the old validity; the old certificate is revoked automatically" }
-- Change (l.2322-2348): "在首页中选择“证书信息变更”，输入证书信息进行登录验证"; "等待系统签发，下载"
step { ca = "bjca", business = "change", channel = "online", code = "online_change",
       zh = "在首页选择“证书信息变更”，输入证书信息登录验证，填写信息并确认订单，等待系统签发后下载即可使用",
       en = "Choose 证书信息变更, log in with the certificate, fill in and confirm the order, wait for issue and download" }

-- Every CA, after the CA's own steps -------------------------------------------------------------
-- "请办理对象务必及时到“内蒙古自治区政府采购网”--->“政采业务指南”--->“驱动下载”--->“政府采购云平台CA证书
-- 办理相关”--->“CA驱动”下载最新驱动，以保障CA正常使用。下载地址：http://www.ccgp-neimenggu.gov.cn/2020/10/101246.html"
-- (l.80-82)
step { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, code = "driver_download",
       zh = "请及时到内蒙古自治区政府采购网“政采业务指南”—“驱动下载”—“政府采购云平台CA证书办理相关”—“CA驱动”下载最新驱动（http://www.ccgp-neimenggu.gov.cn/2020/10/101246.html）",
       en = "Download the latest CA driver from the Inner Mongolia procurement network (http://www.ccgp-neimenggu.gov.cn/2020/10/101246.html)" }
-- "CA技术支持 统一服务热线：400-887-6133（提供电子签名及签章、文件加解密的操作咨询） 在线客服：www.ruizhengtong.com"
-- (l.49-51); "政采云平台：博思数采科技发展有限公司内蒙古分公司 服务热线：400-0471-010" (l.9-10)
step { business = ALL, code = "platform_support",
       zh = "CA使用技术支持统一服务热线：400-887-6133（电子签名及签章、文件加解密的操作咨询），在线客服 www.ruizhengtong.com；政采云平台服务热线：400-0471-010",
       en = "Help with signing, seals and encryption: 400-887-6133 or www.ruizhengtong.com; the procurement platform's own line: 400-0471-010" }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- A new certificate runs from its issue: SNCA "默认有效期为一年，自用户领用的数字证书上标识的起始日期起算"
-- (l.825); CFCA's table sells 1, 2 or 4 years. The others publish no period (years = "not published").
validity { business = "new", from = "today" }
-- BJCA's guide: "补办证书有效期与原证书一致" (l.2264) — published.
validity { ca = "bjca", business = { "reissue_lost", "reissue_damaged" }, from = "keep" }
-- No other CA says how a reissued or renewed certificate is dated (I11). "证书期限届满，甲方更新证书的，本合同
-- 有效期限顺延至证书更新期限届满日" is NMGCA's agreement 第十七条 (l.202, l.3477), and "证书有效期限届满，
-- 用户更新证书的，本协议有效期限顺延至证书更新期限届满日" BJCA's agreement 第8条3 (l.2550): both are about
-- the contract's term following the renewed certificate, not about the renewed certificate's dates. So
-- these are the service point's conventions, said as such.
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep",
           convention = "来源未规定补办证书的起止日期：本服务点按原证书的起止日期办理" }
validity { business = "renew", from = "old_expiry_or_today",
           convention = "来源未规定续期证书的起止日期：本服务点按原证书到期日顺延（已过期的自今日起）" }
