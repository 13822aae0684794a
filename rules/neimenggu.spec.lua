-- Cases for neimenggu.lua (seed 004): CFCA's dated price table for 1, 2 and 4 years, SNCA's first
-- and following years, the SNCA and BJCA 30-day renewal window, and the CAs that publish nothing.
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
  name = "CFCA renew, 1 year: 200 yuan, from the old expiry",
  request = { ca = "cfca", business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renewal = 20000 }, total = 20000,
  validity = { from = "2026-06-01", to = "2027-06-20", basis = "old_expiry" },
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
  name = "CFCA reissue of a lost key: 50 yuan each time, validity kept",
  request = { ca = "cfca", business = "reissue_lost", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { reissue = 5000 }, total = 5000,
  validity = { from = "2025-06-20", to = "2026-06-20", basis = "kept" },
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
  name = "SNCA new, the first year: 300 yuan",
  request = { ca = "snca", business = "new" },
  fee = { certificate = 30000 }, total = 30000,
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
  name = "SNCA change: free",
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
  name = "and so a number of years cannot be asked of them",
  request = { ca = "szca", business = "new", channel = "online", years = 2 },
  error = "years_not_published",
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
