// The real bjca.so, loaded through the registry from the host's plugin folder, against the rules
// of the central guide (seed 003) and the Neimenggu differences (seed 004).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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


// Online renewal of a certificate whose last day is `days_left` days from today (negative: expired).
ProviderAssessment online_renewal(int days_left) {
  QuoteRequest r = request(Business::Renew, Channel::Online);
  r.cert_not_before = test_today().plus_days(days_left - 365);
  r.cert_not_after = test_today().plus_days(days_left);
  return assess(r);
}

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
  CHECK(p->version() == "1.0.0");
  CHECK(p->facts().at("hotline") == "010-58515511");
  CHECK(p->facts().at("after_sales") == "4007001900");
  CHECK(p->facts().at("help_site") == "http://help.bjca.org.cn/");
  CHECK(p->facts().at("office").at("address") == "北京市西城区裕民东路3号京版信息港一层");
  CHECK(p->facts().at("office").at("postcode") == "100029");
  CHECK(p->facts().at("review").at("online_working_days") == nlohmann::json{3, 5});
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
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

TEST_CASE("bjca: online renewal opens when fewer than 90 days remain", "[bjca][renew]") {
  const ProviderAssessment ok = online_renewal(89);
  CHECK(ok.refusals.empty());
  CHECK_FALSE(ok.requires_review());
  CHECK(has_step(ok, "online_renewal"));
  CHECK(has_step(ok, "test_after_renewal"));

  const ProviderAssessment closed = online_renewal(90);
  REQUIRE(closed.refusals.size() == 1);
  CHECK(closed.refusals[0].code == "online_renewal_window");
  CHECK_THAT(closed.refusals[0].zh, Catch::StartsWith("证书有效期大于等于90天"));
  CHECK_THAT(closed.refusals[0].en, Catch::Contains("fewer than 90 days"));
  CHECK_THAT(closed.refusals[0].en, Catch::Contains("90 days left"));
  CHECK(closed.refusals[0].source == "plugin:bjca");

  CHECK(online_renewal(0).refusals.empty());  // the last valid day
  CHECK(online_renewal(-1).refusals.empty());
}

TEST_CASE("bjca: an online renewal expired more than 365 days needs BJCA's review", "[bjca][renew]") {
  const ProviderAssessment within = online_renewal(-365);
  CHECK(within.refusals.empty());
  CHECK_FALSE(within.requires_review());
  CHECK_FALSE(has_step(within, "online_renewal_review"));

  const ProviderAssessment beyond = online_renewal(-366);
  CHECK(beyond.refusals.empty());
  CHECK(beyond.requires_review());
  const Note* step = find_note(beyond.steps, "online_renewal_review");
  REQUIRE(step);
  CHECK_THAT(step->en, Catch::Contains("upload verification materials for BJCA review"));
  CHECK_THAT(step->zh, Catch::Contains("通过BJCA审核后下载新证书"));
}

TEST_CASE("bjca: online renewal needs the certificate's expiry date", "[bjca][renew]") {
  const ProviderAssessment a = assess(request(Business::Renew, Channel::Online));
  REQUIRE(a.refusals.size() == 1);
  CHECK(a.refusals[0].code == "certificate_expiry_required");
  CHECK_THAT(a.refusals[0].en, Catch::StartsWith("certificate expiry date required"));
}

TEST_CASE("bjca: onsite renewal has no window but needs the original key", "[bjca][renew]") {
  QuoteRequest r = request(Business::Renew, Channel::Onsite);
  r.cert_not_after = test_today().plus_days(300);
  const ProviderAssessment a = assess(r);
  CHECK(a.refusals.empty());
  CHECK(has_step(a, "bring_original_key"));
  CHECK(has_step(a, "test_after_renewal"));
  CHECK(assess(request(Business::Renew, Channel::Onsite)).refusals.empty());  // no expiry date needed
}

TEST_CASE("bjca: no renewal or change while a bid is unopened", "[bjca][bidding]") {
  for (Business business : {Business::Renew, Business::Change}) {
    for (Channel channel : {Channel::Onsite, Channel::Online}) {
      QuoteRequest r = request(business, channel);
      r.cert_not_after = test_today().plus_days(30);
      r.circumstances.open_bid = true;
      const ProviderAssessment a = assess(r);
      REQUIRE(a.refusals.size() == 1);
      CHECK(a.refusals[0].code == "bidding_lock");
      CHECK_THAT(a.refusals[0].zh, Catch::Contains("还未开标的请不要办理证书更新、信息变更"));
    }
  }
  QuoteRequest other = request(Business::New, Channel::Onsite);
  other.circumstances.open_bid = true;
  CHECK(assess(other).refusals.empty());
}

