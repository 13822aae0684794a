-- Cases for neimenggu.lua (seed 004): CFCA's dated price table for 1, 2 and 4 years, SNCA's first
-- and following years, the SNCA and BJCA 30-day renewal window, and the CAs that publish nothing;
-- then, per finding of the 2026-12 fidelity audit (C11 … I13), a case that fails without its fix:
-- offers, per-CA materials, steps, review times, the NMGCA limit and the validity conventions.
-- Run with `cahub rules test rules/neimenggu.lua` (docs/rules.md §14). SNCA's cases need its plugin
-- (samples/snca-plugin, built into build/plugins/ by ./dev.sh build); without it they are skipped.

defaults { today = "2026-06-01" }

-- CFCA (翔晟), "2021年3月1日起": 新办 250 / 450 / 850 元, 续费 200 / 400 / 800 元, 补办 50元/次
case {
  name = "CFCA new, 1 year: 250 yuan",
  request = { ca = "cfca", business = "new" },
  fee = { certificate = 25000 }, total = 25000,
  validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
  has_materials = { { "business_licence_copy", stamped = true } },
}

case {
  name = "CFCA new, 2 years: 450 yuan",
  request = { ca = "cfca", business = "new", years = 2 },
  fee = { certificate = 45000 }, total = 45000,
  validity = { to = "2028-06-01" },
}

case {
  name = "CFCA new, 4 years: 850 yuan",
  request = { ca = "cfca", business = "new", years = 4 },
  fee = { certificate = 85000 }, total = 85000,
  validity = { to = "2030-06-01" },
}

case {
  name = "CFCA renew, 1 year: 200 yuan, from the old expiry (the service point's convention)",
  request = { ca = "cfca", business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renewal = 20000 }, total = 20000,
  validity = { from = "2026-06-01", to = "2027-06-20", basis = "old_expiry", convention = true },
}

case {
  name = "CFCA renew, 2 years: 400 yuan",
  request = { ca = "cfca", business = "renew", years = 2, cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renewal = 40000 }, total = 40000,
  validity = { to = "2028-06-20" },
}

case {
  name = "CFCA renew, 4 years: 800 yuan",
  request = { ca = "cfca", business = "renew", years = 4, cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renewal = 80000 }, total = 80000,
}

