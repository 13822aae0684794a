-- Cases for central.lua: every amount and window seed 003 publishes, and what it leaves unpriced;
-- what BJCA does here on which channel, the steps, review times and the one-open-order limit.
-- Run with `cahub rules test rules/central.lua` (docs/rules.md §14). Today is 2026-06-01 unless
-- a case says otherwise.

defaults { ca = "bjca", today = "2026-06-01" }

---------------------------------------------------------------------------------------------------
-- New (一)
---------------------------------------------------------------------------------------------------

-- 一.1 现场办理: "证书费用：260元/套"
case {
  name = "new onsite: 260 yuan per set, four materials, one year from today",
  request = { business = "new", channel = "onsite" },
  fee = { certificate_set = 26000 }, total = 26000,
  materials = { { "application_form", copies = 2, stamped = true }, { "uscc_copy", stamped = true },
                "seal_sample_form", { "agent_id", stamped = true, original = true } },
  validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
  eligible = true,
  has_steps = { "office" }, lacks_steps = { "unit_verification", "pin_delivery" },
  limits = {},
}

case {
  name = "new online: unpriced; verification routes, PIN delivery, upload, 3-5 working days, one open order",
  request = { business = "new", channel = "online" },
  eligible = true,
  fee = { certificate_set = "unpriced" }, total = "unpriced",
  materials = { "licence_upload" },
  has_steps = { "online_account", "unit_verification", "agent_verification", "verification_fallback_mail",
                "application_signature", "online_payment", "pin_delivery", "shipping", "contact" },
  lacks_steps = { "one_open_order" },   -- a limit now, not a step
  review = true, review_days = { 3, 5 },
  limits = { "one_open_order" },
}

case {
  name = "new by mail (failed online verification): unpriced, five mailed items, the mail-in address, 3-5 working days",
  request = { business = "new", channel = "mail" },
  eligible = true, total = "unpriced",
  materials = { { "application_form", copies = 2, stamped = true }, { "uscc_copy", stamped = true },
                { "seal_sample_form", stamped = true }, { "agent_id_copy", stamped = true },
                { "authorisation_letter", stamped = true } },
  has_steps = { "mail_procedure", "mail_materials", "online_payment", "shipping" },
  review_days = { 3, 5 },
  limits = { "one_open_order" },
}

---------------------------------------------------------------------------------------------------
-- Renew (二)
---------------------------------------------------------------------------------------------------

-- 二.1 现场更新: "只收取证书年服务费用180元/张", the original key, one year from the old expiry
case {
  name = "renew onsite: 180 yuan a year, original key, extended from the old expiry by the service point's convention",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { annual_service = 18000 }, total = 18000,
  has_materials = { { "original_usbkey", original = true } },
  validity = { from = "2026-06-01", to = "2027-06-20", basis = "old_expiry", convention = true },
  has_steps = { "office", "test_after_renewal" },
  limits = {},
}

-- 二.2 在线更新: "证书有效期小于90天或已过期且不超过1年（365天）"
case {
  name = "renew online with 89 days left: open, unpriced, no materials, the published date rule",
  request = { business = "renew", channel = "online", cert_not_before = "2025-08-29", cert_not_after = "2026-08-29" },
  eligible = true, fee = { annual_service = "unpriced" }, materials = {}, review = false, review_days = "none",
  validity = { from = "2026-06-01", to = "2027-08-29", basis = "old_expiry", convention = false },
  has_steps = { "online_renewal", "agent_verification", "online_payment", "test_after_renewal" },
  limits = {},
}

case {
  name = "renew online with 90 days left: not yet",
  request = { business = "renew", channel = "online", cert_not_before = "2025-08-30", cert_not_after = "2026-08-30" },
  refused = "renewal_window",
}

case {
  name = "renew online expired 365 days ago: open, one year from today",
  request = { business = "renew", channel = "online", cert_not_before = "2024-06-01", cert_not_after = "2025-06-01" },
  eligible = true, review = false,
  validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
}

case {
  name = "renew online expired 366 days ago: verification materials and BJCA's review first, time not published",
  request = { business = "renew", channel = "online", cert_not_before = "2024-05-31", cert_not_after = "2025-05-31" },
  eligible = true, review = true, review_days = "none", materials = { "verification_upload" },
}

---------------------------------------------------------------------------------------------------
-- Lost-key reissue (三)
---------------------------------------------------------------------------------------------------

