-- Cases for guangdong.lua (seed 002, NETCA): no amount and no validity period is published;
-- what NETCA does on which channel here, the steps of each procedure, and the paper each needs.
-- Run with `cahub rules test rules/guangdong.lua` (docs/rules.md §14).

defaults { ca = "netca", today = "2026-06-01" }

---------------------------------------------------------------------------------------------------
-- New (二.1)
---------------------------------------------------------------------------------------------------

case {
  name = "new by mail: unpriced (fee and courier), the form, licence, agent ID and payment proof",
  request = { business = "new", channel = "mail" },
  eligible = true,
  fee = { certificate = "unpriced", courier = "unpriced" }, total = "unpriced",
  materials = { { "application_form", stamped = true }, { "business_licence", stamped = true },
                { "agent_id", stamped = true }, "payment_proof" },
}

-- "③填写银行汇款信息（提前公对公转账至CA机构网证通）" with 四【汇款账户】; the mail-in address of 五.2;
-- "无法公对公银行汇款的单位，只能选择到网证通前台现场办理" (audit O4)
case {
  name = "new by mail: online form, advance transfer to the published payee, mail-in address; a unit that cannot transfer is told to come to the counter",
  request = { business = "new", channel = "mail" },
  has_steps = { "online_form", "corporate_transfer", "payee", "no_corporate_transfer_onsite", "mail_materials",
                "delivery", "contact" },
  lacks_steps = { "office" },
  review = true, review_days = "none",
}

case {
  name = "new onsite: the counter's address and hours, the transfer rule and its counter-only exception",
  request = { business = "new", channel = "onsite" },
  eligible = true,
  has_steps = { "online_form", "corporate_transfer", "payee", "no_corporate_transfer_onsite", "office" },
  lacks_steps = { "mail_materials" },
}

case {
  name = "the validity period is not published: a start, no end, no years",
  request = { business = "new", channel = "onsite" },
  years = "not published",
  validity = { from = "2026-06-01", to = "not published", basis = "today" },
}

case {
  name = "asking for a number of years is answered: the period is still not published",
  request = { business = "new", channel = "onsite", years = 1 },
  years = "not published",
  validity = { from = "2026-06-01", to = "not published" },
}

case {
  name = "new in the client: not offered by NETCA here",
  request = { business = "new", channel = "self_service" },
  refused = "not_offered_by_ca_here",
}

---------------------------------------------------------------------------------------------------
-- Add (二.2)
---------------------------------------------------------------------------------------------------

