// Reading spec files: cases with their lines, defaults merged, every shape problem a
// `file:line: message` finding, and the same sandbox as rule scripts.
#include <catch2/catch.hpp>

#include "specs/spec_file.hpp"

using namespace cahub;
using namespace cahub::specs;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> findings_of(const std::string& text, const rules::SandboxLimits& limits = {}) {
  const SpecFile spec = read_spec_text("central.spec.lua", text, limits);
  std::vector<std::string> out;
  for (const auto& f : spec.findings) out.push_back(f.text());
  return out;
}

}  // namespace

TEST_CASE("a spec's cases keep their lines, with defaults under each request and the file's region") {
  const SpecFile spec = read_spec_text("central.spec.lua", R"(defaults { ca = "bjca", today = "2026-06-01" }

case {
  name = "new onsite",
  request = { business = "new", today = "2026-07-01" },
  fee = { certificate_set = 26000 }, total = 26000,
  has_materials = { { "application_form", copies = 2 }, "uscc_copy" },
}
case { name = "unlock", request = { business = "unlock" }, fee = {}, refused = "bidding_lock" }
)");
  INFO(spec.findings.size());
  REQUIRE(spec.findings.empty());
  CHECK(spec.region == "central");
  REQUIRE(spec.cases.size() == 2);
  CHECK(spec.cases[0].where() == "central.spec.lua:3");
  CHECK(spec.cases[0].name == "new onsite");
  CHECK(spec.cases[0].request == nlohmann::json{{"ca", "bjca"}, {"today", "2026-07-01"}, {"business", "new"}, {"region", "central"}});
  CHECK(spec.cases[0].expect["fee"] == nlohmann::json{{"certificate_set", 26000}});
  CHECK(spec.cases[0].expect["has_materials"][0] == nlohmann::json{{"1", "application_form"}, {"copies", 2}});
  CHECK(spec.cases[1].where() == "central.spec.lua:9");
  CHECK(spec.cases[1].expect["fee"] == nlohmann::json::object());  // no fee line at all
}

TEST_CASE("every problem of a spec is a finding at its case's line") {
  CHECK(findings_of(R"(defaults { ca = "bjca", today = "2026-06-01" }
case { name = "typo", requst = { business = "new" }, total = 1 }
case { name = "float", request = { business = "new" }, total = 260.5 }
case { name = "no expectation", request = { business = "new" } }
case { name = "bad code", request = { business = "renewal" }, total = 1 }
case { name = "bad validity", request = { business = "new" }, validity = { to = "2026-13-01", basis = "soon" } }
case { name = "bad flag", request = { business = "new" }, materials = { { "form", stampd = true } } }
)") == std::vector<std::string>{
            "central.spec.lua:2: case: unknown field 'requst' (did you mean 'request'?)",
            "central.spec.lua:2: case: request: business is required",
            "central.spec.lua:3: case.total: must be a whole number (amounts are in fen: 26000 means 260.00 CNY)",
            "central.spec.lua:3: case: total must be an amount in fen (26000 means 260.00 CNY) or \"unpriced\", not null",
            "central.spec.lua:4: case: expects nothing: give fee, total, materials, refused, validity or another expectation",
            "central.spec.lua:5: case: request: unknown business 'renewal' (one of: new, add, renew, reissue_lost, "
            "reissue_damaged, change, unlock, freeze, unfreeze, revoke)",
            "central.spec.lua:6: case: validity.basis must be \"today\", \"old_expiry\" or \"kept\", not \"soon\"",
            "central.spec.lua:6: case: validity.to must be a date \"YYYY-MM-DD\" or \"not published\", not \"2026-13-01\"",
            "central.spec.lua:7: case: materials: unknown material flag 'stampd' (did you mean 'stamped'?)"});
}

TEST_CASE("a case must say its date, and a request the host rejects is a finding unless expected") {
  CHECK(findings_of(R"(case { name = "undated", request = { ca = "bjca", business = "new" }, total = 1 })") ==
        std::vector<std::string>{"central.spec.lua:1: case: request has no today: give it in defaults{} or the case, "
                                 "so the case answers the same every day"});
  CHECK(findings_of(R"(case { name = "expected", request = { business = "new", today = "2026-06-01", years = 11 }, error = "bad_years" })")
            .empty());
}

TEST_CASE("a spec with no case, a syntax error, or a second defaults is broken") {
  CHECK(findings_of("-- nothing here\n") == std::vector<std::string>{"central.spec.lua: no case { ... }: a spec needs at least one"});
  const auto syntax = findings_of("case { name = \n");
  REQUIRE(syntax.size() == 1);
  CHECK_THAT(syntax[0], Contains("central.spec.lua:2: syntax error:"));
  CHECK(findings_of(R"(defaults { today = "2026-06-01" }
defaults { ca = "bjca" }
case { name = "x", request = { business = "new" }, total = 1 })") ==
        std::vector<std::string>{"central.spec.lua:2: defaults: given a second time (first at line 1)"});
}

TEST_CASE("a spec runs in the rule sandbox: no files, and a runaway loop is stopped") {
  const auto io = findings_of("io.open('/etc/passwd')\ncase { name = 'x', request = {}, total = 1 }\n");
  REQUIRE_FALSE(io.empty());
  CHECK_THAT(io[0], Contains("central.spec.lua:1:"));
  CHECK_THAT(io[0], Contains("io"));
  const auto spin = findings_of("while true do end\n", rules::SandboxLimits{.instructions_per_call = 100'000});
  REQUIRE(spin.size() == 1);
  CHECK_THAT(spin[0], Contains("central.spec.lua:1: instruction limit exceeded"));
}

TEST_CASE("a script and its spec find each other by name") {
  CHECK(spec_path_of("rules/central.lua") == std::filesystem::path("rules/central.spec.lua"));
  CHECK(script_path_of("rules/central.spec.lua") == std::filesystem::path("rules/central.lua"));
  CHECK(is_spec_file("rules/central.spec.lua"));
  CHECK_FALSE(is_spec_file("rules/central.lua"));
}
