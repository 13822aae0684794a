-- Cases for qinghai.lua (seed 001): no amount is published, so every fee is unpriced; the
-- 30-day renewal window, 1 or 2 years, the refusals the guide gives, what each CA offers here,
-- Qinghai's own steps (window, online addresses, 2 working days, contacts) and its one master key.
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
  has_steps = { "download_forms", "onsite_window", "onsite_collect", "contacts" },
  review_days = "none",  -- handled on the spot: "递交资料后现场办理并领取CA数字证书"
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

-- C4: "待工作人员网上收到资料并确保无误后2个工作日内办理CA数字证书并以邮寄的方式寄至申请人"
case {
  name = "C4: BJCA new online: within 2 working days, mailed; BJCA's Qinghai address; colour scans (O2)",
  request = { business = "new", channel = "online" },
  eligible = true, review = true, review_days = { 0, 2 },
  has_steps = { "download_forms", "online_upload", "online_handling_by_mail", "contacts" },
  lacks_steps = { "onsite_collect" },
}

case {
  name = "C4: HBCA new online: the same 2 working days",
  request = { ca = "hbca", business = "new", channel = "online" },
  eligible = true, review_days = { 0, 2 },
  has_steps = { "online_upload", "online_handling_by_mail", "contacts" },
}

case {
  name = "C4: BJCA lost-key reissue online: the new-application items, within 2 working days",
  request = { business = "reissue_lost", channel = "online", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  eligible = true, review_days = { 0, 2 }, has_materials = { "seal_collection_form" },
  has_steps = { "online_upload", "online_handling_by_mail" },
}

-- O2: "上传的所有资料为原件的彩色扫描件" is in the online_upload step (both CAs).
case {
  name = "O2: expert online: the upload step (colour scans of the originals), signed items",
  request = { ca = "hbca", business = "change", applicant = "person", channel = "online",
              cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  eligible = true, has_steps = { "online_upload" },
  has_materials = { { "application_form", signed = true } },
}

-- C5: "办理CA数字证书延期（续期）、信息变更、密码解锁（现场解锁），需携带原CA数字证书及介质（UKey）"
case {
  name = "C5: BJCA unlock online is not published in Qinghai",
  request = { business = "unlock", channel = "online" },
  refused = "not_offered_by_ca_here",
}

case {
  name = "C5: HBCA unlock online is not published either",
  request = { ca = "hbca", business = "unlock", channel = "online" },
  refused = "not_offered_by_ca_here",
}

case {
  name = "unlock onsite: unpriced, bring the key, Qinghai's window",
  request = { business = "unlock", channel = "onsite" },
  fee = { unlock = "unpriced" }, materials = { "original_ukey" }, validity = "none",
  has_steps = { "onsite_window", "contacts" },
}

-- 四/五: "须在证书失效前30天以内向受理方提出证书延期（续期）请求，并缴纳延期费用"
case {
  name = "I3: renew with 30 days left: inside the window, unpriced, extended from the old expiry as the service point's convention",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  eligible = true, fee = { renewal = "unpriced" },
  validity = { from = "2026-06-01", to = "2027-07-01", basis = "old_expiry", convention = true },
  has_materials = { "legal_rep_authorisation", "original_ukey" }, lacks_materials = { "seal_collection_form" },
  has_steps = { "download_forms", "tell_open_bids", "onsite_window", "contacts" },
}

case {
  name = "renew with 31 days left: too early",
  request = { ca = "hbca", business = "renew", channel = "onsite", cert_not_before = "2025-07-02", cert_not_after = "2026-07-02" },
  refused = "renewal_window",
}

-- C6: "须在证书失效前30天以内…提出证书延期（续期）请求"
case {
  name = "C6: renew of an expired certificate: the request had to come before expiry",
  request = { business = "renew", channel = "onsite", years = 2, cert_not_before = "2025-01-01", cert_not_after = "2026-01-01" },
  refused = "renewal_after_expiry",
}

case {
  name = "C6: renew online the day after expiry: refused too",
  request = { ca = "hbca", business = "renew", channel = "online", cert_not_before = "2025-05-31", cert_not_after = "2026-05-31" },
  refused = "renewal_after_expiry",
}

case {
  name = "renew on the day of expiry: still in time",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-06-01", cert_not_after = "2026-06-01" },
  eligible = true, validity = { to = "2027-06-01", basis = "old_expiry" },
}

case {
  name = "renew online: no materials ('在线自行延期（续期）无需提交相关资料'), self-renewal on BJCA's site, no review",
  request = { business = "renew", channel = "online", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  materials = {}, has_steps = { "online_self_renewal", "contacts" },
  lacks_steps = { "download_forms", "online_handling_by_mail" }, review_days = "none",
}

case {
  name = "expert, applying in person: signed items, no delegation",
  request = { business = "new", applicant = "person" },
  materials = { { "holder_id_copy", signed = true, stamped = false }, { "application_form", signed = true },
                "seal_collection_form", "service_commitment" },
  limits = {},  -- the one master key is a unit's rule ("申请单位只能申请1把主锁")
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

-- 五 "申请单位只能申请1把主锁，若有业务需要的允许申请多把副锁" — now a limit across orders and the
-- registry (counted when the order is created), listed on the quote.
case {
  name = "one master key per unit: the limit applies to a unit's new master key (BJCA)",
  request = { business = "new", channel = "onsite" },
  eligible = true, limits = { "one_master_key" },
}

case {
  name = "one master key per unit: the same limit with HBCA (counted across the region)",
  request = { ca = "hbca", business = "new", channel = "online" },
  limits = { "one_master_key" },
}

case {
  name = "a secondary key: no limit",
  request = { business = "new", key = "secondary" },
  eligible = true, limits = {},
}

case {
  name = "a renewal of the master key is not a new one: no limit",
  request = { business = "renew", channel = "onsite", cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  limits = {},
}

case {
  name = "bidding lock: no change while an encrypted bid is unopened",
  request = { business = "change", open_bid = true, cert_not_before = "2025-07-01", cert_not_after = "2026-07-01" },
  refused = "bidding_lock",
}

-- C7: "原江苏CA数字证书，按初次办理所需资料提供“相关资料”"
case {
  name = "C7: a former Jiangsu CA certificate is renewed with the new-application items, not refused",
  request = { business = "renew", channel = "onsite", former_ca = "jscca", cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true,
  materials = { "legal_rep_authorisation", "id_copies", "application_form", "seal_collection_form",
                "service_commitment", "original_ukey" },
}

case {
  name = "C7: a former Jiangsu CA certificate online: uploaded like a first application, within 2 working days",
  request = { ca = "hbca", business = "renew", channel = "online", former_ca = "jscca",
              cert_not_before = "2025-06-20", cert_not_after = "2026-06-20" },
  eligible = true, has_materials = { "seal_collection_form" }, review_days = { 0, 2 },
  has_steps = { "download_forms", "online_upload", "online_handling_by_mail" },
}

case {
  name = "I3: reissue of a lost key: unpriced, the new-application materials, the old dates kept as the service point's convention",
  request = { business = "reissue_lost", channel = "onsite", cert_not_before = "2026-01-10", cert_not_after = "2027-01-10" },
  fee = { reissue = "unpriced" }, has_materials = { "seal_collection_form" },
  validity = { from = "2026-01-10", to = "2027-01-10", basis = "kept", convention = true },
  has_steps = { "onsite_window", "onsite_collect" },
}

case {
  name = "I3: a new certificate's dates are the published service period, not a convention",
  request = { business = "new", years = 2 },
  validity = { from = "2026-06-01", to = "2028-06-01", basis = "today", convention = false },
}

case {
  name = "a CA the platform does not accept",
  request = { ca = "netca", business = "new" },
  refused = "ca_not_accepted",
}