case {
  name = "CFCA reissue of a lost key: 50 yuan each time, validity kept (the service point's convention)",
  request = { ca = "cfca", business = "reissue_lost", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { reissue = 5000 }, total = 5000,
  validity = { from = "2025-06-20", to = "2026-06-20", basis = "kept", convention = true },
}

case {
  name = "CFCA reissue of a damaged key: 50 yuan",
  request = { ca = "cfca", business = "reissue_damaged", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { reissue = 5000 }, total = 5000,
}

case {
  name = "CFCA before 2021-03-01: the table is not yet in force, unpriced",
  request = { ca = "cfca", business = "new", today = "2021-02-28" },
  fee = { certificate = "unpriced" }, total = "unpriced",
}

case {
  name = "CFCA on 2021-03-01: the table is in force",
  request = { ca = "cfca", business = "new", today = "2021-03-01" },
  total = 25000,
}

case {
  name = "CFCA change: not published",
  request = { ca = "cfca", business = "change", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { change = "unpriced" },
}

-- SNCA (一证通), 五 收费标准: 首次申请 300元/个/年; 次年延续 260元/个/年; 在线解锁、证书变更免费
case {
  name = "SNCA new, the first year: 300 yuan (300元/个/年 for its one default year, C13)",
  request = { ca = "snca", business = "new" },
  fee = { certificate = 30000 }, total = 30000, years = 1,
}

case {
  name = "SNCA offers its default one-year period only",
  request = { ca = "snca", business = "new", years = 2 },
  error = "years_not_allowed",
}

case {
  name = "SNCA renew: 260 yuan for the following year",
  request = { ca = "snca", business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renewal = 26000 }, total = 26000, years = 1,
}

case {
  name = "SNCA online unlock: free",
  request = { ca = "snca", business = "unlock", channel = "online" },
  fee = { unlock = 0 }, total = 0,
}

case {
  name = "SNCA online change: free",
  request = { ca = "snca", business = "change", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { change = 0 }, total = 0,
}

case {
  name = "SNCA renewal 31 days before expiry: too early",
  request = { ca = "snca", business = "renew", cert_not_before = "2025-07-02", cert_not_after = "2026-07-02" },
  refused = "renewal_window",
}

-- BJCA's agreement: "必须在到期前三十日内…提出更新请求"
case {
  name = "BJCA renewal 30 days before expiry: open, unpriced",
  request = { ca = "bjca", business = "renew", channel = "online", cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  eligible = true, fee = { renewal = "unpriced" },
}

case {
  name = "BJCA renewal 31 days before expiry: too early",
  request = { ca = "bjca", business = "renew", channel = "online", cert_not_before = "2025-07-02", cert_not_after = "2026-07-02" },
  refused = "renewal_window",
}

case {
  name = "NMGCA publishes no window: renewal 200 days ahead is not refused by the region, and unpriced",
  request = { ca = "nmgca", business = "renew", channel = "online", cert_not_before = "2025-12-18", cert_not_after = "2026-12-18" },
  fee = { renewal = "unpriced" }, total = "unpriced",
}

case {
  name = "BJCA, NMGCA and SZCA publish no validity period here: a start, no end",
  request = { ca = "bjca", business = "new", channel = "online" },
  years = "not published", validity = { from = "2026-06-01", to = "not published", basis = "today" },
}

case {
  name = "a number of years asked of them is answered: the validity stays not published (LANGUAGE.md; the 01:00 snapshot still computes an end)",
  request = { ca = "szca", business = "new", channel = "online", years = 2 },
  years = "not published", validity = { from = "2026-06-01", to = "not published", basis = "today" },
}

case {
  name = "SZCA new: unpriced",
  request = { ca = "szca", business = "new", channel = "online" },
  fee = { certificate = "unpriced" }, total = "unpriced",
}

case {
  name = "SZCA 机构个人证书: the four uploads",
  request = { ca = "szca", business = "new", channel = "online", applicant = "org_person" },
  materials = { { "application_form", stamped = true, signed = true }, "business_licence_copy",
                { "applicant_id_copy", stamped = true }, "seal_collection_form" },
}

case {
  name = "a unit not registered on the network",
  request = { ca = "cfca", business = "new", registered = false },
  refused = "not_registered",
}

case {
  name = "CFCA offers 1, 2 or 4 years, not 3",
  request = { ca = "cfca", business = "new", years = 3 },
  error = "years_not_allowed",
}

---------------------------------------------------------------------------------------------------
-- Audit findings (2026-12-fidelity.md, Inner Mongolia): each case fails without its fix.
---------------------------------------------------------------------------------------------------

-- C11: "线上受理网址：http://apply.yztca.com:7777/sncaapply"; "网上办理用户以自提或到付方式邮寄给用户"
case {
  name = "C11 SNCA online new: offered, 300 yuan, its online address and pickup or courier at most 23 yuan (needs the ABI 2 SNCA plugin)",
  request = { ca = "snca", business = "new", channel = "online" },
  eligible = true, fee = { certificate = 30000 }, total = 30000,
  has_steps = { "contact", "online_address", "payment", "delivery" },
}

case {
  name = "C11 SNCA online renewal is not published: not offered",
  request = { ca = "snca", business = "renew", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  refused = "not_offered_by_ca_here",
}

-- C12: "服务热线：400-0471-888 公众号：nmgyztca"; "线下办理地址：内蒙古自治区公共资源交易中心9楼5号窗口或……"
case {
  name = "C12 SNCA on site: its hotline, WeChat account and two offices are steps of this script",
  request = { ca = "snca", business = "new", channel = "onsite" },
  has_steps = { "project_name", "contact", "offices", "payment", "invoice", "driver_download", "platform_support" },
  lacks_steps = { "online_address", "delivery" },
}

case {
  name = "C12 SNCA online unlock: through SNCA support, free",
  request = { ca = "snca", business = "unlock", channel = "online" },
  has_steps = { "contact", "online_unlock" }, fee = { unlock = 0 },
  materials = { { "legal_rep_authorisation", stamped = true } },
}

-- I8: "提供免费的在线解锁、证书变更等业务" is the online service
case {
  name = "I8 SNCA change on site: not published, unpriced (free is online only)",
  request = { ca = "snca", business = "change", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { change = "unpriced" }, total = "unpriced",
}

case {
  name = "I8 SNCA unlock on site: unpriced",
  request = { ca = "snca", business = "unlock", channel = "onsite" },
  fee = { unlock = "unpriced" }, total = "unpriced",
}

-- I9: "主证：个 副证：__个（选办）" and "□ 新办主锁 □ 新办副锁", no second-key price
case {
  name = "I9 SNCA second key: unpriced, not the main key's 300",
  request = { ca = "snca", business = "new", key = "secondary" },
  fee = { certificate = "unpriced" }, total = "unpriced",
}

case {
  name = "I9 CFCA second key, 2 years: unpriced, not the main key's 450",
  request = { ca = "cfca", business = "new", key = "secondary", years = 2 },
  fee = { certificate = "unpriced" }, total = "unpriced",
}

case {
  name = "I9 CFCA second key renewal and reissue: unpriced",
  request = { ca = "cfca", business = "renew", key = "secondary", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renewal = "unpriced" }, total = "unpriced",
}

case {
  name = "I9 CFCA second key reissue: unpriced, not 50 yuan",
  request = { ca = "cfca", business = "reissue_damaged", key = "secondary", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { reissue = "unpriced" }, total = "unpriced",
}

-- O7: each CA's own list
case {
  name = "O7 SNCA unit, new on site: form ×3, authorisation, seal collection form, licence copy",
  request = { ca = "snca", business = "new", channel = "onsite" },
  materials = { { "application_form", copies = 3, stamped = true, signed = true },
                { "legal_rep_authorisation", stamped = true }, "seal_collection_form",
                { "business_licence_copy", stamped = true } },
}

case {
  name = "O7 SZCA unit, new online: its form, licence copy and e-seal collection form",
  request = { ca = "szca", business = "new", channel = "online" },
  materials = { { "application_form", stamped = true, signed = true }, { "business_licence_copy", stamped = true },
                "seal_collection_form" },
  review_days = { 0, 3 },
  has_steps = { "contact", "online_address", "real_name_mobile", "upload_limits", "agent_liveness",
                "pin_delivery_online_payment", "pin_delivery_transfer", "review_result", "delivery" },
}

case {
  name = "O7 CFCA unit, new: form, authorisation and integrity letter, licence copy",
  request = { ca = "cfca", business = "new", channel = "onsite" },
  materials = { { "application_form", stamped = true, signed = true }, { "authorisation_letter", stamped = true, signed = true },
                { "business_licence_copy", stamped = true } },
  review = true,
  has_steps = { "contact", "offices", "hours", "valid_documents", "registered_official_seal", "one_seal_per_certificate",
                "submit_and_pay", "identity_review", "activate_on_platform" },
}

case {
  name = "O7 CFCA person, new online: the form signed and an ID copy",
  request = { ca = "cfca", business = "new", channel = "online", applicant = "person" },
  materials = { { "application_form", signed = true }, "id_copy" },
  has_steps = { "online_address", "valid_documents" }, lacks_steps = { "registered_official_seal", "offices" },
}

case {
  name = "O7 BJCA unit, new online: its form ×2, licence original and copy, agent ID, 4 seal samples",
  request = { ca = "bjca", business = "new", channel = "online" },
  materials = { { "application_form", copies = 2, stamped = true }, { "licence_original", original = true },
                { "licence_copy", stamped = true }, { "agent_id", stamped = true, original = true }, "seal_sample_form" },
}

case {
  name = "O7 BJCA person, new online: its personal form ×2, legal rep ID or authorisation, agent ID, samples",
  request = { ca = "bjca", business = "new", channel = "online", applicant = "person" },
  materials = { { "application_form", copies = 2, signed = true }, "legal_rep_id_or_authorisation",
                { "agent_id", stamped = true, original = true }, "seal_sample_form" },
}

case {
  name = "O7 NMGCA company, new online: licence scan stamped, seal, legal rep ID, legal rep seal and signature",
  request = { ca = "nmgca", business = "new", channel = "online" },
  materials = { { "business_licence_scan", stamped = true }, "unit_seal_scan", "legal_rep_id", "legal_rep_seal_signature_scan" },
}

case {
  name = "O7 NMGCA public institution, new online: stamped form and authorisation instead of the seal and ID",
  request = { ca = "nmgca", business = "new", channel = "online", public_institution = true },
  materials = { { "application_form", stamped = true }, { "authorisation_letter", stamped = true },
                { "business_licence_scan", stamped = true }, "legal_rep_seal_signature_scan" },
  has_steps = { "real_name_verification", "e_contract", "upload_limits", "payment" },
}

case {
  name = "O7 NMGCA unit, new on site: its two forms",
  request = { ca = "nmgca", business = "new", channel = "onsite" },
  materials = { { "application_form", stamped = true }, { "seal_collection_form", stamped = true, signed = true } },
  has_steps = { "contact", "offices" }, lacks_steps = { "online_address", "payment" },
}

case {
  name = "O7 NMGCA expert, new on site: personal form, e-seal form, ID copy",
  request = { ca = "nmgca", business = "new", channel = "onsite", applicant = "person" },
  materials = { { "application_form", signed = true }, { "seal_collection_form", signed = true }, "id_copy" },
}

-- O8: "补办、年检、企业名称、企业法人、公章更换等，所需材料与新办一致"; CFCA "按照以上流程"
case {
  name = "O8 SNCA reissue on site: the same materials as new",
  request = { ca = "snca", business = "reissue_lost", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = { { "application_form", copies = 3 }, "legal_rep_authorisation", "seal_collection_form", "business_licence_copy" },
  fee = { reissue = "unpriced" },
}

case {
  name = "O8 SNCA renewal (年检) on site: the same materials as new",
  request = { ca = "snca", business = "renew", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = { "application_form", "legal_rep_authorisation", "seal_collection_form", "business_licence_copy" },
}

case {
  name = "O8 SNCA change (name, legal rep, seal) on site: the same materials as new",
  request = { ca = "snca", business = "change", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = { "application_form", "legal_rep_authorisation", "seal_collection_form", "business_licence_copy" },
}

case {
  name = "O8 SNCA unlock on site: the stamped authorisation",
  request = { ca = "snca", business = "unlock", channel = "onsite" },
  materials = { { "legal_rep_authorisation", stamped = true } },
}

case {
  name = "O8 CFCA change: the new flow's materials",
  request = { ca = "cfca", business = "change", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = { "application_form", "authorisation_letter", "business_licence_copy" },
}

case {
  name = "O8 CFCA renewal: the form and the authorisation, which name 年检/年审",
  request = { ca = "cfca", business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = { "application_form", "authorisation_letter" },
}

-- O9: "法定代表人办理，只需提供法定代表人身份证复印件（加盖公章）"
case {
  name = "O9 SNCA, the legal representative in person: his ID copy instead of the authorisation",
  request = { ca = "snca", business = "new", channel = "onsite", legal_rep_in_person = true },
  materials = { "application_form", { "legal_rep_id_copy", stamped = true }, "seal_collection_form", "business_licence_copy" },
}

-- O10: "在证书的有效期内，当证书存储介质发生丢失，或者人为原因造成介质损坏时，需操作补办证书"
case {
  name = "O10 BJCA reissue of an expired certificate: refused, renew instead",
  request = { ca = "bjca", business = "reissue_lost", channel = "online", cert_not_before = "2024-05-01", cert_not_after = "2025-05-01" },
  refused = "reissue_needs_valid_certificate",
}

-- I10 with O10's other side: within validity, S4's online reissue steps, nothing of central's
case {
  name = "I10 BJCA reissue within validity: S4's steps and 5 working days",
  request = { ca = "bjca", business = "reissue_damaged", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, review_days = { 0, 5 },
  validity = { from = "2025-06-20", to = "2026-06-20", basis = "kept", convention = false },
  has_steps = { "contact", "online_address", "online_reissue", "legal_rep_verification", "pin_delivery", "delivery",
                "old_certificate_revoked" },
}

-- The next three need the stripped BJCA plugin (ABI 2): central's steps are the plugin's today.
case {
  name = "I10 BJCA reissue (stripped plugin): no mailing the key to Beijing, no central verification or open-order note",
  request = { ca = "bjca", business = "reissue_damaged", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  lacks_steps = { "key_inspection", "verification_fallback_mail", "mail_materials", "one_open_order", "unit_verification" },
}

-- O11: "上传机构证书、机构个人证书、自然人证书资料时，上传资料略有不同"
case {
  name = "O11 SZCA natural person, new online: offered; the guide lists no uploads for it (needs the SZCA plugin to serve persons)",
  request = { ca = "szca", business = "new", channel = "online", applicant = "person" },
  eligible = true, fee = { certificate = "unpriced" },
  has_steps = { "materials_not_published", "pin_delivery_transfer" },
  lacks_materials = { "application_form", "business_licence_copy" },
}

-- I10: BJCA in Inner Mongolia is online only, with S4's procedure
case {
  name = "I10 BJCA new online: SMS PIN, 5 working days, shipped",
  request = { ca = "bjca", business = "new", channel = "online" },
  review = true, review_days = { 0, 5 },
  has_steps = { "contact", "online_address", "submit_order", "pin_delivery", "delivery" },
  limits = {},
}

case {
  name = "I10 BJCA new online (stripped plugin): no central verification routes, mail fallback or open-order note",
  request = { ca = "bjca", business = "new", channel = "online" },
  lacks_steps = { "unit_verification", "agent_verification", "verification_fallback_mail", "one_open_order" },
}

case {
  name = "I10 BJCA has no counter in Inner Mongolia: on site is not offered",
  request = { ca = "bjca", business = "new", channel = "onsite" },
  refused = "not_offered_by_ca_here",
}

case {
  name = "I10 BJCA renewal online: update and download, no strong verification while not a year expired",
  request = { ca = "bjca", business = "renew", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  has_steps = { "online_renewal" }, lacks_steps = { "strong_verification" },
  validity = { basis = "old_expiry", convention = true },
}

case {
  name = "I10 BJCA renewal online (stripped plugin): no test-after-renewal note or original key from central",
  request = { ca = "bjca", business = "renew", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  lacks_steps = { "test_after_renewal", "bring_original_key" },
}

case {
  name = "I10 BJCA renewal more than a year after expiry: strong verification, reviewed, time not published",
  request = { ca = "bjca", business = "renew", channel = "online", cert_not_before = "2024-05-01", cert_not_after = "2025-05-01" },
  review = true, review_days = "none", has_steps = { "online_renewal", "strong_verification" },
}

case {
  name = "I10 BJCA unlock online: key inserted, agent's mobile, SMS code",
  request = { ca = "bjca", business = "unlock", channel = "online" },
  has_steps = { "online_unlock" }, fee = { unlock = "unpriced" },
}

-- I11: dates the source leaves open are conventions
case {
  name = "I11 NMGCA reissue online: old dates kept, as the service point's convention",
  request = { ca = "nmgca", business = "reissue_lost", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  validity = { from = "2025-06-20", to = "2026-06-20", basis = "kept", convention = true },
}

case {
  name = "I11 SNCA renewal: from the old expiry, the service point's convention",
  request = { ca = "snca", business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  validity = { from = "2026-06-01", to = "2027-06-20", basis = "old_expiry", convention = true },
}

-- I13: "注：单位证书只允许申请1条", counting what the unit holds, not every application ever made
case {
  name = "I13 NMGCA unit, new online: the one-unit-certificate limit applies",
  request = { ca = "nmgca", business = "new", channel = "online" },
  limits = { "one_unit_certificate" }, review = true, review_days = "none",
}

case {
  name = "I13 the limit is NMGCA's online unit application only: not an expert on site",
  request = { ca = "nmgca", business = "new", channel = "onsite", applicant = "person" },
  limits = {},
}

case {
  name = "I13 and not another CA's unit application",
  request = { ca = "snca", business = "new", channel = "onsite" },
  limits = {},
}

case {
  name = "NMGCA unit renewal on site is not published (online it is)",
  request = { ca = "nmgca", business = "renew", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  refused = "not_offered_by_ca_here",
}
