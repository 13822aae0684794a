// compute_validity: today, old_expiry_or_today, keep; the leap day; what it refuses to guess.
#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using Catch::Matchers::Contains;

namespace {

const char* kValidities = R"(validity { business = "new", from = "today" }
validity { business = "renew", channel = "online", from = "old_expiry_or_today" }
validity { business = "renew", from = "today" }
validity { business = { "reissue_lost", "reissue_damaged" }, from = "keep" }
)";

std::optional<Validity> validity_of(const RegionRules& rules, const QuoteRequest& r, int years = 1) {
  Quote q;
  rules.compute_validity(RuleInput{r, years, 0}, q);
  return q.validity;
}

}  // namespace

TEST_CASE("from today: today plus the years in force") {
  const auto rules = load_ok(kValidities);
  const auto v = validity_of(*rules, request(Business::New));
  REQUIRE(v);
  CHECK(v->not_before == day("2024-06-01"));
  CHECK(v->not_after == day("2025-06-01"));
  CHECK(v->basis == "today");
  CHECK(v->source == "central.lua:11");
  CHECK(validity_of(*rules, request(Business::New), 2)->not_after == day("2026-06-01"));
}

TEST_CASE("from today on a leap day ends on 28 February") {
  const auto rules = load_ok(kValidities);
  QuoteRequest r = request(Business::New);
  r.today = day("2024-02-29");
  const auto v = validity_of(*rules, r);
  REQUIRE(v);
  CHECK(v->not_before == day("2024-02-29"));
  CHECK(v->not_after == day("2025-02-28"));
  CHECK(validity_of(*rules, r, 4)->not_after == day("2028-02-29"));
}

TEST_CASE("from old_expiry_or_today: a live certificate extends from its old expiry") {
  const auto rules = load_ok(kValidities);
  QuoteRequest r = request(Business::Renew, Channel::Online);  // not_after 2024-06-20, today 2024-06-01
  const auto v = validity_of(*rules, r);
  REQUIRE(v);
  CHECK(v->not_before == day("2024-06-01"));
  CHECK(v->not_after == day("2025-06-20"));
  CHECK(v->basis == "old_expiry");
  CHECK(v->source == "central.lua:12");
  r.cert_not_after = day("2024-06-01");  // the last day is still "not expired"
  CHECK(validity_of(*rules, r)->basis == "old_expiry");
  r.cert_not_after = day("2024-02-29");
  r.today = day("2024-02-20");
  CHECK(validity_of(*rules, r)->not_after == day("2025-02-28"));
}

TEST_CASE("from old_expiry_or_today: an expired certificate starts again today") {
  const auto rules = load_ok(kValidities);
  QuoteRequest r = request(Business::Renew, Channel::Online);
  r.cert_not_after = day("2024-05-31");
  const auto v = validity_of(*rules, r);
  REQUIRE(v);
  CHECK(v->not_before == day("2024-06-01"));
  CHECK(v->not_after == day("2025-06-01"));
  CHECK(v->basis == "today");
}

TEST_CASE("from keep: the old dates stay") {
  const auto rules = load_ok(kValidities);
  const auto v = validity_of(*rules, request(Business::ReissueLost));
  REQUIRE(v);
  CHECK(v->not_before == day("2023-06-20"));
  CHECK(v->not_after == day("2024-06-20"));
  CHECK(v->basis == "kept");
  CHECK(v->source == "central.lua:14");
}

TEST_CASE("the first matching validity entry wins") {
  const auto rules = load_ok(kValidities);
  const auto onsite = validity_of(*rules, request(Business::Renew, Channel::Onsite));
  REQUIRE(onsite);
  CHECK(onsite->basis == "today");
  CHECK(onsite->source == "central.lua:13");
}

TEST_CASE("no validity without a matching entry or for a business that issues no certificate") {
  const auto rules = load_ok(kValidities);
  CHECK_FALSE(validity_of(*rules, request(Business::Change)));
  CHECK_FALSE(validity_of(*rules, request(Business::Freeze)));
  CHECK_FALSE(validity_of(*rules, request(Business::Unlock)));
}

TEST_CASE("a basis that needs the old certificate's dates does not guess without them") {
  const auto rules = load_ok(kValidities);
  QuoteRequest r = request(Business::Renew, Channel::Online);
  r.cert_not_after.reset();
  CHECK_THROWS_AS(validity_of(*rules, r), RuleError);
  CHECK_THROWS_WITH(validity_of(*rules, r),
                    "central.lua:12: validity from old_expiry_or_today needs the current certificate's not_after, which "
                    "the request does not give");
  QuoteRequest lost = request(Business::ReissueLost);
  lost.cert_not_before.reset();
  CHECK_THROWS_WITH(validity_of(*rules, lost), Contains("central.lua:14") && Contains("not_before"));
}

