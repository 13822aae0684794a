// The out-of-tree SNCA sample, loaded by the unchanged host from its default plugin folder, answers
// Inner Mongolia quotes through the real binary next to the bundled CAs.
#include <catch2/catch.hpp>

#include "cahub_cli.hpp"

using cahub::testing::quote_json;
using cahub::testing::run_cahub;

TEST_CASE("neimenggu quotes SNCA's published first-year fee, and the plugin adds only the issuer's renewal note") {
  const auto q = quote_json("2026-11-23", {"--region", "neimenggu", "--ca", "snca", "--business", "new",
                                           "--channel", "onsite"});
  CHECK(q.at("eligible") == true);
  CHECK(q.at("fee").at("total_fen") == 30000);
  // Payment ways, delivery and unlock routes are the localisation's (neimenggu.lua), not the plugin's.
  for (const auto& step : q.at("steps")) CHECK(step.at("code") != "payment_methods");

  const auto renewal = quote_json("2026-11-23", {"--region", "neimenggu", "--ca", "snca", "--business", "renew",
                                                 "--channel", "onsite", "--cert-not-before", "2025-12-10",
                                                 "--cert-not-after", "2026-12-09"});
  bool issuer_note = false;
  for (const auto& step : renewal.at("steps"))
    issuer_note = issuer_note || step.at("code") == "renew_before_expiry";
  CHECK(issuer_note);
}

TEST_CASE("plugins list shows all seven providers, the sample among them") {
  const auto r = run_cahub({"plugins", "list", "--json", "--plugins", CAHUB_PLUGINS_DIR});
  REQUIRE(r.exit_code == 0);
  const auto list = nlohmann::json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto& p : list.at("plugins")) ids.push_back(p.at("id"));
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"bjca", "cfca", "hbca", "netca", "nmgca", "snca", "szca"});
  CHECK(list.at("refused").empty());
}
