// compute_fee: matching entries, per-year amounts, unpriced entries, no entry at all, and dated
// versions of one fee code.
#include <catch2/catch.hpp>

#include "cahub/plugin.h"
#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

Quote fee_of(const RegionRules& rules, const QuoteRequest& r, int years = 1, std::uint32_t facts = 0) {
  Quote q;
  rules.compute_fee(RuleInput{r, years, facts}, q);
  return q;
}

const char* kCentralFees = R"(fee { business = "new", channel = "onsite", code = "certificate_set", label = "证书费用（每套）", fen = 26000 }
fee { business = "renew", channel = "onsite", code = "annual_service", label = "证书年服务费", fen = 18000, per_year = true }
fee { business = "reissue_lost", code = "medium", label = "证书介质费", fen = 8000 }
fee { business = "reissue_damaged", code = "medium", label = "证书介质费", fen = 8000, unless = { warranty_covers_medium = true } }
fee { business = "reissue_damaged", code = "medium", label = "证书介质费（保修期内免费）", fen = 0, when = { warranty_covers_medium = true } }
fee { business = "new", channel = "online", code = "certificate_set", label = "证书费用" }
fee { business = "unlock", channel = "onsite", code = "unlock", label = "解锁", fen = 0 }
fee { business = "revoke", code = "form", label = "表格费", fen = 500 }
fee { business = "revoke", channel = "mail", code = "postage", label = "邮寄费", fen = 2300 }
)";

}  // namespace

TEST_CASE("the fee entries that match, in script order, with their sources") {
  const auto rules = load_ok(kCentralFees);
  const Quote q = fee_of(*rules, request(Business::New));
  REQUIRE(q.fee.items.size() == 1);
  CHECK(q.fee.items[0].code == "certificate_set");
  CHECK(q.fee.items[0].label == "证书费用（每套）");
  CHECK(q.fee.items[0].amount_fen == 26000);
  CHECK(q.fee.items[0].source == "central.lua:11");
  CHECK(q.fee.total_fen == 26000);
  CHECK(q.fee.unpriced.empty());

  const Quote revoke_by_mail = fee_of(*rules, request(Business::Revoke, Channel::Mail));
  REQUIRE(revoke_by_mail.fee.items.size() == 2);
  CHECK(revoke_by_mail.fee.items[0].code == "form");
  CHECK(revoke_by_mail.fee.items[1].code == "postage");
  CHECK(revoke_by_mail.fee.items[1].source == "central.lua:19");
  CHECK(revoke_by_mail.fee.total_fen == 2800);
  CHECK(fee_of(*rules, request(Business::Revoke, Channel::Onsite)).fee.total_fen == 500);
}

TEST_CASE("per_year multiplies by the years in force") {
  const auto rules = load_ok(kCentralFees);
  CHECK(fee_of(*rules, request(Business::Renew), 1).fee.total_fen == 18000);
  const Quote two = fee_of(*rules, request(Business::Renew), 2);
  REQUIRE(two.fee.items.size() == 1);
  CHECK(two.fee.items[0].amount_fen == 36000);
  CHECK(two.fee.total_fen == 36000);
  // Not per year: the same whatever the years.
  CHECK(fee_of(*rules, request(Business::New), 2).fee.total_fen == 26000);
}

TEST_CASE("years in force default to the region's first allowed years") {
  const auto rules = load_ok(kCentralFees);
  QuoteRequest r = request(Business::Renew);
  CHECK(fee_of(*rules, r, 0).fee.total_fen == 18000);  // region years { 1, 2 }: default 1
  r.years = 2;
  CHECK(fee_of(*rules, r, 0).fee.total_fen == 36000);  // the request's own years when RuleInput has none
}

TEST_CASE("an entry without fen is an unpriced line that says what to fill in") {
  const auto rules = load_ok(kCentralFees);
  const Quote q = fee_of(*rules, request(Business::New, Channel::Online));
  REQUIRE(q.fee.items.size() == 1);
  CHECK(q.fee.items[0].code == "certificate_set");
  CHECK_FALSE(q.fee.items[0].amount_fen);
  CHECK(q.fee.items[0].source == "central.lua:16");
  CHECK_FALSE(q.fee.total_fen);
  CHECK(q.fee.unpriced == std::vector<std::string>{"central.lua:16: fee certificate_set (证书费用) for new via online (org) "
                                                   "is not published; an administrator must fill in fen"});
}

TEST_CASE("no matching entry: no items, no total, and a message naming the request") {
  const auto rules = load_ok(kCentralFees);
  const Quote q = fee_of(*rules, request(Business::Change, Channel::Mail, ApplicantKind::Person));
  CHECK(q.fee.items.empty());
  CHECK_FALSE(q.fee.total_fen);
  CHECK(q.fee.unpriced == std::vector<std::string>{"central.lua: no fee is published for change via mail (person); an "
                                                   "administrator must add a fee entry"});
}

TEST_CASE("fen = 0 is a published free fee, not a missing one") {
  const auto rules = load_ok(kCentralFees);
  const Quote q = fee_of(*rules, request(Business::Unlock));
  REQUIRE(q.fee.items.size() == 1);
  CHECK(q.fee.items[0].amount_fen == 0);
  CHECK(q.fee.total_fen == 0);
  CHECK(q.fee.unpriced.empty());
}

