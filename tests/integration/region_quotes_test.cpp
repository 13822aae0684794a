// Every amount and window DOMAIN.md §2 publishes, quoted through the real binary with --explain:
// the figure and the rule (file:line) that produced it, for each region. (central's figures are
// also checked in central_quote_test.cpp; SNCA's need its plugin, see neimenggu.spec.lua.)
#include <catch2/catch.hpp>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

json explained(const std::string& region, const std::string& ca, std::vector<std::string> more,
               const std::string& today = "2026-06-01") {
  std::vector<std::string> args{"--region", region, "--ca", ca, "--explain"};
  args.insert(args.end(), more.begin(), more.end());
  return quote_json(today, args);
}

// The one fee line of a quote, checked for its amount (null: unpriced) and its rule.
void check_fee(const json& q, const json& amount, const std::string& source) {
  INFO(q.dump(2));
  REQUIRE(q["fee"]["items"].size() == 1);
  CHECK(q["fee"]["items"][0]["amount_fen"] == amount);
  CHECK(q["fee"]["items"][0]["source"] == source);
  CHECK(q["fee"]["total_fen"] == amount);
}

const json kUnpriced = nullptr;

}  // namespace

TEST_CASE("central: 260 new, 180 a year renewed, 80 a medium, free unlock, each from its line") {
  check_fee(explained("central", "bjca", {"--business", "new", "--channel", "onsite"}), 26000,
            rule_at("central.lua", "code = \"certificate_set\", label = \"数字证书（每套）\", fen = 26000"));
  check_fee(explained("central", "bjca", {"--business", "renew", "--channel", "onsite", "--cert-not-before", "2025-06-20",
                                          "--cert-not-after", "2026-06-20"}),
            18000, rule_at("central.lua", "fee { business = \"renew\", channel = \"onsite\""));
  check_fee(explained("central", "bjca", {"--business", "reissue_lost", "--channel", "onsite", "--cert-not-before",
                                          "2026-01-10", "--cert-not-after", "2027-01-10"}),
            8000, rule_at("central.lua", "fee { business = \"reissue_lost\", channel = \"onsite\""));
  check_fee(explained("central", "bjca", {"--business", "reissue_damaged", "--cert-not-before", "2025-09-01",
                                          "--cert-not-after", "2026-09-01", "--defect", "other"}),
            8000, rule_at("central.lua", "fee { business = \"reissue_damaged\", code = \"medium\","));
  // Free only when the medium's first issue is known and within the year (audit C10).
  check_fee(explained("central", "bjca", {"--business", "reissue_damaged", "--cert-not-before", "2025-09-01",
                                          "--cert-not-after", "2026-09-01", "--first-issued", "2025-09-01",
                                          "--defect", "quality"}),
            0, rule_at("central.lua", "code = \"medium_warranty\""));
  check_fee(explained("central", "bjca", {"--business", "unlock", "--channel", "onsite"}), 0,
            rule_at("central.lua", "fee { business = \"unlock\", channel = \"onsite\""));
  // The online window ("证书有效期小于90天") is central's: Qinghai and Inner Mongolia publish 30 days
  // for BJCA, so it is the region's renewal_window, not the plugin's.
  const json early = explained("central", "bjca", {"--business", "renew", "--channel", "online", "--cert-not-before",
                                                   "2025-08-30", "--cert-not-after", "2026-08-30"});
  REQUIRE(early["reason_details"].size() == 1);
  CHECK(early["reason_details"][0]["code"] == "renewal_window");
  CHECK(early["reason_details"][0]["source"] == rule_at("central.lua", "renewal_window { channel = \"online\""));
}

TEST_CASE("qinghai: the 30-day window, 1 or 2 years, every fee unpriced, each from its line") {
  const std::string window = rule_at("qinghai.lua", "renewal_window { days_before_expiry = 30 }");
  const json inside = explained("qinghai", "hbca", {"--business", "renew", "--cert-not-before", "2025-07-01",
                                                    "--cert-not-after", "2026-07-01"});
  CHECK(inside["eligible"] == true);
  check_fee(inside, kUnpriced, rule_at("qinghai.lua", "code = \"renewal\""));
  CHECK(inside["validity"]["not_after"] == "2027-07-01");
  const json outside = explained("qinghai", "bjca", {"--business", "renew", "--cert-not-before", "2025-07-02",
                                                     "--cert-not-after", "2026-07-02"});
  REQUIRE(outside["reason_details"].size() == 1);
  CHECK(outside["reason_details"][0]["code"] == "renewal_window");
  CHECK(outside["reason_details"][0]["source"] == window);

  const json two_years = explained("qinghai", "bjca", {"--business", "new", "--years", "2"});
  CHECK(two_years["years"] == 2);
  CHECK(two_years["validity"]["not_after"] == "2028-06-01");
  CHECK(two_years["validity"]["source"] == rule_at("qinghai.lua", "validity { business = \"new\""));
  check_fee(two_years, kUnpriced, rule_at("qinghai.lua", "code = \"certificate\""));
  CHECK_THAT(two_years["fee"]["unpriced"][0].get<std::string>(), Contains("is not published"));
}

