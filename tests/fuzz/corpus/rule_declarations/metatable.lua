region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
fee(setmetatable({}, { __index = function() error("boom") end }))
