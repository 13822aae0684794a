region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
offer { ca = "bjca", business = { "new", "renew" }, channel = { "onsite", "online" } }
offer { ca = "cfca", business = "new", channel = "online", applicant = "org" }
step { ca = "bjca", channel = "onsite", code = "office", zh = "到一号窗口办理", en = "Window 1" }
review { ca = "bjca", working_days = { 3, 5 } }
review { ca = "cfca", working_days = "not published" }
limit { ca = "bjca", code = "one_open_order", counts = "open_orders", at_most = 1, zh = "一单", en = "One" }
limit { business = "new", key = "master", code = "one_master_key", counts = "held", across = "region", at_most = 1, zh = "一把", en = "One key" }
