// The region's agreement with each CA (docs/rules.md §4.8-4.11): offer{}, step{}, review{},
// limit{}, and validity's convention — what they answer, and what `rules check` says of them.
#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

// Two CAs that do different things here: BJCA at the counter and online, CFCA online only.
const std::string kTwoCas = R"(region { id = "central", name = "两家", accepts = { "bjca", "cfca" },
  applicants = { "org", "person" }, channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "unlock", "revoke" }, years = { 1 } }
offer { ca = "bjca", business = { "new", "renew", "unlock" }, channel = { "onsite", "online" } }
offer { ca = "bjca", business = "revoke", channel = "mail", applicant = "org" }
offer { ca = "cfca", business = "new", channel = "online" }
step { ca = "bjca", channel = "onsite", code = "office", zh = "到一号窗口办理", en = "Window 1" }
step { ca = "bjca", business = "renew", when = { expired = true }, code = "expired_note", zh = "已过期", en = "Expired" }
step { ca = "cfca", code = "cfca_site", zh = "在线受理网址", en = "Online address" }
review { ca = "bjca", channel = "online", working_days = { 3, 5 } }
review { ca = "bjca", working_days = 2 }
review { ca = "cfca", working_days = { 0, 3 } }
limit { ca = "bjca", code = "one_open_order", counts = "open_orders", at_most = 1, zh = "一单", en = "One open order" }
limit { business = "new", key = "master", applicant = "org", code = "one_master_key", counts = "held", across = "region",
        at_most = 1, zh = "一把主锁", en = "One master key" }
validity { business = "new", from = "today" }
validity { business = "renew", from = "old_expiry_or_today", convention = "本服务点惯例" }
)";

std::shared_ptr<const RegionRules> two_cas() {
  LoadResult r = RegionRules::load_text("central.lua", kTwoCas);
  INFO(joined(r.findings));
  REQUIRE(r.rules);
  return r.rules;
}

QuoteRequest with(QuoteRequest r, const char* ca) {
  r.ca = ca;
  return r;
}

Quote procedure(const RegionRules& rules, const QuoteRequest& r) {
  Quote q;
  rules.describe_procedure(RuleInput{r, 1, 0}, q);
  return q;
}

std::vector<std::string> codes(const std::vector<Note>& notes) {
  std::vector<std::string> out;
  for (const auto& n : notes) out.push_back(n.code);
  return out;
}

}  // namespace

