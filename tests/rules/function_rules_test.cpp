// Function-valued conditions: evaluated on a per-thread Lua state, concurrently, with q read-only,
// failures named by file:line, and each failure leaving the next evaluation unharmed.
#include <atomic>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "cahub/plugin.h"
#include "rule_test_support.hpp"
#include "rules/function_conditions.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using Catch::Matchers::Contains;

namespace {

// Line 11: late renewals (more than 365 days expired) need review, priced by function.
const char* kFunctionRules = R"(fee { business = "renew", code = "service", label = "服务费", fen = 18000, when = function(q) return q.days_since_expiry <= 365 end }
fee { business = "renew", code = "review", label = "审核费", fen = 5000, when = function(q)
  return q.expired and q.days_since_expiry > 365
end }
local LIMIT = 90
refuse { business = "renew", channel = "online", when = function(q) return q.days_to_expiry > LIMIT end, code = "too_early", zh = "过早", en = "too early" }
)";

Quote quote_for(const RegionRules& rules, const QuoteRequest& r) {
  Quote q;
  const RuleInput in{r, 1, 0};
  rules.assess_eligibility(in, q);
  rules.compute_fee(in, q);
  return q;
}

QuoteRequest renewal_expiring(int days_from_today) {
  QuoteRequest r = request(Business::Renew, Channel::Online);
  r.cert_not_after = r.today.plus_days(days_from_today);
  return r;
}

}  // namespace

TEST_CASE("function conditions decide as the script says") {
  const auto rules = load_ok(kFunctionRules);
  const Quote live = quote_for(*rules, renewal_expiring(10));
  CHECK(live.eligible);
  REQUIRE(live.fee.items.size() == 1);
  CHECK(live.fee.items[0].code == "service");
  const Quote late = quote_for(*rules, renewal_expiring(-400));
  REQUIRE(late.fee.items.size() == 1);
  CHECK(late.fee.items[0].code == "review");
  CHECK(late.fee.items[0].source == "central.lua:12");
  const Quote early = quote_for(*rules, renewal_expiring(91));
  REQUIRE(early.reasons.size() == 1);
  CHECK(early.reasons[0].code == "too_early");
  CHECK(early.reasons[0].source == "central.lua:16");
}

TEST_CASE("function conditions on two threads at once give each its own answers") {
  const auto rules = load_ok(kFunctionRules);
  // Requests are made here: Catch's assertions (inside the helpers) are not thread-safe.
  auto requests_around = [](int days) {
    std::vector<QuoteRequest> out;
    for (int i = 0; i < 3; ++i) out.push_back(renewal_expiring(days + i));  // vary the input so a shared q would show
    return out;
  };
  std::atomic<int> wrong{0};
  std::atomic<int> failures{0};
  auto worker = [&](std::vector<QuoteRequest> requests) {
    try {
      for (int i = 0; i < 2000; ++i) {
        const QuoteRequest& r = requests[static_cast<std::size_t>(i % 3)];
        const int d = *r.cert_not_after - r.today;
        const Quote q = quote_for(*rules, r);
        const bool expect_refused = d > 90;
        const char* expect_fee = d < -365 ? "review" : "service";
        if (q.eligible == expect_refused || q.fee.items.size() != 1 || q.fee.items[0].code != expect_fee) ++wrong;
      }
    } catch (const std::exception&) {
      ++failures;
    }
  };
  std::thread a(worker, requests_around(89));    // 89..91: partly refused, service fee
  std::thread b(worker, requests_around(-401));  // expired long ago: review fee
  a.join();
  b.join();
  CHECK(failures == 0);
  CHECK(wrong == 0);
}

TEST_CASE("q carries every attribute under its documented name") {
  const auto rules = load_ok(R"(refuse { business = "reissue_damaged", code = "seen", zh = "x", en = "x", when = function(q)
  return q.business == "reissue_damaged" and q.channel == "mail" and q.applicant == "person" and q.key == "secondary"
    and q.years == 2 and q.today == "2024-06-01" and q.expired == false and q.days_to_expiry == 19
    and q.days_since_expiry == 0 and q.cert_not_before == "2023-06-20" and q.cert_not_after == "2024-06-20"
    and q.first_issued == "2023-05-01" and q.defect == "quality" and q.registered == true
    and q.expert_in_database == true and q.open_bid == false and q.has_master_key == true and q.delegated == false
    and q.legal_rep_in_person == false and q.public_institution == true and q.agent_changed == false
    and q.former_ca == "" and q.warranty_covers_medium == true and q.provider_requires_review == false
end }
refuse { business = "new", code = "nils", zh = "x", en = "x", when = function(q)
  return q.days_to_expiry == nil and q.days_since_expiry == nil and q.cert_not_after == nil and q.defect == nil
end }
)");
  QuoteRequest r = request(Business::ReissueDamaged, Channel::Mail, ApplicantKind::Person);
  r.key = KeyType::Secondary;
  r.defect = Defect::Quality;
  r.first_issued = day("2023-05-01");
  r.circumstances.has_master_key = true;
  r.circumstances.public_institution = true;
  Quote q;
  rules->assess_eligibility(RuleInput{r, 2, CAHUB_FACT_WARRANTY_COVERS_MEDIUM}, q);
  REQUIRE(q.reasons.size() == 1);
  CHECK(q.reasons[0].code == "seen");
  Quote fresh;
  rules->assess_eligibility(RuleInput{request(Business::New), 1, 0}, fresh);
  REQUIRE(fresh.reasons.size() == 1);
  CHECK(fresh.reasons[0].code == "nils");
}

