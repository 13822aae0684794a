#pragma once
// Neimenggu's script with CFCA's 1-year new fee changed: the issue-16 scenario's edit, shared by
// the release desk's tests and the HTTP ones.

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace cahub::testing {

// rules/neimenggu.lua from `rules_dir`, with `fee { ca = "cfca", business = "new", ... years = 1 ...
// fen = 25000 }` at `fen`.
inline std::string neimenggu_with_cfca_fee(const std::string& rules_dir, int fen) {
  std::ifstream in(rules_dir + "/neimenggu.lua");
  std::ostringstream text;
  text << in.rdbuf();
  std::string script = text.str();
  const std::string line = "label = \"数字证书及电子签章新办（1年）\", fen = 25000";
  const std::size_t at = script.find(line);
  REQUIRE(at != std::string::npos);
  script.replace(at, line.size(), "label = \"数字证书及电子签章新办（1年）\", fen = " + std::to_string(fen));
  return script;
}

}  // namespace cahub::testing
