region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
fee { business = "new", channel = "onsite", code = "certificate_set", label = "数字证书（每套）", fen = 26000 }
fee { business = "renew", code = "annual_service", label = "年服务费", fen = 13000, per_year = true, effective = "2026-01-01" }
fee { business = "renew", code = "annual_service", label = "年服务费", fen = 12000, per_year = true }
fee { business = { "new", "renew" }, channel = "online", code = "certificate_set", label = "未公布" }
