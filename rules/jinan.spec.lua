-- Cases for jinan.lua (seed 000): onsite only, the same three materials for every business, no
-- fee and no validity period published. The CAs are the administrator's setting; the guide's
-- seven services are offered with every one of them, at the one office in Jinan.
-- Run with `cahub rules test rules/jinan.lua` (docs/rules.md §14).

defaults { ca = "bjca", today = "2026-06-01", channel = "onsite" }

case {
  name = "new: unpriced, the form, the code certificate copy and the agent's ID, validity not published",
  request = { business = "new" },
  fee = { new = "unpriced" }, total = "unpriced", years = "not published",
  materials = { { "application_form", stamped = true }, { "uscc_or_org_code_copy", stamped = true },
                { "agent_id", stamped = true, original = true } },
  validity = "none",  -- the guide gives neither a period nor how dates run: no validity entry
  has_steps = { "form_service_type", "office", "onsite_handling" },
  review = true, review_days = "none",  -- "现场接受申请、审核材料": reviewed, time not published
}

case {
  name = "renew (更新): unpriced, the same three items",
  request = { business = "renew", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { renew = "unpriced" },
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id" },
  has_steps = { "form_service_type", "office" },
}

case {
  name = "change: the changed documents too",
  request = { business = "change", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { change = "unpriced" },
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id", { "changed_documents", original = true } },
}

-- C3: the office is Jinan's, whichever CA: HBCA's quote no longer sends the applicant to Xining.
case {
  name = "C3: HBCA new in Jinan: the Jinan office (906室), not Qinghai's window",
  request = { ca = "hbca", business = "new" },
  eligible = true, has_steps = { "office", "form_service_type", "onsite_handling" },
}

-- C3: NETCA's quote carries Jinan's steps (no Guangdong form or payee memo is published here).
case {
  name = "C3: NETCA change in Jinan: Jinan's form ticking and office",
  request = { ca = "netca", business = "change", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, has_steps = { "form_service_type", "office" },
}

-- C1, C2: the offer (jinan.lua:36) names no CA, so unfreeze, freeze and revoke are offered on site
-- with every accepted CA. Whether a CA's plugin can carry the business out at all is the plugin's
-- capability (ABI 2): with the old plugins (ABI 1 offers tables) these cases are refused
-- `provider_cannot_carry_out` from the plugin, never `not_offered_by_ca_here` from the script.

-- C1: 六 "采集单位找回失数字证书和电子签章后，可通过办理签章冻结恢复业务，继续使用电子签章。"
case {
  name = "C1: unfreeze after the key is found: offered, unpriced, the three materials",
  request = { business = "unfreeze", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, fee = { unfreeze = "unpriced" }, validity = "none",
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id" },
  has_steps = { "unfreeze_after_found", "form_service_type", "office", "onsite_handling" },
}

-- C2 + O1: 五 "可通过办理签章冻结业务，暂时冻结电子签章的可用性" — with any accepted CA, not only SNCA.
case {
  name = "C2/O1: freeze with NETCA when unsure whether the key is lost: offered, the purpose a step, no validity",
  request = { ca = "netca", business = "freeze", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, fee = { freeze = "unpriced" }, validity = "none",
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id" },
  has_steps = { "freeze_purpose", "form_service_type", "office", "onsite_handling" },
}

case {
  name = "O1: freeze with SNCA: the purpose is a step, not a refusal",
  request = { ca = "snca", business = "freeze", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, fee = { freeze = "unpriced" }, validity = "none",
  has_steps = { "freeze_purpose", "form_service_type", "office", "onsite_handling" },
}

-- C2 + O1: 七 "若采集单位因其他原因不再使用电子签章，须到…906室吊销电子签章。"
case {
  name = "C2/O1: revoke on site with HBCA: offered, unpriced, the reason a step",
  request = { ca = "hbca", business = "revoke", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, fee = { revoke = "unpriced" },
  has_steps = { "revoke_no_longer_used", "form_service_type", "office", "onsite_handling" },
}

case {
  name = "O1: revoke on site with BJCA: the reason is a step, not a refusal",
  request = { business = "revoke", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, fee = { revoke = "unpriced" },
  has_steps = { "revoke_no_longer_used", "form_service_type", "office", "onsite_handling" },
  lacks_steps = { "freeze_purpose", "unfreeze_after_found" },
}

-- I1: the guide names no CA, so nothing in the script depends on which one: CFCA gets exactly
-- what BJCA gets.
case {
  name = "I1: any accepted CA gets the same offer, materials and steps (CFCA new)",
  request = { ca = "cfca", business = "new" },
  eligible = true, fee = { new = "unpriced" },
  materials = { "application_form", "uscc_or_org_code_copy", "agent_id" },
  has_steps = { "form_service_type", "office", "onsite_handling" },
}

case {
  name = "reissue: unpriced, the form ticked 补办",
  request = { ca = "cfca", business = "reissue_lost", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  fee = { reissue = "unpriced" }, has_steps = { "form_service_type", "office" },
}

case {
  name = "onsite only",
  request = { business = "new", channel = "online" },
  refused = "channel_not_offered",
}

-- LANGUAGE.md "years not published → an answer": asking for a period the guide does not publish is
-- answered (the validity stays unpublished), no longer rejected.
case {
  name = "no validity period is published: a request for one year is answered, the period still not published",
  request = { business = "new", years = 1 },
  eligible = true, years = "not published", validity = "none",
}
