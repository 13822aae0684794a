region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
refuse { business = "renew", when = { open_bid = true }, code = "bidding_lock", zh = "投标未开标", en = "An open bid" }
refuse { business = "new", unless = { registered = true }, code = "not_registered", zh = "未入库", en = "Not registered" }
renewal_window { channel = "online", days_before_expiry = 89 }
