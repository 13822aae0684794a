region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today", convention = "本服务点惯例" }
validity { business = "reissue_damaged", when = { defect = "quality" }, from = "keep" }
years_offered { ca = "cfca", years = { 1, 2, 4 } }
