// Quotes for the central procurement platform (BJCA), through the real binary: every amount and
// window that seed 003 publishes (DOMAIN.md §2 "central").
#include <catch2/catch.hpp>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {
const std::vector<std::string> kCentral{"--region", "central", "--ca", "bjca"};
std::vector<std::string> central(std::vector<std::string> more) {
  std::vector<std::string> args = kCentral;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}
}  // namespace

TEST_CASE("central new onsite: 260 yuan per set, four materials, one year from today") {
  json q = quote_json("2026-06-01", central({"--business", "new", "--channel", "onsite"}));
  CHECK(q["eligible"] == true);
  CHECK(q["fee"]["total_fen"] == 26000);
  REQUIRE(q["fee"]["items"].size() == 1);
  CHECK(q["fee"]["items"][0]["amount_fen"] == 26000);
  CHECK(codes_of(q["materials"]) ==
        std::vector<std::string>{"application_form", "uscc_copy", "seal_sample_form", "agent_id"});
  CHECK(q["materials"][0]["copies"] == 2);
  CHECK(q["materials"][0]["stamped"] == true);
  CHECK(q["validity"]["not_before"] == "2026-06-01");
  CHECK(q["validity"]["not_after"] == "2027-06-01");
  CHECK(q["requires_review"] == true);
}

TEST_CASE("central onsite renewal: 180 yuan per year, the original key, extended from the old expiry") {
  json q = quote_json("2026-06-01", central({"--business", "renew", "--channel", "onsite", "--cert-not-before",
                                            "2025-06-20", "--cert-not-after", "2026-06-20"}));
  CHECK(q["eligible"] == true);
  CHECK(q["fee"]["total_fen"] == 18000);
  CHECK(q["validity"]["not_before"] == "2026-06-01");
  CHECK(q["validity"]["not_after"] == "2027-06-20");
  CHECK(q["validity"]["basis"] == "old_expiry");
  const auto codes = codes_of(q["materials"]);
  CHECK(std::find(codes.begin(), codes.end(), "original_usbkey") != codes.end());
}

TEST_CASE("central online renewal opens when fewer than 90 days remain") {
  // 89 days left: allowed online, no materials, no review, extended from the old expiry.
  json open = quote_json("2026-06-01", central({"--business", "renew", "--channel", "online", "--cert-not-before",
                                               "2025-08-29", "--cert-not-after", "2026-08-29"}));
  CHECK(open["eligible"] == true);
  CHECK(open["requires_review"] == false);
  CHECK(open["materials"].empty());
  CHECK(open["validity"]["not_after"] == "2027-08-29");
  // The online price is not printed in the source: unpriced, never 0.
  CHECK(open["fee"]["total_fen"].is_null());
  REQUIRE(open["fee"]["items"].size() == 1);
  CHECK(open["fee"]["items"][0]["amount_fen"].is_null());
  REQUIRE(open["fee"]["unpriced"].size() == 1);
  CHECK_THAT(open["fee"]["unpriced"][0].get<std::string>(), Contains("central.lua"));

  // 90 days left: not yet.
  json closed = quote_json("2026-06-01", central({"--business", "renew", "--channel", "online", "--cert-not-before",
                                                 "2025-08-30", "--cert-not-after", "2026-08-30"}));
  CHECK(closed["eligible"] == false);
  CHECK(codes_of(closed["reason_details"]) == std::vector<std::string>{"renewal_window"});  // central.lua's
}

TEST_CASE("central online renewal of an expired certificate runs from today and needs review past 365 days") {
  json within = quote_json("2026-06-01", central({"--business", "renew", "--channel", "online", "--cert-not-before",
                                                 "2024-06-01", "--cert-not-after", "2025-06-01"}));  // 365 days ago
  CHECK(within["eligible"] == true);
  CHECK(within["requires_review"] == false);
  CHECK(within["validity"]["basis"] == "today");
  CHECK(within["validity"]["not_before"] == "2026-06-01");
  CHECK(within["validity"]["not_after"] == "2027-06-01");

  json beyond = quote_json("2026-06-01", central({"--business", "renew", "--channel", "online", "--cert-not-before",
                                                 "2024-05-31", "--cert-not-after", "2025-05-31"}));  // 366 days ago
  CHECK(beyond["eligible"] == true);
  CHECK(beyond["requires_review"] == true);
  CHECK(codes_of(beyond["materials"]) == std::vector<std::string>{"verification_upload"});
}

