// Bad input gets one clear line and a stable exit code; broken scripts and plugins are left out
// while the host keeps working with the rest.
#include <catch2/catch.hpp>

#include <filesystem>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using Catch::Matchers::Contains;

namespace {

void check_one_line_error(const RunResult& r, int exit_code, const std::string& needle) {
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  CHECK(r.exit_code == exit_code);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains(needle));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

std::vector<std::string> central_new(std::vector<std::string> more) {
  std::vector<std::string> args{"--region", "central", "--ca", "bjca", "--business", "new"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("unknown region, CA or business: exit 2 and one line naming it") {
  check_one_line_error(quote("2026-06-01", {"--region", "atlantis", "--ca", "bjca", "--business", "new"}), 2,
                       "unknown region 'atlantis'");
  check_one_line_error(quote("2026-06-01", {"--region", "central", "--ca", "acme", "--business", "new"}), 2,
                       "unknown CA 'acme'");
  check_one_line_error(quote("2026-06-01", {"--region", "central", "--ca", "bjca", "--business", "renewal"}), 2,
                       "unknown business 'renewal'");
  check_one_line_error(quote("2026-06-01", central_new({"--channel", "fax"})), 2, "unknown channel 'fax'");
}

TEST_CASE("malformed dates and years: exit 2 and one line") {
  check_one_line_error(quote("2026-02-30", central_new({})), 2, "today '2026-02-30' is not a calendar date");
  check_one_line_error(quote("2026-06-01", {"--region", "central", "--ca", "bjca", "--business", "renew",
                                            "--cert-not-after", "01/06/2026"}),
                       2, "cert_not_after '01/06/2026'");
  check_one_line_error(quote("2026-06-01", central_new({"--years", "3"})), 2, "central allows a validity of 1 year(s), not 3");
  check_one_line_error(quote("2026-06-01", central_new({"--years", "two"})), 2, "--years 'two' is not a whole number");
  check_one_line_error(quote("2026-06-01", {"--region", "central", "--ca", "bjca", "--business", "renew"}), 2,
                       "renew needs the current certificate's expiry");
  check_one_line_error(quote("2026-06-01", central_new({"--defect", "quality"})), 2, "defect applies to reissue_damaged only");
}

TEST_CASE("a region script with a syntax error is refused while the other regions still quote") {
  ScratchFolder rules;
  std::filesystem::copy_file(std::string(CAHUB_RULES_DIR) + "/central.lua", rules.file("central.lua"));
  rules.write("broken.lua", "region { id = 'broken', name = 'x'\nfee { business = 'new' \n");

  RunResult check = run_cahub({"rules", "check", rules.file("broken.lua")});
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out + check.err, Contains("broken.lua:"));

  RunResult ok = run_cahub({"quote", "--json", "--today", "2026-06-01", "--rules", rules.path().string(), "--plugins",
                        CAHUB_PLUGINS_DIR, "--region", "central", "--ca", "bjca", "--business", "new"});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(nlohmann::json::parse(ok.out)["fee"]["total_fen"] == 26000);

  RunResult refused = run_cahub({"quote", "--json", "--today", "2026-06-01", "--rules", rules.path().string(), "--plugins",
                             CAHUB_PLUGINS_DIR, "--region", "broken", "--ca", "bjca", "--business", "new"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Contains("unknown region 'broken'"));
}

TEST_CASE("a runaway rule fails that request with exit 3 and names the script") {
  ScratchFolder rules;
  rules.write("spin.lua", R"(region { id = "spin", name = "死循环", accepts = { "bjca" }, applicants = { "org" },
  channels = { "onsite" }, businesses = { "new" }, years = { 1 } } offer { business = "new" }
fee { business = "new", code = "x", label = "x", fen = 100, when = function(q) while true do end end }
)");
  RunResult r = run_cahub({"quote", "--json", "--today", "2026-06-01", "--rules", rules.path().string(), "--plugins",
                       CAHUB_PLUGINS_DIR, "--region", "spin", "--ca", "bjca", "--business", "new"});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("spin.lua:"));
  CHECK(r.out.empty());
}

TEST_CASE("rules check passes the bundled scripts") {
  for (const auto& entry : std::filesystem::directory_iterator(CAHUB_RULES_DIR)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".lua" || name.find(".spec.") != std::string::npos) continue;
    RunResult r = run_cahub({"rules", "check", entry.path().string()});
    INFO(name << ": " << r.out << r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("plugins that do not fit are listed as refused while the good ones still serve") {
  ScratchFolder plugins;
  std::filesystem::copy_file(std::string(CAHUB_PLUGINS_DIR) + "/bjca.so", plugins.file("bjca.so"));
  std::filesystem::copy_file(CAHUB_ABI_MISMATCH_PLUGIN, plugins.file("future.so"));
  plugins.write("notes.so", "this is not a shared library\n");

  RunResult list = run_cahub({"plugins", "list", "--json", "--plugins", plugins.path().string()});
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  const auto j = nlohmann::json::parse(list.out);
  REQUIRE(j["plugins"].size() == 1);
  CHECK(j["plugins"][0]["id"] == "bjca");
  REQUIRE(j["refused"].size() == 2);
  std::string reasons;
  for (const auto& r : j["refused"]) reasons += r["file"].get<std::string>() + ": " + r["reason"].get<std::string>() + "\n";
  CHECK_THAT(reasons, Contains("future.so"));
  CHECK_THAT(reasons, Contains("ABI"));
  CHECK_THAT(reasons, Contains("notes.so"));

  RunResult q = run_cahub({"quote", "--json", "--today", "2026-06-01", "--rules", CAHUB_RULES_DIR, "--plugins",
                       plugins.path().string(), "--region", "central", "--ca", "bjca", "--business", "new"});
  CHECK(q.exit_code == 0);
}

TEST_CASE("a rule that fails at run time fails that request with file:line while other requests answer") {
  ScratchFolder rules;
  rules.write("fragile.lua", R"(region { id = "fragile", name = "脆弱", accepts = { "bjca" }, applicants = { "org" },
  channels = { "onsite" }, businesses = { "new", "renew" }, years = { 1 } } offer { business = { "new", "renew" } }
fee { business = { "new", "renew" }, code = "x", label = "x", fen = 100,
      when = function(q) return q.days_to_expiry < 400 end }
)");
  auto ask = [&](std::vector<std::string> more) {
    std::vector<std::string> args{"quote", "--json", "--today", "2026-06-01", "--rules", rules.path().string(),
                                  "--plugins", CAHUB_PLUGINS_DIR, "--region", "fragile", "--ca", "bjca"};
    args.insert(args.end(), more.begin(), more.end());
    return run_cahub(args);
  };
  // A new certificate has no days_to_expiry: nil < 400 fails inside the function on line 4.
  RunResult failed = ask({"--business", "new"});
  INFO(failed.err);
  CHECK(failed.exit_code == 3);
  CHECK_THAT(failed.err, Contains("fragile.lua:3: the when function failed: fragile.lua:4: attempt to compare nil with number"));
  CHECK(failed.out.empty());

  RunResult fine = ask({"--business", "renew", "--cert-not-before", "2025-06-20", "--cert-not-after", "2026-06-20"});
  INFO(fine.err);
  CHECK(fine.exit_code == 0);
  CHECK(nlohmann::json::parse(fine.out)["fee"]["total_fen"] == 100);
}
