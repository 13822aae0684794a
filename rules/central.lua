-- 中直机关采购管理系统 — central government procurement, served by BJCA.
--
-- Source: seeds/003 《中直机关采购管理系统数字认证证书业务申请操作手册（供应商）》.
-- Amounts are integer fen (26000 = 260.00 元). A fee the source does not publish has no `fen`:
-- the quote then says "unpriced" and names this line, so an administrator can fill it in.

region {
  id = "central",
  name = "中直机关采购管理系统",
  name_en = "Central government procurement system",
  source = "seed 003: BJCA handling guide for suppliers",
  accepts = { "bjca" },
  applicants = { "org" },               -- the guide is for suppliers' unit certificates (单位证书)
  channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
  years = { 1 },                        -- "证书有效期为一年"
}

---------------------------------------------------------------------------------------------------
-- Fees (证书费用)
---------------------------------------------------------------------------------------------------

-- 一.1 现场办理: "证书费用：260元/套"
fee { business = "new", channel = "onsite", code = "certificate_set", label = "数字证书（每套）", fen = 26000 }
-- 一.2 在线办理 and its mail fallback: the guide shows a price on screen but prints none.
fee { business = "new", channel = { "online", "mail" }, code = "certificate_set", label = "数字证书（每套）" }

-- 二.1 现场更新: "使用原有证书介质USBkey，只收取证书年服务费用180元/张"
fee { business = "renew", channel = "onsite", code = "annual_service", label = "证书年服务费（沿用原介质）",
      fen = 18000, per_year = true }
-- 二.2 在线更新: paid online, amount not printed.
fee { business = "renew", channel = "online", code = "annual_service", label = "证书年服务费" }

-- 三 丢失补办: "只收取证书介质费用80元/个，不收取证书服务费" (printed for onsite handling)
fee { business = "reissue_lost", channel = "onsite", code = "medium", label = "证书介质费", fen = 8000 }
fee { business = "reissue_lost", channel = "online", code = "medium", label = "证书介质费" }

-- 七 损坏补办: 80元/个 onsite and online; free when BJCA finds a quality defect within the
-- one-year medium warranty (the plugin decides that and reports warranty_covers_medium).
fee { business = "reissue_damaged", code = "medium", label = "证书介质费", fen = 8000,
      unless = { warranty_covers_medium = true } }
fee { business = "reissue_damaged", code = "medium_warranty", label = "证书介质费（质保期内质量问题，免费）", fen = 0,
      when = { warranty_covers_medium = true } }

-- 五.2 受理点解锁: "证书解锁业务免费办理". Online unlock: not published.
fee { business = "unlock", channel = "onsite", code = "unlock", label = "证书解锁", fen = 0 }
fee { business = "unlock", channel = "online", code = "unlock", label = "证书解锁" }

-- 四 信息变更 and 六 吊销: the guide prints no fee.
fee { business = "change", code = "change", label = "证书信息变更" }
fee { business = "revoke", code = "revoke", label = "证书吊销" }

---------------------------------------------------------------------------------------------------
-- Materials (申请资料)
---------------------------------------------------------------------------------------------------

-- The application form, the USCC copy and the agent's ID are asked for by every paper business:
-- onsite for all of them; by mail for new and lost-key reissue (the fallback when online
-- verification fails) and for revocation; online only for a damaged key sent for inspection.
material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
           channel = "onsite",
           code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }
material { business = { "new", "reissue_lost", "revoke" }, channel = "mail",
           code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }

material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
           channel = "onsite",
           code = "uscc_copy", name = "《统一社会信用代码证》复印件", stamped = true }
material { business = { "new", "reissue_lost", "revoke" }, channel = "mail",
           code = "uscc_copy", name = "《统一社会信用代码证》复印件", stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "uscc_copy", name = "《统一社会信用代码证》复印件", stamped = true }

-- The seal sample form: new, renew, both reissues and change (not unlock or revoke).
material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change" }, channel = "onsite",
           code = "seal_sample_form", name = "《单位电子印章采样表》" }
material { business = { "new", "reissue_lost" }, channel = "mail",
           code = "seal_sample_form", name = "《单位电子印章采样表》", stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "seal_sample_form", name = "《单位电子印章采样表》" }

-- Onsite the agent's ID original is shown and a copy handed in; by mail only the copy.
material { business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" },
           channel = "onsite",
           code = "agent_id", name = "经办人有效身份证件原件及复印件（二代身份证正反面）", stamped = true, original = true }
material { business = { "new", "reissue_lost", "revoke" }, channel = "mail",
           code = "agent_id_copy", name = "经办人有效身份证件复印件（二代身份证正反面）", stamped = true }
material { business = "reissue_damaged", channel = "online",
           code = "agent_id", name = "经办人有效身份证件原件及复印件（二代身份证正反面）", stamped = true, original = true }

-- Mail handling of a new certificate (the fallback when online verification fails) adds the
-- unit's authorisation letter.
material { business = { "new", "reissue_lost" }, channel = "mail",
           code = "authorisation_letter", name = "单位授权委托书", stamped = true }

-- The original USB key: renew, change and unlock onsite; a damaged key is brought for inspection.
material { business = { "renew", "change", "unlock" }, channel = "onsite",
           code = "original_usbkey", name = "原数字证书介质（USBKey）", original = true }
material { business = "reissue_damaged",
           code = "original_usbkey", name = "原数字证书介质（USBKey，检测鉴定）", original = true }

-- Online renewal of a certificate expired more than 365 days: verification materials uploaded
-- for BJCA's review (the guide does not list them item by item).
material { business = "renew", channel = "online", when = function(q) return (q.days_since_expiry or 0) > 365 end,
           code = "verification_upload", name = "在线鉴证资料（按系统提示上传）" }

---------------------------------------------------------------------------------------------------
-- Eligibility
---------------------------------------------------------------------------------------------------

-- "如您已经使用即将到期的数字证书参加了投标业务，还未开标的请不要办理证书更新、信息变更等相关业务"
refuse { business = { "renew", "change" }, when = { open_bid = true }, code = "bidding_lock",
         zh = "该证书参与的投标尚未开标，开标结束后再办理更新或变更",
         en = "A bid made with this certificate is not yet opened: renew or change after the bid opening" }

---------------------------------------------------------------------------------------------------
-- Validity of the resulting certificate
---------------------------------------------------------------------------------------------------

validity { business = "new", from = "today" }
-- "未过期证书……在旧证书截止日期的基础上顺延一年；已过期证书……从用户下载新证书之日起计算"
validity { business = "renew", from = "old_expiry_or_today" }
-- "证书丢失补办证书有效期不变"; damaged within warranty: "有效期与原证书一致"
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep" }
-- A change re-issues the certificate with new details; the guide does not extend it.
validity { business = "change", from = "keep" }

-- What each CA does here, carried over unchanged from the CA plugins' offers tables of ABI 1
-- (the region × CA agreement is restated from the source in the next change).
offer { ca = "bjca", channel = "onsite", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke" }, applicant = { "org" } }
offer { ca = "bjca", channel = "online", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock" }, applicant = { "org" } }
offer { ca = "bjca", channel = "mail", business = { "new", "revoke" }, applicant = { "org" } }
