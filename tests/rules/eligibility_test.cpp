// assess_eligibility: refuse entries (when tables and functions), then the renewal window.
#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

const char* kRefusals = R"(refuse { business = { "renew", "change" }, when = { open_bid = true }, code = "bidding_lock", zh = "投标文件未开标，不能续期或变更", en = "an encrypted bid made with this certificate is not yet opened" }
refuse { business = "renew", when = function(q) return q.former_ca == "jscca" end, code = "former_ca", zh = "原江苏CA证书须按新办办理", en = "certificates of the former Jiangsu CA are handled as new applications" }
refuse { business = "new", applicant = "person", unless = { expert_in_database = true }, code = "expert_not_admitted", zh = "专家未入库", en = "the expert is not in the expert database" }
renewal_window { channel = "online", days_before_expiry = 90 }
renewal_window { days_before_expiry = 30 }
)";

Quote assessed(const RegionRules& rules, const QuoteRequest& r) {
  Quote q;
  rules.assess_eligibility(RuleInput{r, 1, 0}, q);
  return q;
}

QuoteRequest renewal(const char* not_after, Channel channel = Channel::Onsite) {
  QuoteRequest r = request(Business::Renew, channel);
  r.cert_not_before = day("2023-01-01");
  r.cert_not_after = day(not_after);
  return r;
}

}  // namespace

TEST_CASE("a refuse entry with a when table") {
  const auto rules = load_ok(kRefusals);
  QuoteRequest r = renewal("2024-06-20");
  CHECK(assessed(*rules, r).eligible);
  r.circumstances.open_bid = true;
  const Quote q = assessed(*rules, r);
  CHECK_FALSE(q.eligible);
  REQUIRE(q.reasons.size() == 1);
  CHECK(q.reasons[0].code == "bidding_lock");
  CHECK(q.reasons[0].zh == "投标文件未开标，不能续期或变更");
  CHECK(q.reasons[0].en == "an encrypted bid made with this certificate is not yet opened");
  CHECK(q.reasons[0].source == "central.lua:11");

  QuoteRequest change = request(Business::Change);
  change.circumstances.open_bid = true;
  CHECK_FALSE(assessed(*rules, change).eligible);
  QuoteRequest fresh = request(Business::New);
  fresh.circumstances.open_bid = true;
  CHECK(assessed(*rules, fresh).eligible);  // the selector says renew and change only
}

TEST_CASE("a refuse entry with a function condition") {
  const auto rules = load_ok(kRefusals);
  QuoteRequest r = renewal("2024-06-20");
  r.circumstances.former_ca = "jscca";
  const Quote q = assessed(*rules, r);
  REQUIRE(q.reasons.size() == 1);
  CHECK(q.reasons[0].code == "former_ca");
  CHECK(q.reasons[0].source == "central.lua:12");
  r.circumstances.former_ca = "bjca";
  CHECK(assessed(*rules, r).eligible);
}

TEST_CASE("a refuse entry with unless") {
  const auto rules = load_ok(kRefusals);
  QuoteRequest expert = request(Business::New, Channel::Onsite, ApplicantKind::Person);
  CHECK(assessed(*rules, expert).eligible);
  expert.circumstances.expert_in_database = false;
  const Quote q = assessed(*rules, expert);
  REQUIRE(q.reasons.size() == 1);
  CHECK(q.reasons[0].code == "expert_not_admitted");
}

TEST_CASE("every matching refusal is listed") {
  const auto rules = load_ok(kRefusals);
  QuoteRequest r = renewal("2024-12-31");
  r.circumstances.open_bid = true;
  r.circumstances.former_ca = "jscca";
  const Quote q = assessed(*rules, r);
  REQUIRE(q.reasons.size() == 3);
  CHECK(q.reasons[0].code == "bidding_lock");
  CHECK(q.reasons[1].code == "former_ca");
  CHECK(q.reasons[2].code == "renewal_window");
}

