// Running a spec through the real pipeline: what passes, what fails and says exactly what
// differed (with the rule's file:line), what is skipped, and a broken script stopping the run.
#include <catch2/catch.hpp>

#include "plugins/plugin_registry.hpp"
#include "specs/spec_runner.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::specs;
using cahub::testing::ScratchFolder;
using Catch::Matchers::Contains;

namespace {

const char* kScript = R"(region { id = "testland", name = "测试", accepts = { "bjca", "acmeca" }, applicants = "org",
  channels = "onsite", businesses = { "new", "renew" }, years = { 1, 2 } } offer { business = { "new", "renew" } }
fee { business = "new", code = "cert", label = "证书费", fen = 30000 }
fee { business = "renew", code = "annual", label = "年费", fen = 18000, per_year = true }
material { business = "new", code = "form", name = "申请表", copies = 2, stamped = true }
validity { business = "new", from = "today" }
renewal_window { days_before_expiry = 30 }
)";

struct Fixture {
  ScratchFolder folder;
  plugins::PluginRegistry plugins;
  Fixture() {
    folder.write("testland.lua", kScript);
    plugins.load_folder(CAHUB_PLUGINS_DIR, folder / "var");
    REQUIRE(plugins.find("bjca"));
  }
  SpecRun run(const std::string& spec) {
    folder.write("testland.spec.lua", "defaults { ca = \"bjca\", today = \"2026-06-01\" }\n" + spec);
    return run_spec(folder / "testland.lua", folder / "testland.spec.lua", plugins);
  }
};

}  // namespace

TEST_CASE("matching cases pass and a wrong expectation fails naming the line, the field and the rule") {
  Fixture f;
  const SpecRun run = f.run(R"(case { name = "right", request = { business = "new" }, fee = { cert = 30000 }, total = 30000,
  materials = { { "form", copies = 2 } }, validity = { from = "2026-06-01", to = "2027-06-01" } }
case { name = "wrong", request = { business = "new", years = 2 }, fee = { cert = 25000 }, materials = { "form", "id" },
  validity = { to = "2027-06-01" }, refused = "x" }
)");
  REQUIRE(run.findings.empty());
  REQUIRE(run.cases.size() == 2);
  CHECK(run.cases[0].outcome == CaseOutcome::Passed);
  CHECK(run.cases[1].outcome == CaseOutcome::Failed);
  CHECK(run.cases[1].where == "testland.spec.lua:4");
  CHECK(run.cases[1].details == std::vector<std::string>{
            "fee cert: expected 250.00 (25000 fen), got 300.00 (30000 fen) from testland.lua:3",
            "material id: expected, but the quote does not list it",
            "refused: expected [\"x\"], got []",
            "validity to: expected 2027-06-01, got 2028-06-01 from testland.lua:6"});
}

TEST_CASE("windows, per-year amounts, expected rejections and a missing plugin") {
  Fixture f;
  const SpecRun run = f.run(R"(case { name = "inside", request = { business = "renew", years = 2, cert_not_before = "2025-07-01",
  cert_not_after = "2026-07-01" }, eligible = true, total = 36000 }
case { name = "outside", request = { business = "renew", cert_not_before = "2025-07-02", cert_not_after = "2026-07-02" },
  refused = "renewal_window" }
case { name = "three years", request = { business = "new", years = 3 }, error = "years_not_allowed" }
case { name = "three years, not expected", request = { business = "new", years = 3 }, total = 1 }
case { name = "answered, not rejected", request = { business = "new" }, error = "years_not_allowed" }
case { name = "no plugin installed", request = { ca = "acmeca", business = "new" }, total = 30000 }
)");
  REQUIRE(run.findings.empty());
  REQUIRE(run.cases.size() == 6);
  CHECK(run.cases[0].outcome == CaseOutcome::Passed);
  CHECK(run.cases[1].outcome == CaseOutcome::Passed);
  CHECK(run.cases[2].outcome == CaseOutcome::Passed);
  CHECK(run.cases[3].outcome == CaseOutcome::Failed);
  CHECK_THAT(run.cases[3].details[0], Contains("rejected (years_not_allowed)"));
  CHECK(run.cases[4].outcome == CaseOutcome::Failed);
  CHECK(run.cases[5].outcome == CaseOutcome::Skipped);
}

TEST_CASE("a broken script or a failing rule function stops nothing but is reported") {
  Fixture f;
  f.folder.write("testland.lua", std::string(kScript) + "fee { business = \"new\", code = \"x\", label = \"x\", fen = 1.5 }\n");
  const SpecRun broken = f.run(R"(case { name = "x", request = { business = "new" }, total = 1 })");
  REQUIRE(broken.findings.size() == 1);
  CHECK_THAT(broken.findings[0].text(), Contains("testland.lua:8: fee: fen must be a whole number"));
  CHECK(broken.cases.empty());

  f.folder.write("testland.lua", std::string(kScript) +
                                     "fee { business = \"new\", code = \"x\", label = \"x\", fen = 1, when = function(q) return q.days_to_expiry > 1 end }\n");
  const SpecRun failing = f.run(R"(case { name = "x", request = { business = "new" }, total = 1 })");
  REQUIRE(failing.cases.size() == 1);
  CHECK(failing.cases[0].outcome == CaseOutcome::Failed);
  CHECK_THAT(failing.cases[0].details[0], Contains("the fee stage failed: testland.lua:8:"));
}
