// The real hbca.so, loaded through the registry from the host's plugin folder, against the HBCA rules of the Qinghai
// guide (seed 001).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {
const PluginUnderTest plugin{"hbca", "qinghai"};
}  // namespace

TEST_CASE("hbca: descriptor and facts", "[hbca]") {
  const auto p = plugin.provider();
  CHECK(p->file().filename() == "hbca.so");
  CHECK(p->name_zh() == "湖北省数字证书认证管理中心有限公司");
  CHECK(p->version() == "1.0.0");
  CHECK(p->facts().at("hotline") == "0971-5115239");
  CHECK(p->facts().at("after_sales") == "4008708080");
  CHECK(p->facts().at("qq_group") == "980618660");
  CHECK_THAT(p->facts().at("online").get<std::string>(), Catch::Contains("css.hbca.org.cn:8088"));
  CHECK_THAT(p->facts().at("regions").at("qinghai").at("office").get<std::string>(),
             Catch::Contains("西川南路53号文博大厦"));
  CHECK_FALSE(p->facts().contains("hours"));  // not published
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("hbca: businesses per channel as the source describes them", "[hbca]") {
  const auto d = plugin.described();
  const auto& b = d.at("businesses");
  CHECK(b.at("onsite") == nlohmann::json{"new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock"});
  CHECK(b.at("online") == nlohmann::json{"new", "renew", "reissue_lost", "reissue_damaged", "change"});
  CHECK(b.at("mail").empty());
  CHECK(b.at("self_service").empty());
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
}

TEST_CASE("hbca: online applications are checked and issued within 2 working days, then mailed", "[hbca][online]") {
  for (Business business : {Business::New, Business::ReissueLost, Business::ReissueDamaged, Business::Change}) {
    INFO(code_of(business));
    const ProviderAssessment a = plugin.assess(plugin.request(business, Channel::Online));
    CHECK(a.refusals.empty());
    CHECK_THAT(find_note(a.steps, "online_upload")->zh, Catch::Contains("原件的彩色扫描件"));
    CHECK_THAT(find_note(a.steps, "online_review_and_mail")->zh, Catch::Contains("2个工作日内"));
    CHECK(a.requires_review());
    CHECK(a.review_min_days == 0);
    CHECK(a.review_max_days == 2);
    CHECK_FALSE(has_step(a, "bring_original_key"));
  }
}

TEST_CASE("hbca: online self-renewal needs no materials and has no window in the plugin", "[hbca][renew]") {
  QuoteRequest r = plugin.request(Business::Renew, Channel::Online);
  r.cert_not_after = test_today().plus_days(200);  // the 30-day window is the region script's
  const ProviderAssessment a = plugin.assess(r);
  CHECK(a.refusals.empty());
  CHECK_THAT(find_note(a.steps, "online_self_renewal")->zh, Catch::Contains("无需提交相关资料"));
  CHECK_FALSE(a.requires_review());
  CHECK(plugin.assess(plugin.request(Business::Renew, Channel::Online)).refusals.empty());
}

TEST_CASE("hbca: renewal, change and unlock at the window need the original UKey", "[hbca][onsite]") {
  for (Business business : {Business::Renew, Business::Change, Business::Unlock}) {
    INFO(code_of(business));
    const ProviderAssessment a = plugin.assess(plugin.request(business, Channel::Onsite));
    CHECK(a.refusals.empty());
    CHECK_THAT(find_note(a.steps, "bring_original_key")->zh, Catch::Contains("原CA数字证书及介质（UKey）"));
    CHECK(has_step(a, "onsite_window"));
  }
  for (Business business : {Business::New, Business::ReissueLost, Business::ReissueDamaged}) {
    INFO(code_of(business));
    const ProviderAssessment a = plugin.assess(plugin.request(business, Channel::Onsite));
    CHECK(a.refusals.empty());
    CHECK_FALSE(has_step(a, "bring_original_key"));
    CHECK(has_step(a, "onsite_window"));
    CHECK_FALSE(a.requires_review());  // collected at the window
  }
}

TEST_CASE("hbca: experts sign, units stamp", "[hbca]") {
  const ProviderAssessment expert = plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::Person));
  CHECK(expert.refusals.empty());
  CHECK(has_step(expert, "sign_forms"));
  CHECK_FALSE(has_step(expert, "stamp_forms"));
  const ProviderAssessment unit = plugin.assess(plugin.request(Business::New, Channel::Online));
  CHECK(has_step(unit, "stamp_forms"));
  CHECK_FALSE(has_step(unit, "sign_forms"));
}

TEST_CASE("hbca: unlock is onsite only, and what is not offered is refused", "[hbca]") {
  const ProviderAssessment online_unlock = plugin.assess(plugin.request(Business::Unlock, Channel::Online));
  CHECK(plugin.only_refusal(online_unlock) == "unlock_onsite_only");
  CHECK_THAT(online_unlock.refusals[0].zh, Catch::Contains("现场解锁"));
  for (const auto& [business, channel] :
       {std::pair{Business::New, Channel::Mail}, std::pair{Business::Add, Channel::Online},
        std::pair{Business::Revoke, Channel::Onsite}, std::pair{Business::Renew, Channel::SelfService}})
    CHECK(plugin.only_refusal(plugin.assess(plugin.request(business, channel))) == "not_offered");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::OrgPerson))) == "applicant_not_served");
}
