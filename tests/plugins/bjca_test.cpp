// The real bjca.so, loaded through the registry from the host's plugin folder, against BJCA's own
// policy (its manual, seed 003, and its service agreement, seed 004): the same in every region.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {

// One registry for the whole file: loading is not what these tests are about.
std::shared_ptr<const Provider> bjca() {
  static const std::shared_ptr<const Provider> provider = [] {
    PluginRegistry registry;
    registry.load_folder(bjca_dir(), var_dir());
    return registry.find("bjca");
  }();
  REQUIRE(provider);
  return provider;
}

ProviderAssessment assess(const QuoteRequest& r) { return bjca()->assess(r, 1); }


ProviderAssessment damaged(Channel channel, std::optional<int> first_issued_days_ago, std::optional<Defect> defect) {
  QuoteRequest r = request(Business::ReissueDamaged, channel);
  if (first_issued_days_ago) r.first_issued = test_today().plus_days(-*first_issued_days_ago);
  r.defect = defect;
  return assess(r);
}

}  // namespace

TEST_CASE("bjca: descriptor", "[bjca]") {
  const auto p = bjca();
  CHECK(p->file().filename() == "bjca.so");
  CHECK(p->name_zh() == "北京数字认证股份有限公司");
  CHECK(p->name_en() == "Beijing Certificate Authority (BJCA)");
  CHECK(p->facts().at("hotline") == "010-58515511");
  CHECK(p->facts().at("after_sales") == "4007001900");
  CHECK(p->facts().at("help_site") == "http://help.bjca.org.cn/");
  CHECK(p->facts().at("website") == "http://www.bjca.cn");
  CHECK(p->facts().at("medium_warranty").at("from") == "first_issue");
  CHECK(p->facts().at("pin_attempts_before_lock") == 10);
  CHECK(p->facts().at("revocation_hours_after_approval") == 24);
  // Offices, mail-in addresses, review times and each platform's contacts are the region scripts'.
  for (const char* regional : {"office", "mail_to", "review", "online_renewal", "regions"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("bjca: no step names a region's procedure, and nothing depends on the region", "[bjca]") {
  const std::set<std::string> provider_wide = {"pin_lock", "warranty_unknown"};
  for (const char* region : {"central", "qinghai", "neimenggu", "jinan"})
    for (Business business : all_codes<Business>())
      for (Channel channel : all_codes<Channel>()) {
        QuoteRequest r = request(business, channel, region);
        r.cert_not_after = test_today().plus_days(30);
        const ProviderAssessment a = assess(r);
        INFO(region << " " << code_of(business) << " " << code_of(channel));
        CHECK_FALSE(a.requires_review());
        CHECK(a.review_max_days == 0);
        for (const Note& step : a.steps) CHECK(provider_wide.count(step.code) == 1);
        QuoteRequest central = r;
        central.region = "central";
        const ProviderAssessment same = assess(central);
        CHECK(same.steps.size() == a.steps.size());
        CHECK(same.refusals.size() == a.refusals.size());
      }
}

TEST_CASE("bjca: businesses per channel as the sources describe them", "[bjca]") {
  PluginRegistry registry;
  registry.load_folder(bjca_dir(), var_dir());
  const auto j = registry.describe();
  const auto it =
      std::find_if(j.at("plugins").begin(), j.at("plugins").end(), [](const auto& p) { return p.at("id") == "bjca"; });
  REQUIRE(it != j.at("plugins").end());
  const auto& b = it->at("businesses");
  CHECK(b.at("onsite") ==
        nlohmann::json{"new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke"});
  CHECK(b.at("mail") == nlohmann::json{"new", "revoke"});
  CHECK(b.at("online") == nlohmann::json{"new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock"});
  CHECK(b.at("self_service").empty());
  CHECK(it->at("applicants") == nlohmann::json{"org", "person"});
  for (Business never : {Business::Add, Business::Freeze, Business::Unfreeze})
    for (std::size_t c = 0; c < code_count<Channel>(); ++c) CHECK_FALSE(bjca()->offers(never, static_cast<Channel>(c)));
}

TEST_CASE("bjca: what BJCA does not offer is refused even if asked", "[bjca]") {
  for (const auto& [business, channel] :
       {std::pair{Business::Freeze, Channel::Onsite}, std::pair{Business::Add, Channel::Online},
        std::pair{Business::Renew, Channel::Mail}, std::pair{Business::New, Channel::SelfService}}) {
    const ProviderAssessment a = assess(request(business, channel));
    REQUIRE(a.refusals.size() == 1);
    CHECK(a.refusals[0].code == "not_offered");
  }
  QuoteRequest r = request(Business::New, Channel::Onsite);
  r.applicant = ApplicantKind::OrgPerson;
  CHECK(assess(r).refusals.at(0).code == "applicant_not_served");
  r.applicant = ApplicantKind::Person;
  CHECK(assess(r).refusals.empty());
}

TEST_CASE("bjca: a damaged medium is replaced free within one year of first issue", "[bjca][warranty]") {
  const ProviderAssessment covered = damaged(Channel::Onsite, 364, Defect::Quality);
  CHECK(covered.refusals.empty());
  CHECK(covered.warranty_covers_medium());
  CHECK(covered.steps.empty());

  CHECK_FALSE(damaged(Channel::Onsite, 366, Defect::Quality).warranty_covers_medium());
  CHECK_FALSE(damaged(Channel::Onsite, 100, Defect::Other).warranty_covers_medium());
  CHECK_FALSE(damaged(Channel::Onsite, 100, std::nullopt).warranty_covers_medium());
  // One calendar year: 2023-06-16 is covered on 2024-06-15, 2023-06-15 is not (2024 is a leap year).
  CHECK(damaged(Channel::Onsite, 365, Defect::Quality).warranty_covers_medium());
  CHECK_FALSE(damaged(Channel::Onsite, 366, Defect::Quality).warranty_covers_medium());
  // The channel changes nothing: the warranty is BJCA's wherever the key is handed in.
  CHECK(damaged(Channel::Online, 10, Defect::Quality).warranty_covers_medium());
}

TEST_CASE("bjca: without the medium's first issue date the warranty is not established", "[bjca][warranty]") {
  const ProviderAssessment unknown = damaged(Channel::Onsite, std::nullopt, Defect::Quality);
  CHECK(unknown.refusals.empty());  // not a refusal: the reissue can still be done, at the medium's price
  CHECK_FALSE(unknown.warranty_covers_medium());
  const Note* note = find_note(unknown.steps, "warranty_unknown");
  REQUIRE(note);
  CHECK_THAT(note->zh, Catch::Contains("自证书初次发放日起计算"));
  CHECK_THAT(note->en, Catch::Contains("first issue"));
  CHECK(note->source == "plugin:bjca");
  // A defect that is not a quality problem is never free: no note needed.
  CHECK(damaged(Channel::Onsite, std::nullopt, Defect::Other).steps.empty());
}

TEST_CASE("bjca: the platform's rules are not BJCA's: no bidding lock, no revocation note", "[bjca]") {
  // Both are declared by the region scripts whose sources state them (central.lua, qinghai.lua).
  QuoteRequest renew = request(Business::Renew, Channel::Onsite);
  renew.circumstances.open_bid = true;
  CHECK(assess(renew).refusals.empty());
  CHECK(assess(request(Business::ReissueLost, Channel::Onsite)).steps.empty());
}

TEST_CASE("bjca: 10 wrong PINs lock the key", "[bjca][unlock]") {
  for (Channel channel : {Channel::Onsite, Channel::Online}) {
    const ProviderAssessment a = assess(request(Business::Unlock, channel));
    CHECK(a.refusals.empty());
    const Note* lock = find_note(a.steps, "pin_lock");
    REQUIRE(lock);
    CHECK_THAT(lock->zh, Catch::Contains("连续输错10次密码"));
    CHECK_THAT(lock->en, Catch::Contains("10 wrong PINs"));
    CHECK(a.steps.size() == 1);
  }
}

TEST_CASE("bjca: an operation it does not know is unsupported, not a failure", "[bjca]") {
  try {
    bjca()->operate(R"({"op":"upgrade"})");
    FAIL("expected a PluginError");
  } catch (const PluginError& e) {
    CHECK(e.status() == CAHUB_ERROR_UNSUPPORTED);
  }
}
