region { id = "central", name = "x", accepts = { "bjca" }, applicants = { "org" }, channels = { "onsite" }, businesses = { "new" }, years = { 1 } }
