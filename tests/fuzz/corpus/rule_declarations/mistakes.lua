region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
fee { busines = "new", code = "Set", label = "", fen = 260.5 }
material { business = "neww", code = "x", name = "x", copies = 100 }
review { working_days = { 5, 3 } }
limit { code = "l", counts = "forever", at_most = 0, zh = "", en = "" }
fee { "positional", code = "a", label = "b" }