TEST_CASE("bjca: a damaged medium is replaced free within one year of first issue", "[bjca][warranty]") {
  const ProviderAssessment covered = damaged(Channel::Onsite, 364, Defect::Quality);
  CHECK(covered.refusals.empty());
  CHECK(covered.warranty_covers_medium());
  const Note* inspection = find_note(covered.steps, "key_inspection");
  REQUIRE(inspection);
  CHECK_THAT(inspection->zh, Catch::Contains("检测鉴定"));

  CHECK_FALSE(damaged(Channel::Onsite, 366, Defect::Quality).warranty_covers_medium());
  CHECK_FALSE(damaged(Channel::Onsite, 100, Defect::Other).warranty_covers_medium());
  CHECK_FALSE(damaged(Channel::Onsite, 100, std::nullopt).warranty_covers_medium());
  // One calendar year: 2023-06-16 is covered on 2024-06-15, 2023-06-15 is not (2024 is a leap year).
  CHECK(damaged(Channel::Onsite, 365, Defect::Quality).warranty_covers_medium());
  CHECK_FALSE(damaged(Channel::Onsite, 366, Defect::Quality).warranty_covers_medium());
  // Online the key is mailed in for inspection.
  const ProviderAssessment online = damaged(Channel::Online, 10, Defect::Quality);
  CHECK(online.warranty_covers_medium());
  CHECK_THAT(find_note(online.steps, "key_inspection")->zh, Catch::Contains("邮寄"));
}

TEST_CASE("bjca: the warranty counts from first issue, else from the certificate's start", "[bjca][warranty]") {
  QuoteRequest r = request(Business::ReissueDamaged, Channel::Onsite);
  r.defect = Defect::Quality;
  const ProviderAssessment unknown = assess(r);
  REQUIRE(unknown.refusals.size() == 1);
  CHECK(unknown.refusals[0].code == "first_issue_date_required");
  CHECK_THAT(unknown.refusals[0].en, Catch::StartsWith("first issue date of the medium"));

  r.cert_not_before = test_today().plus_days(-200);
  CHECK(assess(r).warranty_covers_medium());
  r.first_issued = test_today().plus_days(-800);  // a renewed certificate on an old key
  CHECK_FALSE(assess(r).warranty_covers_medium());
}

TEST_CASE("bjca: a lost key's reissue revokes the old certificate", "[bjca][reissue]") {
  const ProviderAssessment onsite = assess(request(Business::ReissueLost, Channel::Onsite));
  const Note* revoked = find_note(onsite.steps, "old_certificate_revoked");
  REQUIRE(revoked);
  CHECK_THAT(revoked->zh, Catch::Contains("原有证书将会自动吊销"));
  CHECK_THAT(revoked->en, Catch::Contains("old certificate will be revoked"));
  CHECK(onsite.requires_review());

  const ProviderAssessment online = assess(request(Business::ReissueLost, Channel::Online));
  CHECK(has_step(online, "old_certificate_revoked"));
  CHECK(has_step(online, "unit_verification"));
  CHECK(online.requires_review());
}

TEST_CASE("bjca: online new application: verification, PIN delivery, review 3-5 days", "[bjca][new]") {
  const ProviderAssessment a = assess(request(Business::New, Channel::Online));
  CHECK(a.refusals.empty());
  const Note* unit = find_note(a.steps, "unit_verification");
  REQUIRE(unit);
  for (const char* way : {"企业对公打款认证", "法定代表人手机号认证", "法定代表人银行卡信息认证", "法定代表人刷脸认证"})
    CHECK_THAT(unit->zh, Catch::Contains(way));
  const Note* agent = find_note(a.steps, "agent_verification");
  REQUIRE(agent);
  for (const char* way : {"经办人手机实名认证", "经办人银行卡信息认证", "经办人刷脸认证"})
    CHECK_THAT(agent->zh, Catch::Contains(way));
  const Note* pin = find_note(a.steps, "pin_delivery");
  REQUIRE(pin);
  CHECK_THAT(pin->zh, Catch::Contains("1分钱记录附言"));
  CHECK_THAT(pin->zh, Catch::Contains("法定代表人手机短信"));
  CHECK_THAT(pin->en, Catch::Contains("0.01 CNY"));
  // When unit verification fails: retry, or switch to mail with paper materials.
  const Note* fallback = find_note(a.steps, "verification_fallback_mail");
  REQUIRE(fallback);
  CHECK_THAT(fallback->zh, Catch::Contains("转为线下邮寄办理"));
  // One open order per ID number: an interrupted order is cancelled before starting again.
  const Note* one_order = find_note(a.steps, "one_open_order");
  REQUIRE(one_order);
  CHECK_THAT(one_order->zh, Catch::Contains("同一证件号只能有一个未完成订单"));
  const Note* review = find_note(a.steps, "online_review");
  REQUIRE(review);
  CHECK_THAT(review->zh, Catch::Contains("3-5个工作日"));
  CHECK_THAT(review->en, Catch::Contains("shipped within 5 working days"));
  CHECK(a.requires_review());
  CHECK(a.review_min_days == 3);
  CHECK(a.review_max_days == 5);
}