case {
  name = "add online: unpriced, signed with the unit's valid certificate, paid online, no payee step",
  request = { business = "add", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, fee = { certificate = "unpriced" },
  has_materials = { { "existing_certificate", original = true } },
  has_steps = { "sign_with_same_name_certificate", "online_payment_no_paper", "delivery_by_mail" },
  lacks_steps = { "payee", "corporate_transfer" },
  review = true, review_days = "none",
}

case {
  name = "add with an expired certificate: apply as new",
  request = { business = "add", channel = "online", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  refused = "add_needs_valid_certificate",
}

-- Audit O3: "如果未有数字证书或者数字证书已过期，请按照上述第一种方式办理"
case {
  name = "add without any certificate: apply as new",
  request = { business = "add", channel = "online" },
  refused = "add_without_certificate",
}

case {
  name = "add at the counter: not offered by NETCA here",
  request = { business = "add", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "not_offered_by_ca_here",
}

---------------------------------------------------------------------------------------------------
-- Renew (续期)
---------------------------------------------------------------------------------------------------

case {
  name = "renew in the NETCA client (self-service), not expired: no materials, no review, the service point's date convention",
  request = { business = "renew", channel = "self_service", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, materials = {}, fee = { renewal = "unpriced" },
  has_steps = { "self_service_renewal" }, lacks_steps = { "payee", "mail_materials" },
  review = false, review_days = "none",
  validity = { from = "2026-06-01", to = "not published", basis = "old_expiry", convention = true },
}

case {
  name = "renew in the client, expired: counter or mail only",
  request = { business = "renew", channel = "self_service", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  refused = "expired_renew_self_service",
}

case {
  name = "renew online (not the client): not offered by NETCA here",
  request = { business = "renew", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "not_offered_by_ca_here",
}

case {
  name = "renew by mail, expired: form x2 signed, copies, the key and the remittance slip",
  request = { business = "renew", channel = "mail", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  eligible = true, fee = { renewal = "unpriced", courier = "unpriced" },
  materials = { { "application_form", copies = 2, stamped = true, signed = true }, "business_licence_copy",
                "agent_id_copy", { "original_usbkey", original = true }, "remittance_slip_copy" },
  validity = { from = "2026-06-01", to = "not published", basis = "today", convention = true },
}

-- 续期 "备注：选择邮寄办理须提前公对公汇款，并提供汇款单复印件" with 四【汇款账户】 (audit I4: the memo stands here)
case {
  name = "renew by mail: the advance transfer, the payee and memo, the mail-in address",
  request = { business = "renew", channel = "mail", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  has_steps = { "mail_prior_transfer", "payee", "mail_materials" },
  lacks_steps = { "self_service_renewal_available", "office" },
}

case {
  name = "renew onsite: the licence and agent ID originals are shown, no transfer asked",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  has_materials = { { "business_licence_copy", original = true }, { "agent_id_copy", original = true } },
  lacks_materials = { "remittance_slip_copy" },
  has_steps = { "office" }, lacks_steps = { "mail_prior_transfer", "payee" },
}

case {
  name = "renew onsite before expiry: told that the client renews it without materials",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, has_steps = { "self_service_renewal_available", "office" },
}

---------------------------------------------------------------------------------------------------
-- Reissue (补办)
---------------------------------------------------------------------------------------------------

case {
  name = "reissue of a damaged key onsite: unpriced, dates kept by the service point's convention",
  request = { business = "reissue_damaged", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  fee = { reissue = "unpriced" },
  validity = { from = "2025-09-01", to = "2026-09-01", basis = "kept", convention = true },
}

-- 补办 "备注：选择邮寄办理须提前公对公汇款，并提供汇款单复印件" (audit I4)
case {
  name = "reissue of a lost key by mail: advance transfer with the payee and memo, remittance slip, mail-in address",
  request = { business = "reissue_lost", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, fee = { reissue = "unpriced", courier = "unpriced" },
  has_materials = { "remittance_slip_copy" },
  has_steps = { "mail_prior_transfer", "payee", "mail_materials" },
  validity = { basis = "kept", convention = true },
}

case {
  name = "reissue online: not offered by NETCA here",
  request = { business = "reissue_lost", channel = "online", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "not_offered_by_ca_here",
}

---------------------------------------------------------------------------------------------------
-- Change (变更) and unlock (解锁): no payment is published for their mail route (audit I4)
---------------------------------------------------------------------------------------------------

case {
  name = "change by mail: the change record and the key, the mail-in address, no advance transfer",
  request = { business = "change", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true,
  has_materials = { { "change_record_copy", stamped = true }, "original_usbkey" },
  lacks_materials = { "remittance_slip_copy" },
  has_steps = { "mail_materials" }, lacks_steps = { "mail_prior_transfer", "payee" },
  validity = { from = "2025-09-01", to = "2026-09-01", basis = "kept", convention = true },
}

case {
  name = "unlock by mail (agent changed): the key, the mail-in address, no advance transfer",
  request = { business = "unlock", channel = "mail", agent_changed = true },
  eligible = true, fee = { unlock = "unpriced", courier = "unpriced" },
  has_materials = { "original_usbkey" }, lacks_materials = { "remittance_slip_copy" },
  has_steps = { "mail_materials" }, lacks_steps = { "mail_prior_transfer", "payee" },
}

case {
  name = "unlock in the client (self-service)",
  request = { business = "unlock", channel = "self_service" },
  eligible = true, materials = {}, fee = { unlock = "unpriced" },
  has_steps = { "self_service_unlock" }, review = false,
}

case {
  name = "unlock after the agent changed: not self-service",
  request = { business = "unlock", channel = "self_service", agent_changed = true },
  refused = "agent_changed_unlock",
}

---------------------------------------------------------------------------------------------------
-- Revoke (注销): the form's box, no published procedure (audits C8, I5)
---------------------------------------------------------------------------------------------------

case {
  name = "revoke onsite: offered (the form's 注销), unpriced, the form only, procedure not published",
  request = { business = "revoke", channel = "onsite", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, fee = { revoke = "unpriced" },
  materials = { { "application_form", stamped = true } },
  has_steps = { "revoke_procedure_not_published", "office" },
  review = true, review_days = "none", validity = "none",
}

case {
  name = "revoke by mail: offered, the form, the mail-in address",
  request = { business = "revoke", channel = "mail", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  eligible = true, fee = { revoke = "unpriced", courier = "unpriced" },
  has_steps = { "revoke_procedure_not_published", "mail_materials" },
}

case {
  name = "revoke in the client: not offered by NETCA here",
  request = { business = "revoke", channel = "self_service", cert_not_before = "2025-09-01", cert_not_after = "2026-09-01" },
  refused = "not_offered_by_ca_here",
}

---------------------------------------------------------------------------------------------------
-- Limits across orders: none published (audit I12: "办理一个或多个机构数字证书")
---------------------------------------------------------------------------------------------------

case {
  name = "no limit across orders: a unit may hold and apply for several certificates",
  request = { business = "new", channel = "onsite" },
  limits = {},
}
