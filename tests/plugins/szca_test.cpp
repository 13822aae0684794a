// The real szca.so, loaded through the registry from the host's plugin folder, against SZCA's online new-application
// guide in the Inner Mongolia source (seed 004).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {
const PluginUnderTest plugin{"szca", "neimenggu"};
}  // namespace

TEST_CASE("szca: descriptor and facts", "[szca]") {
  const auto p = plugin.provider();
  CHECK(p->file().filename() == "szca.so");
  CHECK(p->name_zh() == "深圳市电子商务安全证书管理有限公司");
  CHECK(p->version() == "1.0.0");
  CHECK(p->facts().at("hotline") == "400-112-3838");
  CHECK(p->facts().at("online") == "https://wt.szca.com/index");
  CHECK(p->facts().at("uploads") == nlohmann::ordered_json::parse(R"({"types": ["jpg","pdf"], "max_bytes": 2097152})"));
  const auto& states = p->facts().at("order_states");
  REQUIRE(states.size() == 3);
  CHECK(states[0].at("state") == "rejected");
  CHECK(states[0].at("zh") == "未通过");
  CHECK(states[0].at("next") == "resubmit");
  CHECK(states[1].at("state") == "accepted");
  CHECK(states[1].at("zh") == "成功受理");
  CHECK(states[2].at("state") == "financial_verification_passed");
  CHECK(states[2].at("zh") == "金融认证成功");
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::OrgPerson));
  CHECK_FALSE(p->serves(ApplicantKind::Person));
}

TEST_CASE("szca: only new, online", "[szca]") {
  const auto d = plugin.described();
  const auto& b = d.at("businesses");
  CHECK(b.at("online") == nlohmann::json{"new"});
  CHECK(b.at("onsite").empty());
  CHECK(b.at("mail").empty());
  CHECK(b.at("self_service").empty());
  CHECK(d.at("applicants") == nlohmann::json{"org", "org_person"});
  for (const auto& [business, channel] :
       {std::pair{Business::New, Channel::Onsite}, std::pair{Business::Renew, Channel::Online},
        std::pair{Business::Unlock, Channel::Online}})
    CHECK(plugin.only_refusal(plugin.assess(plugin.request(business, channel))) == "not_offered");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::Person))) == "applicant_not_served");
}

TEST_CASE("szca: online new application steps, review within 3 working days", "[szca][new]") {
  const ProviderAssessment a = plugin.assess(plugin.request(Business::New, Channel::Online));
  CHECK(a.refusals.empty());
  CHECK_THAT(find_note(a.steps, "upload_limits")->zh, Catch::Contains("JPG、PDF"));
  CHECK_THAT(find_note(a.steps, "upload_limits")->zh, Catch::Contains("2M"));
  REQUIRE(has_step(a, "agent_liveness"));
  CHECK_THAT(find_note(a.steps, "agent_liveness")->zh, Catch::Contains("活体认证"));
  const Note* fin = find_note(a.steps, "online_payment_financial_verification");
  REQUIRE(fin);
  CHECK_THAT(fin->zh, Catch::Contains("支付宝/微信"));
  CHECK_THAT(fin->zh, Catch::Contains("转账交易附言"));
  CHECK_THAT(find_note(a.steps, "review")->zh, Catch::Contains("三个工作日内"));
  CHECK_THAT(find_note(a.steps, "delivery")->zh, Catch::Contains("邮费到付"));
  CHECK(a.requires_review());
  CHECK(a.review_min_days == 0);
  CHECK(a.review_max_days == 3);
}

TEST_CASE("szca: by corporate transfer the PIN goes to the agent (org) or the person (org_person)", "[szca][pin]") {
  const ProviderAssessment org = plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::Org));
  const Note* org_pin = find_note(org.steps, "corporate_transfer_pin_sms");
  REQUIRE(org_pin);
  CHECK_THAT(org_pin->zh, Catch::Contains("发至经办人手机号码"));
  CHECK_THAT(org_pin->en, Catch::Contains("agent's mobile"));
  CHECK_THAT(find_note(org.steps, "real_name_mobile")->zh, Catch::StartsWith("经办人手机号"));

  const ProviderAssessment person = plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::OrgPerson));
  CHECK(person.refusals.empty());
  const Note* person_pin = find_note(person.steps, "corporate_transfer_pin_sms");
  REQUIRE(person_pin);
  CHECK_THAT(person_pin->zh, Catch::Contains("发至申请人手机号码"));
  CHECK_THAT(person_pin->en, Catch::Contains("applicant's mobile"));
  CHECK_THAT(find_note(person.steps, "real_name_mobile")->zh, Catch::Contains("申请人和经办人"));
  CHECK(person.review_max_days == 3);
}
