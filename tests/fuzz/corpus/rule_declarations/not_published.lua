region { id = "fuzz", name = "未公布", accepts = { "bjca" }, applicants = { "org" }, channels = { "onsite" }, businesses = { "new" }, years = "not published" }