TEST_CASE("bjca: in Neimenggu the online review takes up to 5 working days", "[bjca][new]") {
  const ProviderAssessment a = assess(request(Business::New, Channel::Online, "neimenggu"));
  CHECK(a.requires_review());
  CHECK(a.review_min_days == 0);
  CHECK(a.review_max_days == 5);
  CHECK_THAT(find_note(a.steps, "online_review")->zh, Catch::Contains("5个工作日内"));
}

TEST_CASE("bjca: onsite and mail applications are reviewed on paper", "[bjca][review]") {
  for (Business business : {Business::New, Business::Change, Business::ReissueLost, Business::ReissueDamaged,
                            Business::Unlock, Business::Revoke}) {
    QuoteRequest r = request(business, Channel::Onsite);
    r.cert_not_before = test_today().plus_days(-30);
    INFO(code_of(business));
    const ProviderAssessment a = assess(r);
    CHECK(a.refusals.empty());
    CHECK(a.requires_review());
    CHECK(a.review_max_days == 0);  // not published for the counter
  }
  for (Business business : {Business::New, Business::Revoke}) {
    INFO(code_of(business));
    const ProviderAssessment a = assess(request(business, Channel::Mail));
    CHECK(a.refusals.empty());
    CHECK(a.requires_review());
    CHECK(a.review_min_days == 3);
    CHECK(a.review_max_days == 5);
    CHECK_THAT(find_note(a.steps, "mail_materials")->zh, Catch::Contains("100029"));
  }
}

TEST_CASE("bjca: online change covers the unit name and the agent only", "[bjca][change]") {
  const ProviderAssessment online = assess(request(Business::Change, Channel::Online));
  CHECK(online.refusals.empty());
  CHECK_FALSE(online.requires_review());
  const Note* scope = find_note(online.steps, "online_change_scope");
  REQUIRE(scope);
  CHECK_THAT(scope->zh, Catch::Contains("如需变更签章，请至现场或邮寄"));
  CHECK_THAT(scope->en, Catch::Contains("seal change needs the onsite counter or mailing"));

  const ProviderAssessment onsite = assess(request(Business::Change, Channel::Onsite));
  CHECK(has_step(onsite, "bring_original_key"));
  CHECK(onsite.requires_review());
}

TEST_CASE("bjca: unlock", "[bjca][unlock]") {
  const ProviderAssessment online = assess(request(Business::Unlock, Channel::Online));
  CHECK(online.requires_review());
  CHECK_THAT(find_note(online.steps, "online_unlock")->zh, Catch::Contains("授权邮件"));
  const Note* lock = find_note(online.steps, "pin_lock");
  REQUIRE(lock);
  CHECK_THAT(lock->zh, Catch::Contains("连续输错10次密码"));
  CHECK_THAT(lock->en, Catch::Contains("10 wrong PINs"));

  const ProviderAssessment onsite = assess(request(Business::Unlock, Channel::Onsite));
  CHECK(has_step(onsite, "bring_original_key"));
  CHECK(has_step(onsite, "pin_lock"));
  CHECK(onsite.requires_review());

  // Neimenggu: an SMS code to the agent, no review.
  const ProviderAssessment nmg = assess(request(Business::Unlock, Channel::Online, "neimenggu"));
  CHECK_FALSE(nmg.requires_review());
  CHECK_THAT(find_note(nmg.steps, "online_unlock")->zh, Catch::Contains("短信"));
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

TEST_CASE("bjca: an operation it does not know is unsupported, not a failure", "[bjca]") {
  try {
    bjca()->operate(R"({"op":"upgrade"})");
    FAIL("expected a PluginError");
  } catch (const PluginError& e) {
    CHECK(e.status() == CAHUB_ERROR_UNSUPPORTED);
  }
}
