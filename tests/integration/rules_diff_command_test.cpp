// `cahub rules diff` through the real binary on two versions of a bundled script: a CFCA price
// changed and a material added show as a table (and as JSON); identical versions say so.
#include <catch2/catch.hpp>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using Catch::Matchers::Contains;

namespace {

// rules/neimenggu.lua with CFCA's 2-year new certificate at 470 instead of 450 yuan, and a
// material for public institutions added.
std::string edited_neimenggu() {
  std::string text = read_bytes(std::string(CAHUB_RULES_DIR) + "/neimenggu.lua");
  const std::string price = "label = \"数字证书及电子签章新办（2年）\", fen = 45000";
  const auto at = text.find(price);
  REQUIRE(at != std::string::npos);
  text.replace(at, price.size(), "label = \"数字证书及电子签章新办（2年）\", fen = 47000");
  return text + R"(
material { business = "new", applicant = "org", when = { public_institution = true }, code = "institution_certificate",
           name = "事业单位法人证书复印件", stamped = true }
)";
}

}  // namespace

TEST_CASE("rules diff shows what changed for customers between two versions of neimenggu.lua") {
  ScratchFolder folder;
  folder.write("neimenggu.new.lua", edited_neimenggu());
  const std::string old_file = std::string(CAHUB_RULES_DIR) + "/neimenggu.lua";

  RunResult table = run_cahub({"rules", "diff", old_file, folder.file("neimenggu.new.lua"), "--today", "2026-06-01"});
  INFO(table.out << table.err);
  CHECK(table.exit_code == 1);
  CHECK_THAT(table.out, Contains("what"));
  CHECK_THAT(table.out, Contains("2 change(s) for customers"));

  RunResult json = run_cahub({"rules", "diff", old_file, folder.file("neimenggu.new.lua"), "--today", "2026-06-01", "--json"});
  REQUIRE(json.exit_code == 1);
  const auto changes = nlohmann::json::parse(json.out)["changes"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0] == nlohmann::json{{"aspect", "fee"}, {"item", "certificate"}, {"change", "changed"}, {"ca", "cfca"},
                                     {"business", "new"}, {"applicant", "any"}, {"channel", "any"}, {"years", "2"},
                                     {"key", "master"}, {"when", ""}, {"from", ""}, {"old", "450.00"}, {"new", "470.00"}});
  CHECK(changes[1]["aspect"] == "material");
  CHECK(changes[1]["change"] == "added");
  CHECK(changes[1]["ca"] == "any");
  CHECK(changes[1]["applicant"] == "org");
  CHECK(changes[1]["when"] == "public_institution yes");
  CHECK(changes[1]["new"] == "事业单位法人证书复印件 ×1 stamped");
}

TEST_CASE("rules diff of identical versions says no changes and exits 0, and a broken version exits 2") {
  const std::string file = std::string(CAHUB_RULES_DIR) + "/neimenggu.lua";
  RunResult same = run_cahub({"rules", "diff", file, file});
  CHECK(same.exit_code == 0);
  CHECK(same.out == "no changes for customers\n");

  ScratchFolder folder;
  folder.write("broken.lua", "region {\n");
  RunResult broken = run_cahub({"rules", "diff", file, folder.file("broken.lua")});
  CHECK(broken.exit_code == 2);
  CHECK_THAT(broken.err, Contains("broken.lua:"));
}
