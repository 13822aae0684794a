-- 济南市公共资源交易 电子签章采集 — Jinan public resource trading, e-seal collection.
--
-- Source: seeds/000 附件1《采集数字证书和电子签章信息办理指南》.
-- The guide names no CA, publishes no fee and no validity period. Every fee below has no `fen`
-- and shows as unpriced; no validity is declared, so quotes carry none.

region {
  id = "jinan",
  name = "济南市公共资源交易平台电子签章采集",
  name_en = "Jinan public resource trading, e-seal collection",
  source = "seed 000: 采集数字证书和电子签章信息办理指南",
  -- The guide names no CA. This list is the administrator's setting (the CAs this platform
  -- accepts), not a fact of the source: edit it to the CAs the platform actually works with.
  accepts = { "bjca", "netca", "hbca", "szca", "cfca", "nmgca", "snca" },
  applicants = { "org" },               -- 采集单位; the form is 《企业证书申请表》
  -- Every business: "到济南市历下区文化西路13号海辰大厦A座906室办理"
  channels = { "onsite" },
  -- 一 新申请 · 二 更新 · 三 补办 · 四 变更 · 五 冻结 · 六 冻结恢复 · 七 吊销
  -- 补办 is not split by cause in the guide: both reissue codes are offered with the same entries.
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "freeze", "unfreeze", "revoke" },
  -- "No validity period is published" — and so the script says.
  years = "not published",
}

local ALL = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "freeze", "unfreeze", "revoke" }

---------------------------------------------------------------------------------------------------
-- Fees: none published.
---------------------------------------------------------------------------------------------------

fee { business = "new", code = "new", label = "电子签章新申请" }
fee { business = "renew", code = "renew", label = "电子签章更新" }
fee { business = { "reissue_lost", "reissue_damaged" }, code = "reissue", label = "电子签章补办" }
fee { business = "change", code = "change", label = "电子签章变更" }
fee { business = "freeze", code = "freeze", label = "电子签章冻结" }
fee { business = "unfreeze", code = "unfreeze", label = "电子签章冻结恢复" }
fee { business = "revoke", code = "revoke", label = "电子签章吊销" }

---------------------------------------------------------------------------------------------------
-- Materials: identical for every business ("需准备的材料" under 一 to 七)
---------------------------------------------------------------------------------------------------

-- "（1）《企业证书申请表》（附件2）（需加盖公章）"
material { business = ALL, code = "application_form", name = "《企业证书申请表》（附件2）", stamped = true }
-- "（2）《统一社会信息代码证》或《组织机构代码证》复印件（需加盖公章）"
material { business = ALL, code = "uscc_or_org_code_copy",
           name = "《统一社会信息代码证》或《组织机构代码证》复印件", stamped = true }
-- "（3）经办人有效身份证件原件及复印件（正反面复印，加盖公章）"
material { business = ALL, code = "agent_id",
           name = "经办人有效身份证件原件及复印件", stamped = true, original = true, note = "正反面复印" }
-- 四 变更 注: "单位印模变更的需加盖变更后的印模，证件如有变更，需提供变更后的证件原件及复印件"
-- The script cannot tell whether the seal or a licence changed, so this is a note for the clerk.
material { business = "change", code = "changed_documents", name = "变更后的证件原件及复印件", original = true,
           note = "证件如有变更时提供；单位印模变更的，申请表需加盖变更后的印模" }

-- What each CA does here: every business of 一 to 七 at the counter, whatever the CA ("到济南市历下区
-- 文化西路13号海辰大厦A座906室办理…业务").
offer { business = ALL, channel = "onsite", applicant = "org" }
