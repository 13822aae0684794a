-- 济南市公共资源交易 电子签章采集 — Jinan public resource trading, e-seal collection.
--
-- Source: seeds/000 附件1《采集数字证书和电子签章信息办理指南》.
-- The guide names no CA, publishes no fee and no validity period. Every fee below has no `fen`
-- and shows as unpriced; no validity is declared, so quotes carry none.
-- Every step of the procedure (the form's service type, the office, what the staff do) is this
-- region's and is declared here; the CA plugins carry none of it.

region {
  id = "jinan",
  name = "济南市公共资源交易平台电子签章采集",
  name_en = "Jinan public resource trading, e-seal collection",
  source = "seed 000: 采集数字证书和电子签章信息办理指南",
  -- The guide names no CA. This list is the administrator's setting (the CAs this platform
  -- accepts), not a fact of the source: edit it to the CAs the platform actually works with.
  accepts = { "bjca", "netca", "hbca", "szca", "cfca", "nmgca", "snca" },  -- administrator's setting: seed 000 names no CA
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
-- What is offered: the guide's seven services, at the one office, for units, with whichever CA the
-- administrator accepts (the guide names none, so it draws no line between CAs).
---------------------------------------------------------------------------------------------------

-- 一 to 七, each "第二步：…到济南市历下区文化西路13号海辰大厦A座906室办理…业务"; 五 "可通过办理签章冻结业务";
-- 六 "可通过办理签章冻结恢复业务，继续使用电子签章"; 七 "须到…906室吊销电子签章".
offer { business = ALL, channel = "onsite", applicant = "org" }

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

---------------------------------------------------------------------------------------------------
-- When freeze, unfreeze and revoke are for (O1). The guide states the situation each serves; the
-- host cannot know any of them (whether the unit is unsure its key is lost, has found it, or has
-- "other reasons"), and the guide attaches no refusal to them, so they are steps the clerk reads
-- out, not refusals.
---------------------------------------------------------------------------------------------------

-- 五 "采集单位在不确认是否丢失数字证书和电子签章情况下，可通过办理签章冻结业务，暂时冻结电子签章的可用性。"
step { business = "freeze", code = "freeze_purpose",
       zh = "冻结适用于不确认是否丢失数字证书和电子签章的情况：办理后暂时冻结电子签章的可用性",
       en = "Freeze is for a unit not sure whether its certificate and e-seal are lost: it suspends the e-seal for the time being" }
-- 六 "采集单位找回失数字证书和电子签章后，可通过办理签章冻结恢复业务，继续使用电子签章。"
step { business = "unfreeze", code = "unfreeze_after_found",
       zh = "冻结恢复在找回数字证书和电子签章后办理，办理后继续使用电子签章",
       en = "Unfreeze once the certificate and e-seal have been found; the e-seal can then be used again" }
-- 七 "若采集单位因其他原因不再使用电子签章，须到…906室吊销电子签章。"
step { business = "revoke", code = "revoke_no_longer_used",
       zh = "采集单位因其他原因不再使用电子签章的，须吊销电子签章",
       en = "A unit that no longer uses its e-seal for any other reason must have it revoked" }

---------------------------------------------------------------------------------------------------
-- The procedure (办理流程), three steps for every business
---------------------------------------------------------------------------------------------------

-- 第一步: "采集单位下载本通知附件2中的申请表格，在服务类型中勾选“…”选项，并按表格要求进行信息填写"
step { business = "new", code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“新申请”选项，并按表格要求进行信息填写",
       en = "Download the application form (attachment 2), tick 新申请 (new) under service type and fill it in as the form asks" }
step { business = "renew", code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“更新”选项，并按表格要求进行信息填写",
       en = "Download the application form (attachment 2), tick 更新 (renew) under service type and fill it in as the form asks" }
step { business = { "reissue_lost", "reissue_damaged" }, code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“补办”选项，并按表格要求进行信息填写",
       en = "Download the application form (attachment 2), tick 补办 (reissue) under service type and fill it in as the form asks" }
step { business = "change", code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“变更”选项，并按表格要求进行信息填写",
       en = "Download the application form (attachment 2), tick 变更 (change) under service type and fill it in as the form asks" }
step { business = "freeze", code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“冻结”选项，并按表格要求进行信息填写",
       en = "Download the application form (attachment 2), tick 冻结 (freeze) under service type and fill it in as the form asks" }
step { business = "unfreeze", code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“冻结恢复”选项，并按表格要求进行信息填写",
       en = "Download the application form (attachment 2), tick 冻结恢复 (unfreeze) under service type and fill it in as the form asks" }
-- 七 第一步: "…并在服务类型中勾选“吊销”选项，完整、准确填写相关信息"
step { business = "revoke", code = "form_service_type",
       zh = "下载通知附件2的申请表格，在服务类型中勾选“吊销”选项，完整、准确填写相关信息",
       en = "Download the application form (attachment 2), tick 吊销 (revoke) under service type and fill it in completely and accurately" }

-- 第二步 (every business): "采集单位经办人携带已加盖单位公章认可的各项申请材料，到济南市历下区文化西路13号
-- 海辰大厦A座906室办理…业务"
step { business = ALL, code = "office",
       zh = "经办人携带已加盖单位公章认可的各项申请材料，到济南市历下区文化西路13号海辰大厦A座906室办理",
       en = "The agent brings all the materials, stamped with the unit seal, to Room 906, Block A, Haichen Building, "
         .. "13 Wenhua West Road, Lixia District, Jinan (济南市历下区文化西路13号海辰大厦A座906室)" }

-- 第三步: what the staff do once the materials are approved.
-- 一 "办理工作人员现场接受申请、审核材料、审核通过后制作电子签章，制作好后将电子签章上传到招投标平台中心机房服务器保存"
step { business = "new", code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过后制作电子签章，并上传到招投标平台中心机房服务器保存",
       en = "Staff accept the application and check the materials on the spot; once approved they make the e-seal "
         .. "and store it on the trading platform's central servers" }
-- 二 "审核通过完成电子签章更新，制作好后将电子签章重新上传到市电子招投标平台服务器保存"
step { business = "renew", code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过完成电子签章更新，并重新上传到市电子招投标平台服务器保存",
       en = "Staff accept the application and check the materials on the spot; once approved they renew the e-seal "
         .. "and upload it again to the city's e-bidding platform servers" }
-- 三 "审核通过完成电子签章更新，制作好后将电子签章重新上传到市大数据中心机房服务器保存"
step { business = { "reissue_lost", "reissue_damaged" }, code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过完成电子签章更新，并重新上传到市大数据中心机房服务器保存",
       en = "Staff accept the application and check the materials on the spot; once approved they remake the e-seal "
         .. "and upload it again to the city big-data centre's servers" }
-- 四 "…重新上传到市大数据中心机房服务器保存，替换原有电子签章"
step { business = "change", code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过完成电子签章更新，重新上传到市大数据中心机房服务器保存，替换原有电子签章",
       en = "Staff accept the application and check the materials on the spot; once approved they update the e-seal, "
         .. "upload it to the city big-data centre's servers and replace the old one" }
-- 五 "审核通过完成电子签章冻结"
step { business = "freeze", code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过完成电子签章冻结",
       en = "Staff accept the application and check the materials on the spot; once approved the e-seal is frozen" }
-- 六 第三步 repeats "审核通过完成电子签章冻结" (as under 五, evidently a slip); what unfreeze achieves is
-- 六's own first sentence, "可通过办理签章冻结恢复业务，继续使用电子签章", which is what the step says.
step { business = "unfreeze", code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过后办结冻结恢复，继续使用电子签章",
       en = "Staff accept the application and check the materials on the spot; once approved the freeze is lifted "
         .. "and the e-seal can be used again" }
-- 七 "审核通过后吊销用户印章，业务办结"
step { business = "revoke", code = "onsite_handling",
       zh = "办理工作人员现场接受申请、审核材料，审核通过后吊销用户印章，业务办结",
       en = "Staff accept the application and check the materials on the spot; once approved the seal is revoked "
         .. "and the business is closed" }

-- Every 第三步: "办理工作人员现场接受申请、审核材料" — the materials are reviewed; how long is not published.
review { business = ALL, working_days = "not published" }
