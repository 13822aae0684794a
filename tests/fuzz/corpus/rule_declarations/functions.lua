region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
local days = 366
refuse { business = "renew", when = function(q) return q.cert_not_after == nil end, code = "no_cert", zh = "无证书", en = "No certificate" }
material { business = "renew", when = { days_since_expiry = { at_least = days } }, code = "form", name = "申请表" }
fee { business = "unlock", code = "unlock", label = "解锁", fen = 0, unless = function(q) return q.channel == "online" end }
