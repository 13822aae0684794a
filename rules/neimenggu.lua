-- 内蒙古自治区政府采购网（政采云） — Inner Mongolia government procurement network.
-- The applicant chooses one of five CAs: NMGCA (内蒙CA), SNCA (陕西CA, 内蒙古一证通), SZCA (深圳CA),
-- CFCA (served by 江苏翔晟), BJCA (北京CA).
--
-- Source: seeds/004 《内蒙古自治区政府采购网CA数字证书及电子印章办理指南》 with each CA's
-- handling guide and forms.
--
-- Almost everything this guide publishes is per CA: SNCA's and CFCA's fees, each CA's materials,
-- SNCA's and BJCA's 30-day renewal window. Entries that belong to one CA say so with `ca = "..."`.
-- A CA that publishes no amount gets an entry without `fen`: the quote says unpriced.
-- Validity periods are per CA too: CFCA sells 1, 2 or 4 years and SNCA's default is one year
-- (years_offered below); NMGCA, SZCA and BJCA publish none, so their quotes say not published.

region {
  id = "neimenggu",
  name = "内蒙古自治区政府采购网",
  name_en = "Inner Mongolia government procurement network (Zhengcaiyun)",
  source = "seed 004: 内蒙古自治区政府采购网CA数字证书及电子印章办理指南",
  -- "CA受理服务机构（自行选择）": 内蒙CA, 陕西CA, 深圳CA, CFCA, 北京CA
  accepts = { "nmgca", "snca", "szca", "cfca", "bjca" },
  -- 单位证书 (all CAs); 个人 (CFCA "个人数字证书及电子签章申请需要个人身份证复印件", the expert form);
  -- 机构个人证书 (SZCA only)
  applicants = { "org", "person", "org_person" },
  -- 线下办理地址 / 线上受理网址 for every CA
  channels = { "onsite", "online" },
  -- 新办, 年检/续费/次年延续, 补办 (丢失密钥或密钥损坏), 变更, 解锁, 挂起 and 注销 (SNCA form),
  -- 吊销 (BJCA agreement)
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "revoke" },
  -- NMGCA, SZCA and BJCA publish no validity period; CFCA's and SNCA's follow.
  years = "not published",
}

-- CFCA's table prices "1年 / 2年 / 4年".
years_offered { ca = "cfca", years = { 1, 2, 4 } }
-- SNCA: "用户数字证书的默认有效期为一年"; no other period is published.
years_offered { ca = "snca", years = { 1 } }

---------------------------------------------------------------------------------------------------
-- Fees: each CA publishes its own table, or none.
---------------------------------------------------------------------------------------------------

-- CFCA (翔晟), "2021年3月1日起"; table "数字证书及电子签章新办 250元 450元 850元 50元/次;
-- 数字证书及电子签章续费 200元 400元 800元" for 1年 / 2年 / 4年 / 补办. Before that date: unpriced.
fee { ca = "cfca", business = "new", years = 1, code = "certificate", label = "数字证书及电子签章新办（1年）", fen = 25000, effective = "2021-03-01" }
fee { ca = "cfca", business = "new", years = 2, code = "certificate", label = "数字证书及电子签章新办（2年）", fen = 45000, effective = "2021-03-01" }
fee { ca = "cfca", business = "new", years = 4, code = "certificate", label = "数字证书及电子签章新办（4年）", fen = 85000, effective = "2021-03-01" }
fee { ca = "cfca", business = "renew", years = 1, code = "renewal", label = "数字证书及电子签章续费（1年）", fen = 20000, effective = "2021-03-01" }
fee { ca = "cfca", business = "renew", years = 2, code = "renewal", label = "数字证书及电子签章续费（2年）", fen = 40000, effective = "2021-03-01" }
fee { ca = "cfca", business = "renew", years = 4, code = "renewal", label = "数字证书及电子签章续费（4年）", fen = 80000, effective = "2021-03-01" }
fee { ca = "cfca", business = { "reissue_lost", "reissue_damaged" }, code = "reissue", label = "数字证书及电子签章补办（每次）", fen = 5000, effective = "2021-03-01" }

-- SNCA (一证通), 五 收费标准: "首次申请 CA数字证书+电子签章 300元/个/年; 次年延续 CA数字证书+电子签章
-- 260元/个/年; 备注：提供免费的在线解锁、证书变更等业务". Its default validity is one year
-- ("用户数字证书的默认有效期为一年", the only period it offers here).
fee { ca = "snca", business = "new", code = "certificate", label = "CA数字证书+电子签章（首次申请，300元/个/年）", fen = 30000 }
fee { ca = "snca", business = "renew", code = "renewal", label = "CA数字证书+电子签章（次年延续，260元/个/年）", fen = 26000, per_year = true }
fee { ca = "snca", business = "unlock", channel = "online", code = "unlock", label = "在线解锁（免费）", fen = 0 }
fee { ca = "snca", business = "change", code = "change", label = "证书变更（免费）", fen = 0 }
-- SNCA courier: "网上办理用户以自提或到付方式邮寄给用户（邮政或顺丰，不高于23元）" — a ceiling paid to the
-- courier on delivery (到付), not an amount the CA charges: no entry.

