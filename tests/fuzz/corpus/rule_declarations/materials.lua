region { id = "fuzz", name = "模糊测试", name_en = "Fuzz", source = "https://example.org/rules",
  accepts = { "bjca", "cfca" }, applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke", "reissue_damaged" }, years = { 1, 2 } }
material { business = { "new", "renew" }, applicant = "org", code = "licence", name = "营业执照复印件", copies = 2, stamped = true, signed = false, original = true, note = "加盖公章" }
material { business = "new", applicant = "person", code = "id_card", name = "身份证" }