TEST_CASE("when/unless on a provider fact: the medium warranty") {
  const auto rules = load_ok(kCentralFees);
  QuoteRequest r = request(Business::ReissueDamaged);
  const Quote out_of_warranty = fee_of(*rules, r);
  REQUIRE(out_of_warranty.fee.items.size() == 1);
  CHECK(out_of_warranty.fee.items[0].label == "证书介质费");
  CHECK(out_of_warranty.fee.total_fen == 8000);
  const Quote covered = fee_of(*rules, r, 1, CAHUB_FACT_WARRANTY_COVERS_MEDIUM);
  REQUIRE(covered.fee.items.size() == 1);
  CHECK(covered.fee.items[0].label == "证书介质费（保修期内免费）");
  CHECK(covered.fee.items[0].source == "central.lua:15");
  CHECK(covered.fee.total_fen == 0);
}

TEST_CASE("selectors: years, applicant, key, and lists of values in when tables") {
  const auto rules = load_ok(R"(fee { business = "new", years = 1, code = "cert", label = "证书", fen = 25000 }
fee { business = "new", years = 2, code = "cert", label = "证书", fen = 45000 }
fee { business = "new", applicant = "person", code = "person_extra", label = "个人", fen = 100 }
fee { business = "new", key = "secondary", code = "secondary_key", label = "副锁", fen = 5000 }
fee { business = "new", when = { channel = { "mail", "online" } }, code = "postage", label = "邮寄", fen = 2300 }
)");
  CHECK(fee_of(*rules, request(Business::New), 1).fee.total_fen == 25000);
  CHECK(fee_of(*rules, request(Business::New), 2).fee.total_fen == 45000);
  CHECK(fee_of(*rules, request(Business::New, Channel::Onsite, ApplicantKind::Person), 1).fee.total_fen == 25100);
  QuoteRequest secondary = request(Business::New);
  secondary.key = KeyType::Secondary;
  CHECK(fee_of(*rules, secondary, 1).fee.total_fen == 30000);
  CHECK(fee_of(*rules, request(Business::New, Channel::Mail), 1).fee.total_fen == 27300);
  CHECK(fee_of(*rules, request(Business::New, Channel::Online), 1).fee.total_fen == 27300);
}

TEST_CASE("dated versions: the latest version in force wins") {
  const auto rules = load_ok(R"(fee { business = "new", code = "cert", label = "证书（2021版）", fen = 25000, effective = "2021-03-01" }
fee { business = "new", code = "cert", label = "证书（2023版）", fen = 27000, effective = "2023-01-01" }
fee { business = "new", code = "cert", label = "证书（2026版）", fen = 30000, effective = "2026-01-01" }
fee { business = "new", code = "medium", label = "介质", fen = 1000 }
)");
  auto at = [&](const char* today) {
    QuoteRequest r = request(Business::New);
    r.today = day(today);
    return fee_of(*rules, r);
  };
  const Quote in_2022 = at("2022-06-01");
  REQUIRE(in_2022.fee.items.size() == 2);
  CHECK(in_2022.fee.items[0].label == "证书（2021版）");
  CHECK(in_2022.fee.items[0].source == "central.lua:11");
  CHECK(in_2022.fee.total_fen == 26000);
  CHECK(at("2023-01-01").fee.total_fen == 28000);  // in force on its effective day
  CHECK(at("2022-12-31").fee.total_fen == 26000);
  CHECK(at("2025-12-31").fee.items[0].label == "证书（2023版）");
  CHECK(at("2026-01-01").fee.total_fen == 31000);
}

TEST_CASE("dated versions: before the first version the fee is unpriced and says so") {
  const auto rules = load_ok(R"(fee { business = "new", code = "cert", label = "证书（2023版）", fen = 27000, effective = "2023-01-01" }
fee { business = "new", code = "cert", label = "证书（2021版）", fen = 25000, effective = "2021-03-01" }
fee { business = "new", code = "medium", label = "介质", fen = 1000 }
)");
  QuoteRequest r = request(Business::New);
  r.today = day("2020-06-01");
  Quote q;
  rules->compute_fee(RuleInput{r, 1, 0}, q);
  REQUIRE(q.fee.items.size() == 2);
  CHECK(q.fee.items[0].code == "cert");
  CHECK_FALSE(q.fee.items[0].amount_fen);
  CHECK(q.fee.items[0].source == "central.lua:12");  // the earliest version, wherever it is written
  CHECK(q.fee.items[1].amount_fen == 1000);
  CHECK_FALSE(q.fee.total_fen);
  CHECK(q.fee.unpriced == std::vector<std::string>{"central.lua:12: fee cert (证书（2021版）) has no version in force on "
                                                   "2020-06-01; its first version takes effect on 2021-03-01"});
}

TEST_CASE("dated versions: an entry without a date is in force until a dated one starts") {
  const auto rules = load_ok(R"(fee { business = "new", code = "cert", label = "证书", fen = 20000 }
fee { business = "new", code = "cert", label = "证书（新价）", fen = 22000, effective = "2025-01-01" }
)");
  QuoteRequest r = request(Business::New);
  CHECK(fee_of(*rules, r).fee.total_fen == 20000);
  r.today = day("2025-01-01");
  const Quote later = fee_of(*rules, r);
  REQUIRE(later.fee.items.size() == 1);
  CHECK(later.fee.total_fen == 22000);
}

TEST_CASE("an unpriced version in force keeps the total unpriced") {
  const auto rules = load_ok(R"(fee { business = "new", code = "cert", label = "证书", fen = 20000, effective = "2020-01-01" }
fee { business = "new", code = "cert", label = "证书（待公布）", effective = "2024-01-01" }
)");
  const Quote q = fee_of(*rules, request(Business::New));
  REQUIRE(q.fee.items.size() == 1);
  CHECK(q.fee.items[0].label == "证书（待公布）");
  CHECK_FALSE(q.fee.total_fen);
  REQUIRE(q.fee.unpriced.size() == 1);
  CHECK(q.fee.unpriced[0].starts_with("central.lua:12: fee cert"));
}