-- What the other CAs (and SNCA and CFCA for the rest) do not publish: unpriced.
fee { ca = { "nmgca", "szca", "bjca" }, business = "new", code = "certificate", label = "数字证书及电子签章新办费用（该CA未公布）" }
fee { ca = { "nmgca", "szca", "bjca" }, business = "renew", code = "renewal", label = "数字证书及电子签章续费（该CA未公布）" }
fee { ca = { "nmgca", "szca", "bjca", "snca" }, business = { "reissue_lost", "reissue_damaged" }, code = "reissue",
      label = "数字证书及电子签章补办费用（该CA未公布）" }
fee { ca = { "nmgca", "szca", "bjca", "cfca" }, business = "change", code = "change", label = "证书变更费用（该CA未公布）" }
fee { business = "unlock", unless = { ca = "snca", channel = "online" }, code = "unlock", label = "证书解锁费用（该CA未公布）" }
fee { business = "freeze", code = "freeze", label = "证书挂起费用" }
fee { business = "revoke", code = "revoke", label = "证书注销费用" }

---------------------------------------------------------------------------------------------------
-- Materials: only what every CA asks for, or what only one CA can be asked for.
---------------------------------------------------------------------------------------------------

-- A unit's new certificate: every CA asks for the business licence copy bearing the unit seal —
-- SNCA "营业执照复印件（多证合一）（加盖公章）", CFCA "单位营业执照复印件并加盖公章", SZCA
-- "单位营业执照复印件加盖红印鲜章扫描件", NMGCA "营业执照副本扫描件必须加盖公章", BJCA
-- "提供本表所示证件1、2复印件一份(加盖公章)" (证件1 工商营业执照).
material { business = "new", applicant = "org", code = "business_licence_copy",
           name = "营业执照复印件", stamped = true }

-- 机构个人证书 is SZCA's alone, so these entries are SZCA's by construction. Online hall uploads,
-- "(2) 机构个人证书 申请机构个人证书时，上传资料为：" 1) to 4):
material { business = "new", applicant = "org_person", code = "application_form",
           name = "机构（个人）数字证书申请表", stamped = true, signed = true,
           note = "通过网页生成直接打印，经办人手写签字确认，加盖单位红印公章后扫描上传" }
material { business = "new", applicant = "org_person", code = "business_licence_copy",
           name = "单位营业执照复印件", stamped = true, note = "加盖红印鲜章扫描件" }
material { business = "new", applicant = "org_person", code = "applicant_id_copy",
           name = "申请人身份证正反面复印件", stamped = true, note = "加盖红印公章扫描件" }
material { business = "new", applicant = "org_person", code = "seal_collection_form",
           name = "电子签章采集表", note = "采集私章印模/签名后扫描上传" }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- 办理对象: "已经在内蒙古自治区政府采购网上完成注册的采购人、代理机构、供应商等"
refuse { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "revoke" },
         applicant = { "org", "org_person" }, when = { registered = false }, code = "not_registered",
         zh = "申请单位尚未在内蒙古自治区政府采购网完成注册，请先完成注册再办理CA数字证书",
         en = "The unit is not yet registered on the Inner Mongolia government procurement network: register first" }

-- Renewal window: SNCA's 责任书 "用户必须在证书失效期前30天内向证书受理机构提出数字证书更新请求" and
-- BJCA's agreement "必须在到期前三十日内…提出更新请求"; NMGCA, SZCA and CFCA publish none.
renewal_window { ca = { "snca", "bjca" }, days_before_expiry = 30 }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------
-- BJCA's guide: "补办证书有效期与原证书一致"; SNCA's contract: renewal extends the term
-- ("甲方更新证书的，本合同有效期限顺延至证书更新期限届满日"). For the rest, the project's validity
-- convention: new from today, renewal from the old expiry while live (from today once expired).
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep" }

-- What each CA does here, carried over unchanged from the CA plugins' offers tables of ABI 1
-- (the region × CA agreement is restated from the source in the next change).
offer { ca = "nmgca", channel = "online", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "revoke" }, applicant = { "org", "person" } }
offer { ca = "nmgca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = { "org", "person" } }
offer { ca = "snca", channel = "onsite", business = { "new", "renew", "change", "freeze", "reissue_lost", "reissue_damaged", "revoke", "unlock" }, applicant = { "org", "person" } }
offer { ca = "snca", channel = "online", business = { "change", "unlock" }, applicant = { "org", "person" } }
offer { ca = "szca", channel = "online", business = { "new" }, applicant = { "org", "org_person" } }
offer { ca = "cfca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = { "org", "person" } }
offer { ca = "cfca", channel = "online", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, applicant = { "org", "person" } }
offer { ca = "bjca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" }, applicant = { "org", "person" } }
offer { ca = "bjca", channel = "online", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org", "person" } }