TEST_CASE("offer{}: what each CA does in the region, by business, channel and applicant") {
  const auto rules = two_cas();
  CHECK(rules->offered("bjca", Business::New, Channel::Onsite, ApplicantKind::Person));
  CHECK(rules->offered("bjca", Business::Renew, Channel::Online, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("bjca", Business::New, Channel::Mail, ApplicantKind::Org));
  CHECK(rules->offered("bjca", Business::Revoke, Channel::Mail, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("bjca", Business::Revoke, Channel::Mail, ApplicantKind::Person));
  CHECK(rules->offered("cfca", Business::New, Channel::Online, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("cfca", Business::New, Channel::Onsite, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("cfca", Business::Renew, Channel::Online, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("hbca", Business::New, Channel::Online, ApplicantKind::Org));  // not accepted

  const auto offers = rules->offers_by_ca();
  REQUIRE(offers.size() == 2);
  CHECK(offers[0].ca == "bjca");
  REQUIRE(offers[0].by_channel.size() == 3);
  CHECK(offers[0].by_channel[1].first == Channel::Mail);
  CHECK(offers[0].by_channel[1].second == std::vector<Business>{Business::Revoke});
  CHECK(offers[1].ca == "cfca");
  CHECK(offers[1].applicants == std::vector<ApplicantKind>{ApplicantKind::Org, ApplicantKind::Person});
}

TEST_CASE("step{} and review{}: the procedure with this CA, each line from its entry") {
  const auto rules = two_cas();
  const Quote onsite = procedure(*rules, request(Business::New, Channel::Onsite));
  CHECK(codes(onsite.steps) == std::vector<std::string>{"office"});
  CHECK(onsite.steps[0].source == "central.lua:7");
  CHECK(onsite.requires_review);
  CHECK(onsite.review_working_days_min == 2);
  CHECK(onsite.review_working_days_max == 2);

  QuoteRequest expired = request(Business::Renew, Channel::Online);
  expired.cert_not_after = day("2024-01-01");
  const Quote online = procedure(*rules, expired);
  CHECK(codes(online.steps) == std::vector<std::string>{"expired_note"});
  CHECK(online.review_working_days_min == 3);  // the first review that applies is in force
  CHECK(online.review_working_days_max == 5);

  const Quote cfca = procedure(*rules, with(request(Business::New, Channel::Online), "cfca"));
  CHECK(codes(cfca.steps) == std::vector<std::string>{"cfca_site"});
  CHECK(cfca.review_working_days_min == 0);  // "within 3"
  CHECK(cfca.review_working_days_max == 3);
}

TEST_CASE("limit{}: listed on the quote and handed to the desk with what counts") {
  const auto rules = two_cas();
  const Quote q = procedure(*rules, request(Business::New));
  CHECK(codes(q.limits) == std::vector<std::string>{"one_open_order", "one_master_key"});
  CHECK(q.limits[1].source == "central.lua:14");

  QuoteRequest secondary = request(Business::New);
  secondary.key = KeyType::Secondary;
  const auto limits = rules->limits_for(secondary);
  REQUIRE(limits.size() == 1);  // a secondary key is not limited
  CHECK(limits[0].code == "one_open_order");
  CHECK(limits[0].counts == LimitCounts::OpenOrders);
  CHECK(limits[0].across == LimitAcross::Ca);
  CHECK(limits[0].businesses.size() == 4);  // every business region{} lists

  const auto master = rules->limits_for(request(Business::New));
  REQUIRE(master.size() == 2);
  CHECK(master[1].counts == LimitCounts::Held);
  CHECK(master[1].across == LimitAcross::Region);
  CHECK(master[1].keys == std::vector<KeyType>{KeyType::Master});
  CHECK(master[1].applicants == std::vector<ApplicantKind>{ApplicantKind::Org});
  CHECK(rules->limits_for(with(request(Business::New), "cfca")).size() == 1);  // BJCA's own limit stays BJCA's
}

TEST_CASE("validity{} convention: the service point's decision is shown as such") {
  const auto rules = two_cas();
  Quote renew;
  rules->compute_validity(RuleInput{request(Business::Renew), 1, 0}, renew);
  REQUIRE(renew.validity);
  CHECK(renew.validity->convention == "本服务点惯例");
  Quote fresh;
  rules->compute_validity(RuleInput{request(Business::New), 1, 0}, fresh);
  REQUIRE(fresh.validity);
  CHECK(fresh.validity->convention.empty());
}

TEST_CASE("rules check: a CA accepted but offered nowhere, and malformed agreement entries") {
  const std::string header = R"(region { id = "central", name = "x", accepts = { "bjca", "cfca" }, applicants = "org",
  channels = { "onsite", "online" }, businesses = { "new", "renew" }, years = 1 }
)";
  CHECK(findings_of(header + "offer { ca = \"bjca\", business = \"new\" }\n") ==
        std::vector<std::string>{"central.lua:1: region: accepts 'cfca' but declares nothing it offers there: add offer "
                                 "{ ca = \"cfca\", business = { ... }, channel = { ... } } (what cfca does in this region), "
                                 "or remove it from accepts"});
  // One offer without `ca` covers every accepted CA.
  CHECK(findings_of(header + "offer { business = \"new\" }\n").empty());

  const std::string ok = header + "offer { business = \"new\" }\n";
  CHECK(findings_of(ok + "offer { ca = \"hbca\", business = \"unlock\", channel = \"mail\", when = { expired = true } }\n") ==
        std::vector<std::string>{
            "central.lua:4: offer: unknown field 'when'",
        });
  CHECK(findings_of(ok + "offer { ca = \"hbca\", business = \"unlock\", channel = \"mail\" }\n") ==
        std::vector<std::string>{
            "central.lua:4: offer: business names unlock, which region{} does not list in businesses (new, renew)",
            "central.lua:4: offer: channel names mail, which region{} does not list in channels (onsite, online)",
            "central.lua:4: offer: ca names hbca, which region{} does not list in accepts (bjca, cfca)",
        });
  CHECK(findings_of(ok + "review { working_days = { 5, 3 } }\nreview { working_days = 0 }\nreview { working_days = \"soon\" }\n") ==
        std::vector<std::string>{
            "central.lua:4: review: working_days as a list must be { min, max } with min <= max and max >= 1 (e.g. { 3, 5 }, "
            "or { 0, 5 } for \"within 5\")",
            "central.lua:5: review: working_days must be from 1 to 365, not 0",
            "central.lua:6: review: working_days must be a whole number of working days: N, { min, max }, or \"not "
            "published\", not 'soon'",
        });
  CHECK(findings_of(ok + "limit { code = \"x\", counts = \"orders\", at_most = 0, zh = \"x\", en = \"x\" }\n") ==
        std::vector<std::string>{
            "central.lua:4: limit: counts must be 'open_orders', 'held', 'issued', not 'orders'",
            "central.lua:4: limit: at_most must be from 1 to 1000, not 0",
        });
  CHECK(findings_of(ok + "step { code = \"a\", zh = \"x\", en = \"x\" }\nstep { code = \"a\", zh = \"y\", en = \"y\" }\n") ==
        std::vector<std::string>{"central.lua:5: step: duplicate entry: same code, selectors and conditions as central.lua:4"});
}