-- 三.1 丢失补办: "只收取证书介质费用80元/个", "证书有效期不变"
case {
  name = "reissue of a lost key onsite: 80 yuan medium, validity kept (published)",
  request = { business = "reissue_lost", channel = "onsite", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  fee = { medium = 8000 }, total = 8000,
  validity = { from = "2026-01-10", to = "2027-01-10", basis = "kept", convention = false },
  has_steps = { "old_certificate_revoked", "office" },
}

-- Audit C9: 三.2 "提供纸质材料，转为线下邮寄，跳转至【线下邮寄】流程"
case {
  name = "reissue of a lost key by mail: offered, unpriced, five mailed items, the mail-in address, 3-5 working days",
  request = { business = "reissue_lost", channel = "mail", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  eligible = true, fee = { medium = "unpriced" }, total = "unpriced",
  materials = { "application_form", "uscc_copy", "seal_sample_form", "agent_id_copy", "authorisation_letter" },
  has_steps = { "mail_procedure", "mail_materials", "old_certificate_revoked" },
  review_days = { 3, 5 }, limits = { "one_open_order" },
  validity = { basis = "kept" },
}

case {
  name = "reissue of a lost key online: the upload, PIN delivery, 3-5 working days, one open order",
  request = { business = "reissue_lost", channel = "online", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  eligible = true, fee = { medium = "unpriced" },
  materials = { "licence_upload" },
  has_steps = { "unit_verification", "agent_verification", "pin_delivery", "verification_fallback_mail" },
  review_days = { 3, 5 }, limits = { "one_open_order" },
}

---------------------------------------------------------------------------------------------------
-- Damaged-key reissue (七): the warranty counts from the medium's first issue (audit C10)
---------------------------------------------------------------------------------------------------

case {
  name = "damaged key, quality defect within the one-year warranty from first issue: free, dates kept (published)",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01",
              first_issued = "2025-09-01", defect = "quality" },
  fee = { medium_warranty = 0 }, total = 0,
  validity = { from = "2025-09-01", to = "2026-09-01", basis = "kept", convention = false },
  has_materials = { "original_usbkey" },
  has_steps = { "key_inspection", "office" }, review = true, review_days = "none",
}

case {
  name = "damaged key, quality defect, first issue unknown: 80 yuan (the certificate's start is not the medium's)",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01",
              defect = "quality" },
  eligible = true, fee = { medium = 8000 }, total = 8000,
  validity = { basis = "kept", convention = true },
}

case {
  name = "damaged key, quality defect, renewed certificate on a key first issued more than a year ago: 80 yuan",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10",
              first_issued = "2025-01-10", defect = "quality" },
  fee = { medium = 8000 }, total = 8000,
}

case {
  name = "damaged key, renewed certificate, first issue unknown: 80 yuan, not the renewed certificate's start",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10",
              defect = "quality" },
  fee = { medium = 8000 }, total = 8000,
}

case {
  name = "damaged key, quality defect after the warranty: 80 yuan",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01",
              first_issued = "2025-05-31", defect = "quality" },
  fee = { medium = 8000 }, total = 8000,
}

case {
  name = "damaged key, not a quality defect: 80 yuan",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01",
              first_issued = "2025-09-01", defect = "other" },
  fee = { medium = 8000 }, total = 8000,
}

case {
  name = "damaged key online: the inspection address, the paper, 80 yuan out of warranty",
  request = { business = "reissue_damaged", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01",
              first_issued = "2024-09-01", defect = "quality" },
  eligible = true, fee = { medium = 8000 },
  has_materials = { "application_form", "original_usbkey" },
  has_steps = { "key_inspection" }, lacks_steps = { "unit_verification", "pin_delivery", "contact" },
  review_days = "none", limits = {},
}

---------------------------------------------------------------------------------------------------
-- Change (四)
---------------------------------------------------------------------------------------------------

case {
  name = "change onsite: no fee printed, dates kept by the service point's convention",
  request = { business = "change", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  fee = { change = "unpriced" },
  validity = { from = "2025-09-01", to = "2026-09-01", basis = "kept", convention = true },
}

-- Audit O5: "如需变更签章，请您至现场或邮寄介质到受理点处理"
case {
  name = "change by mail (a seal change): offered, unpriced, the key mailed to the acceptance point",
  request = { business = "change", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, fee = { change = "unpriced" },
  materials = { { "original_usbkey", original = true } },
  has_steps = { "mail_materials" }, limits = {},
  validity = { basis = "kept", convention = true },
}

case {
  name = "change online: unit name and agent only, seal change at the counter or by mail",
  request = { business = "change", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, materials = {},
  has_steps = { "online_change_scope", "agent_verification" }, limits = {},
}

---------------------------------------------------------------------------------------------------
-- Unlock (5)
---------------------------------------------------------------------------------------------------

-- 5.2 受理点解锁: "证书解锁业务免费办理"
case {
  name = "unlock onsite: free, the key brought, no validity",
  request = { business = "unlock", channel = "onsite" },
  fee = { unlock = 0 }, total = 0, validity = "none",
  has_materials = { "original_usbkey" }, lacks_materials = { "seal_sample_form" },
}

-- Audit O6: 5.1 "2. 按照页面提示，上传鉴证资料"
case {
  name = "unlock online: unpriced, the verification upload, BJCA's authorisation by email",
  request = { business = "unlock", channel = "online" },
  fee = { unlock = "unpriced" },
  materials = { "verification_upload" },
  has_steps = { "online_unlock" }, review = true, review_days = "none",
}

---------------------------------------------------------------------------------------------------
-- Revoke (6)
---------------------------------------------------------------------------------------------------

case {
  name = "revoke by mail: unpriced, three paper items, the mail-in address, no open-order limit",
  request = { business = "revoke", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  fee = { revoke = "unpriced" },
  materials = { "application_form", "uscc_copy", "agent_id_copy" },
  has_steps = { "mail_materials" }, limits = {},
}

case {
  name = "revoke online: not offered by BJCA here",
  request = { business = "revoke", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "not_offered_by_ca_here",
}

case {
  name = "damaged-key reissue by mail: not offered by BJCA here",
  request = { business = "reissue_damaged", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "not_offered_by_ca_here",
}

---------------------------------------------------------------------------------------------------
-- Across businesses
---------------------------------------------------------------------------------------------------

-- "还未开标的请不要办理证书更新、信息变更"
case {
  name = "bidding lock: no renewal while a bid is unopened",
  request = { business = "renew", channel = "onsite", open_bid = true, cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  refused = "bidding_lock",
}

case {
  name = "the central platform serves units only",
  request = { business = "new", applicant = "person" },
  refused = "applicant_not_served",
}

case {
  name = "a validity of two years is not offered",
  request = { business = "new", years = 2 },
  error = "years_not_allowed",
}