TEST_CASE("central reissue of a lost key: 80 yuan medium, validity unchanged") {
  json q = quote_json("2026-06-01", central({"--business", "reissue_lost", "--channel", "onsite", "--cert-not-before",
                                            "2026-01-10", "--cert-not-after", "2027-01-10"}));
  CHECK(q["fee"]["total_fen"] == 8000);
  CHECK(q["validity"]["not_before"] == "2026-01-10");
  CHECK(q["validity"]["not_after"] == "2027-01-10");
  CHECK(q["validity"]["basis"] == "kept");
}

TEST_CASE("central damaged key: free within the one-year warranty for a quality defect, else 80 yuan") {
  auto damaged = [](const char* first_issued, const char* defect) {
    return quote_json("2026-06-01", central({"--business", "reissue_damaged", "--channel", "onsite",
                                             "--cert-not-before", "2025-09-01", "--cert-not-after", "2026-09-01",
                                             "--first-issued", first_issued, "--defect", defect}));
  };
  json in_warranty = damaged("2025-09-01", "quality");
  CHECK(in_warranty["fee"]["total_fen"] == 0);
  CHECK(in_warranty["validity"]["not_after"] == "2026-09-01");

  json out_of_warranty = damaged("2025-05-31", "quality");
  CHECK(out_of_warranty["fee"]["total_fen"] == 8000);

  json not_quality = damaged("2025-09-01", "other");
  CHECK(not_quality["fee"]["total_fen"] == 8000);
}

TEST_CASE("central unlock onsite is free and the bidding lock refuses renewal") {
  json unlock = quote_json("2026-06-01", central({"--business", "unlock", "--channel", "onsite"}));
  CHECK(unlock["fee"]["total_fen"] == 0);
  CHECK(unlock["validity"].is_null());

  json locked = quote_json("2026-06-01", central({"--business", "renew", "--channel", "onsite", "--open-bid",
                                                 "--cert-not-before", "2025-06-20", "--cert-not-after", "2026-06-20"}));
  CHECK(locked["eligible"] == false);
  const auto codes = codes_of(locked["reason_details"]);
  CHECK(std::find(codes.begin(), codes.end(), "bidding_lock") != codes.end());
}

TEST_CASE("central answers what it does not offer with reasons, not errors") {
  json person = quote_json("2026-06-01", central({"--business", "new", "--applicant", "person"}));
  CHECK(person["eligible"] == false);
  json freeze = quote_json("2026-06-01", central({"--business", "freeze"}));
  CHECK(freeze["eligible"] == false);
  CHECK(codes_of(freeze["reason_details"])[0] == "business_not_offered");
}

TEST_CASE("explain names the rule behind every line") {
  json q = quote_json("2026-06-01", central({"--business", "new", "--channel", "onsite", "--explain"}));
  CHECK_THAT(q["fee"]["items"][0]["source"].get<std::string>(), Contains("central.lua:"));
  for (const auto& m : q["materials"]) CHECK_THAT(m["source"].get<std::string>(), Contains("central.lua:"));
  CHECK_THAT(q["validity"]["source"].get<std::string>(), Contains("central.lua:"));
  REQUIRE(q["stages"].size() == 6);
  CHECK(q["stages"][0]["stage"] == "validate");
}

TEST_CASE("the text form is for people and shows the same figures") {
  RunResult r = run_cahub({"quote", "--rules", CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR, "--today", "2026-06-01",
                       "--region", "central", "--ca", "bjca", "--business", "new"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("260.00"));
  CHECK_THAT(r.out, Contains("《单位数字证书申请表》"));
}
