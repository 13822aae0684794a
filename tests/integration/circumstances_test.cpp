// Every circumstance a rule may depend on has a `cahub quote` option, and the defaults are the
// common case: a scratch region refuses once per circumstance, so each option must trigger
// exactly its own refusal and no option none at all.
#include <catch2/catch.hpp>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;

namespace {

// One refusal per circumstance, named after the circumstance, when it differs from the default.
const char* kWitness = R"(region { id = "witness", name = "见证", accepts = { "bjca" }, applicants = { "org" },
  channels = { "onsite" }, businesses = { "new" }, years = { 1 } } offer { business = { "new" } }
refuse { business = "new", when = { registered = false }, code = "registered", zh = "x", en = "x" }
refuse { business = "new", when = { expert_in_database = false }, code = "expert_in_database", zh = "x", en = "x" }
refuse { business = "new", when = { open_bid = true }, code = "open_bid", zh = "x", en = "x" }
refuse { business = "new", when = { has_master_key = true }, code = "has_master_key", zh = "x", en = "x" }
refuse { business = "new", when = { delegated = true }, code = "delegated", zh = "x", en = "x" }
refuse { business = "new", when = { legal_rep_in_person = true }, code = "legal_rep_in_person", zh = "x", en = "x" }
refuse { business = "new", when = { public_institution = true }, code = "public_institution", zh = "x", en = "x" }
refuse { business = "new", when = { agent_changed = true }, code = "agent_changed", zh = "x", en = "x" }
refuse { business = "new", when = { former_ca = "jscca" }, code = "former_ca", zh = "x", en = "x" }
)";

}  // namespace

TEST_CASE("cahub quote has an option for every circumstance, and the defaults are the common case") {
  ScratchFolder rules;
  rules.write("witness.lua", kWitness);
  auto reasons = [&](std::vector<std::string> options) {
    std::vector<std::string> args{"quote", "--json", "--today", "2026-06-01", "--rules", rules.path().string(),
                                  "--plugins", CAHUB_PLUGINS_DIR, "--region", "witness", "--ca", "bjca", "--business", "new"};
    args.insert(args.end(), options.begin(), options.end());
    RunResult r = run_cahub(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return codes_of(nlohmann::json::parse(r.out)["reason_details"]);
  };
  CHECK(reasons({}).empty());
  const std::vector<std::pair<std::vector<std::string>, std::string>> options{
      {{"--not-registered"}, "registered"},
      {{"--expert-not-in-database"}, "expert_in_database"},
      {{"--open-bid"}, "open_bid"},
      {{"--has-master-key"}, "has_master_key"},
      {{"--delegated"}, "delegated"},
      {{"--legal-rep-in-person"}, "legal_rep_in_person"},
      {{"--public-institution"}, "public_institution"},
      {{"--agent-changed"}, "agent_changed"},
      {{"--former-ca", "jscca"}, "former_ca"},
  };
  for (const auto& [option, code] : options) {
    INFO(option[0]);
    CHECK(reasons(option) == std::vector<std::string>{code});
  }
}
