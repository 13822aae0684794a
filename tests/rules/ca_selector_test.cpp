// One region, several providers' price lists: entries limited to one CA with `ca = ...`, a
// `when = { ca = ... }` condition, or `q.ca` in a function.
#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

const std::string kTwoCas = R"(region { id = "central", name = "两家CA", accepts = { "bjca", "cfca" },
  applicants = { "org" }, channels = { "onsite" }, businesses = { "new" }, years = { 1, 2 } } offer { business = { "new" } }
fee { business = "new", ca = "cfca", code = "cert", label = "CFCA", fen = 25000, years = 1 }
fee { business = "new", ca = "cfca", code = "cert", label = "CFCA", fen = 45000, years = 2 }
fee { business = "new", ca = { "bjca" }, code = "cert", label = "BJCA", fen = 26000, per_year = true }
material { business = "new", when = { ca = "cfca" }, code = "cfca_form", name = "CFCA申请表" }
material { business = "new", when = function(q) return q.ca == "bjca" end, code = "bjca_form", name = "BJCA申请表" }
)";

Quote quoted(const RegionRules& rules, const char* ca, int years) {
  QuoteRequest r = request(Business::New);
  r.ca = ca;
  r.years = years;
  Quote q;
  const RuleInput in{r, years, 0};
  rules.compute_fee(in, q);
  rules.list_materials(in, q);
  return q;
}

}  // namespace

TEST_CASE("a ca selector limits fees and materials to one provider") {
  LoadResult loaded = RegionRules::load_text("central.lua", kTwoCas);
  INFO(joined(loaded.findings));
  REQUIRE(loaded.rules);

  const Quote cfca1 = quoted(*loaded.rules, "cfca", 1);
  CHECK(cfca1.fee.total_fen == 25000);
  REQUIRE(cfca1.materials.size() == 1);
  CHECK(cfca1.materials[0].code == "cfca_form");

  CHECK(quoted(*loaded.rules, "cfca", 2).fee.total_fen == 45000);

  const Quote bjca2 = quoted(*loaded.rules, "bjca", 2);
  CHECK(bjca2.fee.total_fen == 52000);
  REQUIRE(bjca2.materials.size() == 1);
  CHECK(bjca2.materials[0].code == "bjca_form");
}

TEST_CASE("a ca the region does not accept is a finding, in a selector or a when table") {
  std::string typo = kTwoCas;
  typo.replace(typo.find("ca = { \"bjca\" }"), 15, "ca = { \"bjcaa\" }");
  CHECK(findings_of(typo) == std::vector<std::string>{
                                 "central.lua:5: fee: ca names bjcaa, which region{} does not list in accepts (bjca, cfca)"});

  std::string in_when = kTwoCas;
  in_when.replace(in_when.find("when = { ca = \"cfca\" }"), 22, "when = { ca = \"netca\" }");
  CHECK(findings_of(in_when) == std::vector<std::string>{
                                    "central.lua:6: material: when.ca names netca, which region{} does not list in "
                                    "accepts (bjca, cfca)"});
}