TEST_CASE("the renewal window refuses a renewal while more than N days remain") {
  const auto rules = load_ok(kRefusals);
  // today is 2024-06-01
  CHECK(assessed(*rules, renewal("2024-07-01")).eligible);  // 30 days left: inside the window
  const Quote early = assessed(*rules, renewal("2024-07-02"));  // 31 days left
  CHECK_FALSE(early.eligible);
  REQUIRE(early.reasons.size() == 1);
  const Note& n = early.reasons[0];
  CHECK(n.code == "renewal_window");
  CHECK(n.source == "central.lua:15");
  CHECK(n.zh == "证书有效期至2024-07-02，距到期还有31天；本平台仅在到期前30天内办理续期，请到期前30天内再来办理");
  CHECK(n.en == "renewal opens 30 days before expiry; the certificate expires on 2024-07-02, 31 days from today");
  CHECK(assessed(*rules, renewal("2024-05-01")).eligible);  // already expired: the window is no obstacle
  CHECK(assessed(*rules, renewal("2024-06-01")).eligible);  // expires today
}

TEST_CASE("the first renewal window that applies is the one in force") {
  const auto rules = load_ok(kRefusals);
  CHECK(assessed(*rules, renewal("2024-08-30", Channel::Online)).eligible);  // 90 days: online window
  const Quote q = assessed(*rules, renewal("2024-08-31", Channel::Online));
  REQUIRE(q.reasons.size() == 1);
  CHECK(q.reasons[0].source == "central.lua:14");
  CHECK(q.reasons[0].en.starts_with("renewal opens 90 days before expiry"));
}

TEST_CASE("the renewal window applies to renewals with a known expiry only") {
  const auto rules = load_ok(kRefusals);
  QuoteRequest change = request(Business::Change);
  change.cert_not_after = day("2025-06-01");
  CHECK(assessed(*rules, change).eligible);
  QuoteRequest unknown = renewal("2025-06-01");
  unknown.cert_not_after.reset();
  CHECK(assessed(*rules, unknown).eligible);
}

TEST_CASE("a region without a renewal window lets any renewal through") {
  const auto rules = load_ok("");
  CHECK(assessed(*rules, renewal("2030-01-01")).eligible);
}

TEST_CASE("a when table gives a whole-number attribute a range: at_least, at_most, inclusive") {
  const auto rules = load_ok(R"(refuse { business = "renew", when = { days_since_expiry = { at_least = 366 } }, code = "long_expired", zh = "过期超过365天", en = "expired more than 365 days" }
refuse { business = "renew", when = { days_to_expiry = { at_least = 31, at_most = 89 } }, code = "early", zh = "x", en = "x" }
)");
  // Today is 2024-06-01.
  CHECK(assessed(*rules, renewal("2023-06-02")).eligible);  // expired 365 days ago
  CHECK(assessed(*rules, renewal("2023-06-01")).reasons.at(0).code == "long_expired");  // 366
  CHECK(assessed(*rules, renewal("2024-07-02")).reasons.at(0).code == "early");  // 31 days left
  CHECK(assessed(*rules, renewal("2024-08-29")).reasons.at(0).code == "early");  // 89
  CHECK(assessed(*rules, renewal("2024-08-30")).eligible);                       // 90
  CHECK(assessed(*rules, renewal("2024-07-01")).eligible);                       // 30
  QuoteRequest undated = request(Business::Renew);
  undated.cert_not_after.reset();
  CHECK(assessed(*rules, undated).eligible);  // no dates: no value, so no range holds

  CHECK(findings_of(kRegionHeader + R"(refuse { business = "renew", when = { days_to_expiry = { below = 3 } }, code = "x", zh = "x", en = "x" }
refuse { business = "renew", when = { days_to_expiry = { at_least = 9, at_most = 3 } }, code = "y", zh = "x", en = "x" }
)") == std::vector<std::string>{
            "central.lua:11: refuse: when.days_to_expiry: a range has at_least and at_most only (e.g. { at_least = 366 }), "
            "not 'below'",
            "central.lua:12: refuse: when.days_to_expiry: at_least 9 is above at_most 3, so nothing could match"});
}
