fee { business = "new", code = "a", label = "b", fen = 1 }