TEST_CASE("a function that fails names its entry and its own line, and the next evaluation works") {
  const auto rules = load_ok(kFunctionRules);
  // A new certificate has no days_since_expiry: nil <= 365 fails inside the function (line 11).
  QuoteRequest broken = renewal_expiring(10);
  broken.cert_not_after.reset();
  Quote q;
  CHECK_THROWS_AS(rules->compute_fee(RuleInput{broken, 1, 0}, q), RuleError);
  CHECK_THROWS_WITH(rules->compute_fee(RuleInput{broken, 1, 0}, q),
                    "central.lua:11: the when function failed: central.lua:11: attempt to compare nil with number");
  const Quote next = quote_for(*rules, renewal_expiring(10));
  REQUIRE(next.fee.items.size() == 1);
  CHECK(next.fee.total_fen == 18000);
}

TEST_CASE("what a rule function may not do fails with a clear RuleError") {
  const auto rules = load_ok(R"(counter = 0
refuse { business = "new", code = "a", zh = "x", en = "x", when = function(q) return nil end }
refuse { business = "renew", code = "b", zh = "x", en = "x", when = function(q) return q.expird end }
refuse { business = "change", code = "c", zh = "x", en = "x", when = function(q) counter = counter + 1 return false end }
refuse { business = "unlock", code = "d", zh = "x", en = "x", when = function(q) q.business = "new" return false end }
refuse { business = "revoke", code = "e", zh = "x", en = "x", when = function(q) while true do end end }
refuse { business = "freeze", code = "f", zh = "x", en = "x", when = function(q) refuse { business = "new", code = "g", zh = "x", en = "x" } return false end }
)",
                             "central.lua", SandboxLimits{.instructions_per_call = 200'000, .milliseconds_per_call = 60'000});
  auto failure = [&](Business b) {
    Quote q;
    try {
      rules->assess_eligibility(RuleInput{request(b), 1, 0}, q);
    } catch (const RuleError& e) {
      return std::string(e.what());
    }
    FAIL("no RuleError");
    return std::string();
  };
  CHECK(failure(Business::New) == "central.lua:12: the when function failed: the when function must return true or false, not nil");
  CHECK(failure(Business::Renew) ==
        "central.lua:13: the when function failed: central.lua:13: q has no attribute 'expird' (did you mean 'expired'?)");
  CHECK_THAT(failure(Business::Change), Contains("central.lua:14: cannot set global 'counter'"));
  CHECK_THAT(failure(Business::Unlock), Contains("central.lua:15: q is read-only"));
  CHECK_THAT(failure(Business::Revoke),
             Contains("central.lua:16: the when function failed: central.lua:16: instruction limit exceeded"));
  CHECK_THAT(failure(Business::Freeze), Contains("refuse { ... } may only be used at the top level of the script"));
  // And after all that, the state still answers.
  Quote q;
  rules->assess_eligibility(RuleInput{request(Business::ReissueLost), 1, 0}, q);
  CHECK(q.eligible);
}

TEST_CASE("each load has its own per-thread state, and states of unloaded rules are dropped") {
  const std::string rule = R"(refuse { business = "new", code = "by_function", zh = "x", en = "x", when = function(q) return ANSWER end }
)";
  auto first = load_ok("ANSWER = true\n" + rule);
  auto second = load_ok("ANSWER = false\n" + rule);
  auto refused = [](const RegionRules& rules) {
    Quote q;
    rules.assess_eligibility(RuleInput{request(Business::New), 1, 0}, q);
    return !q.eligible;
  };
  CHECK(refused(*first));
  CHECK_FALSE(refused(*second));
  CHECK(refused(*first));
  const std::size_t with_both = FunctionConditions::states_on_this_thread();
  first.reset();
  second.reset();
  auto third = load_ok("ANSWER = true\n" + rule);
  CHECK(refused(*third));
  CHECK(FunctionConditions::states_on_this_thread() <= with_both - 1);
}

TEST_CASE("declarative scripts never touch Lua after loading") {
  const auto rules = load_ok(R"(fee { business = "new", code = "cert", label = "证书", fen = 26000, when = { open_bid = false } }
)");
  const std::size_t before = FunctionConditions::states_on_this_thread();
  Quote q;
  rules->compute_fee(RuleInput{request(Business::New), 1, 0}, q);
  CHECK(q.fee.total_fen == 26000);
  CHECK(FunctionConditions::states_on_this_thread() == before);
}

TEST_CASE("a rule function that eats memory is stopped by the memory limit, and that request alone fails") {
  const auto rules = load_ok(R"(refuse { business = "new", code = "hog", zh = "x", en = "x",
  when = function(q) local t, i = {}, 0 while true do i = i + 1 t[i] = { i } end end }
fee { business = "renew", code = "annual", label = "年费", fen = 18000 }
)",
                             "central.lua",
                             SandboxLimits{.instructions_per_call = 1'000'000'000, .memory_bytes = 4u << 20,
                                           .milliseconds_per_call = 60'000});
  Quote hog;
  try {
    rules->assess_eligibility(RuleInput{request(Business::New), 1, 0}, hog);
    FAIL("the runaway allocation was not stopped");
  } catch (const RuleError& e) {
    CHECK_THAT(e.what(), Contains("central.lua:11: the when function failed"));
    CHECK_THAT(e.what(), Contains("not enough memory"));
  }
  Quote next;
  rules->compute_fee(RuleInput{request(Business::Renew), 1, 0}, next);
  CHECK(next.fee.total_fen == 18000);
}