TEST_CASE("years = \"not published\": the start is known, the end is not given, and per-year fees are unpriced") {
  std::string header = kRegionHeader;
  header.replace(header.find("years = { 1, 2 },"), 17, "years = \"not published\",");
  LoadResult loaded = RegionRules::load_text("central.lua", header + kValidities +
      "fee { business = \"renew\", code = \"annual\", label = \"年费\", fen = 18000, per_year = true }\n");
  INFO(joined(loaded.findings));
  REQUIRE(loaded.rules);
  const RegionRules& rules = *loaded.rules;
  CHECK_FALSE(rules.years_published());

  const auto v = validity_of(rules, request(Business::New), 0);
  REQUIRE(v);
  CHECK(v->not_before == day("2024-06-01"));
  CHECK_FALSE(v->not_after);
  CHECK(v->not_published ==
        "central.lua:1: the validity period is not published (region{} years = \"not published\"), so the "
        "certificate's end date cannot be given; the CA states it when issuing");
  CHECK(validity_of(rules, request(Business::ReissueLost), 0)->not_after == day("2024-06-20"));  // kept: known

  Quote q;
  rules.compute_fee(RuleInput{request(Business::Renew), 0, 0}, q);
  REQUIRE(q.fee.items.size() == 1);
  CHECK_FALSE(q.fee.items[0].amount_fen);
  CHECK_FALSE(q.fee.total_fen);
  CHECK_THAT(q.fee.unpriced[0], Contains("priced per year and the validity period is not published"));
}

TEST_CASE("years must be listed or said to be not published, and then no entry may name years") {
  std::string header = kRegionHeader;
  header.replace(header.find("  years = { 1, 2 },\n"), 20, "");
  CHECK(findings_of(header) ==
        std::vector<std::string>{"central.lua:1: region: years is required (the validity periods offered, e.g. { 1, 2 }; "
                                 "write years = \"not published\" when the source gives none)"});
  std::string unpublished = kRegionHeader;
  unpublished.replace(unpublished.find("years = { 1, 2 },"), 17, "years = \"not published\",");
  CHECK(findings_of(unpublished + "fee { business = \"new\", years = 1, code = \"x\", label = \"x\" }\n") ==
        std::vector<std::string>{"central.lua:11: fee: years names 1, which region{} does not list in years (not published)"});
}

TEST_CASE("years_offered: a CA's own validity periods, checked like the rest") {
  std::string header = kRegionHeader;
  header.replace(header.find("accepts = { \"bjca\" },"), 21, "accepts = { \"bjca\", \"cfca\" },");
  header.replace(header.find("offer { ca = \"bjca\","), 20, "offer {");
  LoadResult loaded = RegionRules::load_text("central.lua", header + R"(years_offered { ca = "cfca", years = { 1, 2, 4 } }
fee { business = "new", ca = "cfca", years = 4, code = "x", label = "x", fen = 85000 }
validity { business = "new", from = "today" }
)");
  INFO(joined(loaded.findings));
  REQUIRE(loaded.rules);
  const RegionRules& rules = *loaded.rules;
  CHECK(rules.allowed_years("cfca") == std::vector<int>{1, 2, 4});
  CHECK(rules.allowed_years("bjca") == std::vector<int>{1, 2});
  CHECK(rules.years_by_ca() == std::vector<std::pair<std::string, std::vector<int>>>{{"cfca", {1, 2, 4}}});
  QuoteRequest cfca = request(Business::New);
  cfca.ca = "cfca";
  CHECK(validity_of(rules, cfca, 4)->not_after == day("2028-06-01"));

  CHECK(findings_of(header + R"(years_offered { ca = "acme", years = 3 }
years_offered { ca = "cfca", years = { 1, 2, 4 } }
years_offered { ca = { "bjca", "cfca" }, years = 5, when = { open_bid = true } }
fee { business = "new", years = 6, code = "x", label = "x" }
)") == std::vector<std::string>{
            "central.lua:11: years_offered: ca names acme, which region{} does not list in accepts (bjca, cfca)",
            "central.lua:13: years_offered: unknown field 'when'",
            "central.lua:14: fee: years names 6, which region{} does not list in years (1, 2) and no years_offered{} offers"});
  CHECK(findings_of(header + R"(years_offered { ca = "cfca", years = { 1, 2, 4 } }
years_offered { ca = { "bjca", "cfca" }, years = 5 }
)") == std::vector<std::string>{"central.lua:12: years_offered: cfca already has its years at central.lua:11"});
}
