// `cahub rules test` through the real binary: the bundled specs pass, a wrong expectation names
// its case and what differed, a broken spec is a finding, and the last line counts.
#include <catch2/catch.hpp>

#include <regex>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

namespace {

RunResult rules_test(std::vector<std::string> files) {
  std::vector<std::string> args{"rules", "test", "--plugins", CAHUB_PLUGINS_DIR};
  args.insert(args.end(), files.begin(), files.end());
  return run_cahub(std::move(args));
}

std::string last_line(const std::string& out) {
  const auto end = out.find_last_not_of('\n');
  const auto start = out.rfind('\n', end);
  return out.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

}  // namespace

TEST_CASE("rules test passes every bundled script's spec and ends with the counts") {
  RunResult r = run_cahub({"rules", "test", "--rules", CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(std::regex_match(last_line(r.out), std::regex("[1-9][0-9]* passed, 0 failed")));
  for (const char* region : {"central", "qinghai", "guangdong", "neimenggu", "jinan"}) {
    RunResult one = rules_test({std::string(CAHUB_RULES_DIR) + "/" + region + ".lua"});
    INFO(region << ": " << one.out);
    CHECK(one.exit_code == 0);
    CHECK(std::regex_match(last_line(one.out), std::regex("[1-9][0-9]* passed, 0 failed")));
  }
}

TEST_CASE("a failing case is named with file:line and what differed, and the exit code says so") {
  ScratchFolder rules;
  rules.write("central.lua", read_bytes(std::string(CAHUB_RULES_DIR) + "/central.lua"));
  rules.write("central.spec.lua", R"(defaults { ca = "bjca", today = "2026-06-01" }
case { name = "right", request = { business = "new" }, total = 26000 }
case { name = "wrong price", request = { business = "new" }, total = 25000 }
)");
  RunResult r = rules_test({rules.file("central.spec.lua")});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Contains("central.spec.lua:3: FAILED wrong price\n"));
  CHECK_THAT(r.out, Contains("total: expected 250.00 (25000 fen), got 260.00 (26000 fen)"));
  CHECK(last_line(r.out) == "1 passed, 1 failed");
}

TEST_CASE("a broken spec or a script without one fails the run with file:line") {
  ScratchFolder rules;
  rules.write("central.lua", read_bytes(std::string(CAHUB_RULES_DIR) + "/central.lua"));
  rules.write("central.spec.lua", "case { name = 'x', request = { business = 'new', today = '2026-06-01' }, totl = 1 }\n");
  RunResult broken = rules_test({rules.file("central.lua")});
  CHECK(broken.exit_code == 1);
  CHECK_THAT(broken.out, Contains("central.spec.lua:1: case: unknown field 'totl' (did you mean 'total'?)"));
  CHECK_THAT(broken.out, EndsWith("0 passed, 0 failed\n"));

  rules.write("qinghai.lua", read_bytes(std::string(CAHUB_RULES_DIR) + "/qinghai.lua"));
  RunResult missing = rules_test({rules.file("qinghai.lua")});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.out, Contains("qinghai.spec.lua: no spec file for qinghai.lua"));
}
