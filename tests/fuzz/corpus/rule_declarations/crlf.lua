region { id = "fuzz",
 name = "x" }
fee { code = 1 }