TEST_CASE("guangdong: NETCA's fees and validity period are not published, and quotes say so with the line") {
  const json q = explained("guangdong", "netca", {"--business", "new", "--channel", "onsite"});
  check_fee(q, kUnpriced, rule_at("guangdong.lua", "fee { business = \"new\", code = \"certificate\""));
  CHECK(q["years"].is_null());
  CHECK(q["validity"]["not_before"] == "2026-06-01");
  CHECK(q["validity"]["not_after"].is_null());
  CHECK_THAT(q["validity"]["not_published"].get<std::string>(),
             Contains(rule_at("guangdong.lua", "region {") + ": the validity period is not published"));
  const json renewed = explained("guangdong", "netca", {"--business", "renew", "--channel", "self_service",
                                                        "--cert-not-before", "2025-09-01", "--cert-not-after", "2026-09-01"});
  CHECK(renewed["eligible"] == true);
  CHECK(renewed["validity"]["basis"] == "old_expiry");
  CHECK(renewed["validity"]["not_after"].is_null());
}

TEST_CASE("neimenggu: CFCA's 250/450/850 new, 200/400/800 renewal and 50 reissue from 2021-03-01, each from its line") {
  const std::vector<std::pair<int, int>> news{{1, 25000}, {2, 45000}, {4, 85000}};
  for (const auto& [years, fen] : news)
    check_fee(explained("neimenggu", "cfca", {"--business", "new", "--years", std::to_string(years)}), fen,
              rule_at("neimenggu.lua", "ca = \"cfca\", business = \"new\", key = \"master\", years = " + std::to_string(years) + ","));
  const std::vector<std::pair<int, int>> renewals{{1, 20000}, {2, 40000}, {4, 80000}};
  for (const auto& [years, fen] : renewals)
    check_fee(explained("neimenggu", "cfca", {"--business", "renew", "--years", std::to_string(years), "--cert-not-before",
                                              "2025-06-20", "--cert-not-after", "2026-06-20"}),
              fen, rule_at("neimenggu.lua", "ca = \"cfca\", business = \"renew\", key = \"master\", years = " + std::to_string(years) + ","));
  for (const char* business : {"reissue_lost", "reissue_damaged"})
    check_fee(explained("neimenggu", "cfca", {"--business", business, "--cert-not-before", "2025-06-20",
                                              "--cert-not-after", "2026-06-20"}),
              5000, rule_at("neimenggu.lua", "code = \"reissue\", label = \"数字证书及电子签章补办（每次）\", fen = 5000"));
  // Before the table took effect: unpriced, naming the first version.
  const json before = explained("neimenggu", "cfca", {"--business", "new"}, "2021-02-28");
  check_fee(before, kUnpriced, rule_at("neimenggu.lua", "ca = \"cfca\", business = \"new\", key = \"master\", years = 1,"));
  CHECK_THAT(before["fee"]["unpriced"][0].get<std::string>(), Contains("takes effect on 2021-03-01"));
}

TEST_CASE("neimenggu: BJCA's 30-day renewal window from its line, and the CAs that publish no fee") {
  const std::string window = rule_at("neimenggu.lua", "renewal_window { ca = { \"snca\", \"bjca\" }, days_before_expiry = 30 }");
  const json early = explained("neimenggu", "bjca", {"--business", "renew", "--channel", "online", "--cert-not-before",
                                                     "2025-07-02", "--cert-not-after", "2026-07-02"});
  bool window_named = false;
  for (const auto& r : early["reason_details"]) window_named = window_named || (r["code"] == "renewal_window" && r["source"] == window);
  CHECK(window_named);
  const json in_time = explained("neimenggu", "bjca", {"--business", "renew", "--channel", "online", "--cert-not-before",
                                                       "2025-07-01", "--cert-not-after", "2026-07-01"});
  CHECK(in_time["eligible"] == true);
  check_fee(explained("neimenggu", "nmgca", {"--business", "new", "--channel", "online"}), kUnpriced,
            rule_at("neimenggu.lua", "fee { ca = { \"nmgca\", \"szca\", \"bjca\" }, business = \"new\""));
}

TEST_CASE("jinan: unpriced, the same three materials, no validity period, each from its line") {
  const json q = explained("jinan", "bjca", {"--business", "new"});
  check_fee(q, kUnpriced, rule_at("jinan.lua", "fee { business = \"new\""));
  CHECK(q["years"].is_null());
  CHECK(q["validity"].is_null());
  REQUIRE(q["materials"].size() == 3);
  CHECK(q["materials"][0]["source"] == rule_at("jinan.lua", "code = \"application_form\""));
  CHECK(q["materials"][2]["source"] == rule_at("jinan.lua", "code = \"agent_id\""));
}
