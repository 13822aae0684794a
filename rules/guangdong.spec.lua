-- Cases for guangdong.lua (seed 002, NETCA): no amount and no validity period is published;
-- which channel each business takes, and the paper each needs.
-- Run with `cahub rules test rules/guangdong.lua` (docs/rules.md §14).

defaults { ca = "netca", today = "2026-06-01" }

case {
  name = "new by mail: unpriced (fee and courier), the form, licence, agent ID and payment proof",
  request = { business = "new", channel = "mail" },
  fee = { certificate = "unpriced", courier = "unpriced" }, total = "unpriced",
  materials = { { "application_form", stamped = true }, { "business_licence", stamped = true },
                { "agent_id", stamped = true }, "payment_proof" },
}

case {
  name = "the validity period is not published: a start, no end, no years",
  request = { business = "new", channel = "onsite" },
  years = "not published",
  validity = { from = "2026-06-01", to = "not published", basis = "today" },
}

case {
  name = "asking for a number of years is rejected: none is published",
  request = { business = "new", years = 1 },
  error = "years_not_published",
}

case {
  name = "new in the client: only the counter or mail after the online form",
  request = { business = "new", channel = "self_service" },
  refused = "provider_does_not_offer",  -- NETCA's plugin answers first (route), as the guide says
}

case {
  name = "add online: unpriced, signed with the unit's valid certificate",
  request = { business = "add", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, fee = { certificate = "unpriced" },
  has_materials = { { "existing_certificate", original = true } },
}

case {
  name = "add with an expired certificate: apply as new",
  request = { business = "add", channel = "online", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  refused = "add_needs_valid_certificate",
}

case {
  name = "renew in the NETCA client (self-service), not expired: no materials, from the old expiry",
  request = { business = "renew", channel = "self_service", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, materials = {}, fee = { renewal = "unpriced" },
  validity = { from = "2026-06-01", to = "not published", basis = "old_expiry" },
}

case {
  name = "renew in the client, expired: counter or mail only",
  request = { business = "renew", channel = "self_service", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  refused = { "expired_renew_self_service", "expired_renewal_onsite_or_mail" },  -- the script's and NETCA's own
}

case {
  name = "renew by mail, expired: form x2 signed, copies, the key and the remittance slip",
  request = { business = "renew", channel = "mail", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  eligible = true, fee = { renewal = "unpriced", courier = "unpriced" },
  materials = { { "application_form", copies = 2, stamped = true, signed = true }, "business_licence_copy",
                "agent_id_copy", { "original_usbkey", original = true }, "remittance_slip_copy" },
}

case {
  name = "renew onsite: the licence and agent ID originals are shown",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  has_materials = { { "business_licence_copy", original = true }, { "agent_id_copy", original = true } },
  lacks_materials = { "remittance_slip_copy" },
}

case {
  name = "reissue of a damaged key onsite: unpriced, dates kept",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  fee = { reissue = "unpriced" }, validity = { from = "2025-09-01", to = "2026-09-01", basis = "kept" },
}

case {
  name = "change by mail: the market regulator's change record and the key",
  request = { business = "change", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  has_materials = { { "change_record_copy", stamped = true }, "original_usbkey" },
}

case {
  name = "unlock in the client (self-service)",
  request = { business = "unlock", channel = "self_service" },
  eligible = true, materials = {}, fee = { unlock = "unpriced" },
}

case {
  name = "unlock after the agent changed: not self-service",
  request = { business = "unlock", channel = "self_service", agent_changed = true },
  refused = "agent_changed_unlock",
}

-- The form has a 注销 box, but the NETCA plugin offers revocation on no channel: the provider's
-- refusal is the answer, before any fee or material of this script is read.
case {
  name = "revoke: NETCA does not offer it",
  request = { business = "revoke", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "provider_does_not_offer",
}
