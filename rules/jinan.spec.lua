-- Cases for jinan.lua (seed 000): onsite only, the same three materials for every business, no
-- fee and no validity period published. The CAs are the administrator's setting.
-- Run with `cahub rules test rules/jinan.lua` (docs/rules.md §14).

defaults { ca = "bjca", today = "2026-06-01", channel = "onsite" }

case {
  name = "new: unpriced, the form, the code certificate copy and the agent's ID, validity not published",
  request = { business = "new" },
  fee = { new = "unpriced" }, total = "unpriced", years = "not published",
  materials = { { "application_form", stamped = true }, { "uscc_or_org_code_copy", stamped = true },
                { "agent_id", stamped = true, original = true } },
  validity = "none",  -- the guide gives neither a period nor how dates run: no validity entry
}

case {
  name = "renew (更新): unpriced, the same three items",
  request = { business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renew = "unpriced" },
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id" },
}

case {
  name = "change: the changed documents too",
  request = { business = "change", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { change = "unpriced" },
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id", { "changed_documents", original = true } },
}

-- Of the bundled plugins only the SNCA sample offers freeze (挂起); without it this case is skipped.
case {
  name = "freeze when unsure whether the key is lost: unpriced, no validity",
  request = { ca = "snca", business = "freeze", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { freeze = "unpriced" }, validity = "none",
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id" },
}

case {
  name = "revoke: unpriced",
  request = { business = "revoke", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { revoke = "unpriced" },
}

case {
  name = "reissue: unpriced, the old dates kept",
  request = { ca = "cfca", business = "reissue_lost", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { reissue = "unpriced" },
}

case {
  name = "onsite only",
  request = { business = "new", channel = "online" },
  refused = "channel_not_offered",
}

case {
  name = "no validity period is published, so none can be asked for",
  request = { business = "new", years = 1 },
  error = "years_not_published",
}
