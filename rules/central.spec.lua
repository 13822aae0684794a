-- Cases for central.lua: every amount and window seed 003 publishes, and what it leaves unpriced.
-- Run with `cahub rules test rules/central.lua` (docs/rules.md §14). Today is 2026-06-01 unless
-- a case says otherwise.

defaults { ca = "bjca", today = "2026-06-01" }

-- 一.1 现场办理: "证书费用：260元/套"
case {
  name = "new onsite: 260 yuan per set, four materials, one year from today",
  request = { business = "new", channel = "onsite" },
  fee = { certificate_set = 26000 }, total = 26000,
  materials = { { "application_form", copies = 2, stamped = true }, { "uscc_copy", stamped = true },
                "seal_sample_form", { "agent_id", stamped = true, original = true } },
  validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
  eligible = true,
}

case {
  name = "new online: the price is not printed, so unpriced",
  request = { business = "new", channel = "online" },
  fee = { certificate_set = "unpriced" }, total = "unpriced",
}

case {
  name = "new by mail (failed online verification): unpriced, with the unit authorisation letter",
  request = { business = "new", channel = "mail" },
  total = "unpriced",
  has_materials = { { "application_form", copies = 2 }, "authorisation_letter", "agent_id_copy" },
}

-- 二.1 现场更新: "只收取证书年服务费用180元/张", the original key, one year from the old expiry
case {
  name = "renew onsite: 180 yuan a year, original key, extended from the old expiry",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { annual_service = 18000 }, total = 18000,
  has_materials = { { "original_usbkey", original = true } },
  validity = { from = "2026-06-01", to = "2027-06-20", basis = "old_expiry" },
}

-- 二.2 在线更新: "证书有效期不足90天" … "已过期…365天内"
case {
  name = "renew online with 89 days left: open, unpriced, no materials",
  request = { business = "renew", channel = "online", cert_not_before = "2025-08-29", cert_not_after = "2026-08-29" },
  eligible = true, fee = { annual_service = "unpriced" }, materials = {}, review = false,
  validity = { from = "2026-06-01", to = "2027-08-29", basis = "old_expiry" },
}

case {
  name = "renew online with 90 days left: not yet",
  request = { business = "renew", channel = "online", cert_not_before = "2025-08-30", cert_not_after = "2026-08-30" },
  refused = "online_renewal_window",
}

case {
  name = "renew online expired 365 days ago: open, one year from today",
  request = { business = "renew", channel = "online", cert_not_before = "2024-06-01", cert_not_after = "2025-06-01" },
  eligible = true, review = false,
  validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
}

case {
  name = "renew online expired 366 days ago: verification materials and BJCA's review first",
  request = { business = "renew", channel = "online", cert_not_before = "2024-05-31", cert_not_after = "2025-05-31" },
  eligible = true, review = true, materials = { "verification_upload" },
}

-- 三 丢失补办: "只收取证书介质费用80元/个", "证书有效期不变"
case {
  name = "reissue of a lost key onsite: 80 yuan medium, validity kept",
  request = { business = "reissue_lost", channel = "onsite", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  fee = { medium = 8000 }, total = 8000,
  validity = { from = "2026-01-10", to = "2027-01-10", basis = "kept" },
}

-- 七 损坏补办: free for a quality defect within one year of first issue, else 80 yuan
case {
  name = "damaged key, quality defect within the one-year warranty: free",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01",
              first_issued = "2025-09-01", defect = "quality" },
  fee = { medium_warranty = 0 }, total = 0,
  validity = { from = "2025-09-01", to = "2026-09-01", basis = "kept" },
  has_materials = { "original_usbkey" },
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

-- 五.2 受理点解锁: "证书解锁业务免费办理"
case {
  name = "unlock onsite: free, the key brought, no validity",
  request = { business = "unlock", channel = "onsite" },
  fee = { unlock = 0 }, total = 0, validity = "none",
  has_materials = { "original_usbkey" }, lacks_materials = { "seal_sample_form" },
}

case {
  name = "unlock online: not published",
  request = { business = "unlock", channel = "online" },
  fee = { unlock = "unpriced" },
}

case {
  name = "change and revoke: no fee printed",
  request = { business = "change", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  fee = { change = "unpriced" }, validity = { basis = "kept" },
}

case {
  name = "revoke by mail: unpriced, three paper items",
  request = { business = "revoke", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  fee = { revoke = "unpriced" },
  materials = { "application_form", "uscc_copy", "agent_id_copy" },
}

-- "还未开标的请不要办理证书更新、信息变更"
case {
  name = "bidding lock: no renewal while a bid is unopened",
  request = { business = "renew", channel = "onsite", open_bid = true, cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  refused = "bidding_lock",
}

case {
  name = "the central platform serves units only, and one year only",
  request = { business = "new", applicant = "person" },
  refused = "applicant_not_served",
}

case {
  name = "a validity of two years is not offered",
  request = { business = "new", years = 2 },
  error = "years_not_allowed",
}
