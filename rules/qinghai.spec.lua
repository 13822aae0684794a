-- Cases for qinghai.lua (seed 001): no amount is published, so every fee is unpriced; the
-- 30-day renewal window, 1 or 2 years, and the refusals the guide gives.
-- Run with `cahub rules test rules/qinghai.lua` (docs/rules.md §14).

defaults { ca = "bjca", today = "2026-06-01" }

case {
  name = "new unit certificate onsite: unpriced, five stamped items, one year by default",
  request = { business = "new", channel = "onsite" },
  fee = { certificate = "unpriced" }, total = "unpriced", years = 1,
  materials = { { "legal_rep_authorisation", stamped = true }, { "id_copies", stamped = true },
                { "application_form", stamped = true }, { "seal_collection_form", stamped = true },
                { "service_commitment", stamped = true } },
  validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
}

-- "服务期限为1年或2年（申请方可自主选择服务期）"
case {
  name = "new with HBCA for two years: two years from today",
  request = { ca = "hbca", business = "new", years = 2 },
  years = 2, validity = { from = "2026-06-01", to = "2028-06-01" },
}

case {
  name = "three years is not offered",
  request = { business = "new", years = 3 },
  error = "years_not_allowed",
}

-- 四/五: "须在证书失效前30天以内向受理方提出证书延期（续期）请求，并缴纳延期费用"
case {
  name = "renew with 30 days left: inside the window, paid but unpriced, extended from the old expiry",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  eligible = true, fee = { renewal = "unpriced" },
  validity = { from = "2026-06-01", to = "2027-07-01", basis = "old_expiry" },
  has_materials = { "legal_rep_authorisation", "original_ukey" }, lacks_materials = { "seal_collection_form" },
}

case {
  name = "renew with 31 days left: too early",
  request = { ca = "hbca", business = "renew", channel = "onsite", cert_not_before = "2025-07-02", cert_not_after = "2026-07-02" },
  refused = "renewal_window",
}

case {
  name = "renew for two years of an expired certificate: two years from today",
  request = { business = "renew", channel = "onsite", years = 2, cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  validity = { from = "2026-06-01", to = "2028-06-01", basis = "today" },
}

case {
  name = "renew online: no materials ('在线自行延期（续期）无需提交相关资料')",
  request = { business = "renew", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = {},
}

case {
  name = "expert, applying in person: signed items, no delegation",
  request = { business = "new", applicant = "person" },
  materials = { { "holder_id_copy", signed = true, stamped = false }, { "application_form", signed = true },
                "seal_collection_form", "service_commitment" },
}

case {
  name = "expert, applying through a delegate: the delegation items too",
  request = { business = "new", applicant = "person", delegated = true },
  has_materials = { { "delegation", signed = true, original = true } },
}

case {
  name = "unit not registered in the subject database (主体入库)",
  request = { business = "new", registered = false },
  refused = "not_registered",
}

case {
  name = "expert not in the provincial expert database",
  request = { business = "new", applicant = "person", expert_in_database = false },
  refused = "expert_not_in_database",
}

case {
  name = "one master key per unit; secondary keys are unlimited",
  request = { business = "new", has_master_key = true },
  refused = "one_master_key",
}

case {
  name = "a secondary key for a unit that has its master key",
  request = { business = "new", key = "secondary", has_master_key = true },
  eligible = true,
}

case {
  name = "bidding lock: no change while an encrypted bid is unopened",
  request = { business = "change", open_bid = true, cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  refused = "bidding_lock",
}

case {
  name = "a former Jiangsu CA certificate is not renewed: apply as new",
  request = { business = "renew", former_ca = "jscca", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  refused = "former_jscca_as_new",
}

case {
  name = "reissue of a lost key: unpriced, the new-application materials, validity kept",
  request = { business = "reissue_lost", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  fee = { reissue = "unpriced" }, has_materials = { "seal_collection_form" },
  validity = { from = "2026-01-10", to = "2027-01-10", basis = "kept" },
}

case {
  name = "unlock onsite: unpriced, bring the key",
  request = { business = "unlock", channel = "onsite" },
  fee = { unlock = "unpriced" }, materials = { "original_ukey" }, validity = "none",
}

case {
  name = "a CA the platform does not accept",
  request = { ca = "netca", business = "new" },
  refused = "ca_not_accepted",
}
