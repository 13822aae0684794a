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
  const PluginUnderTest plugin{"bjca", "central"};
  CHECK(plugin.step_codes_everywhere() == std::set<std::string>{"pin_lock", "warranty_unknown"});
}

TEST_CASE("bjca: capabilities: the local issuing CA's, and unlock", "[bjca]") {
  const PluginUnderTest plugin{"bjca", "central"};
  const auto d = plugin.described();
  CHECK(d.at("capabilities") == nlohmann::json{"new", "add", "renew", "reissue_lost", "reissue_damaged", "change",
                                               "unlock", "freeze", "unfreeze", "revoke"});
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
  CHECK(d.at("upload_limits").is_null());
  CHECK_FALSE(d.contains("businesses"));
}

TEST_CASE("bjca: channels are the region's: the same answer on every one", "[bjca]") {
  for (Channel channel : all_codes<Channel>()) {
    INFO(code_of(channel));
    CHECK(assess(request(Business::Revoke, channel)).refusals.empty());
    CHECK(assess(request(Business::Unlock, channel)).steps.size() == 1);
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

TEST_CASE("bjca: the certificate's start is not the medium's first issue (audit C10)", "[bjca][warranty]") {
  // "证书介质质保期为一年，自证书初次发放日起计算"; a renewal reuses the key ("使用原有证书介质USBkey"): a
  // certificate renewed 200 days ago on a two-year-old key is not in warranty, and without the key's
  // first issue nothing says it is.
  QuoteRequest r = request(Business::ReissueDamaged, Channel::Onsite);
  r.defect = Defect::Quality;
  r.cert_not_before = test_today().plus_days(-200);
  r.cert_not_after = test_today().plus_days(165);
  const ProviderAssessment dates_only = assess(r);
  CHECK(dates_only.refusals.empty());
  CHECK_FALSE(dates_only.warranty_covers_medium());
  CHECK(has_step(dates_only, "warranty_unknown"));

  r.first_issued = test_today().plus_days(-300);  // first issued within the year
  const ProviderAssessment covered = assess(r);
  CHECK(covered.warranty_covers_medium());
  CHECK(covered.steps.empty());

  r.first_issued = test_today().plus_days(-800);  // a renewed certificate on an old key
  CHECK_FALSE(assess(r).warranty_covers_medium());
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
