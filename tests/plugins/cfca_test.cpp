// The real cfca.so, loaded through the registry from the host's plugin folder, against the share-sun (CFCA) notice in
// the Inner Mongolia source (seed 004).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {
const PluginUnderTest plugin{"cfca", "neimenggu"};
}  // namespace

TEST_CASE("cfca: descriptor and facts", "[cfca]") {
  const auto p = plugin.provider();
  CHECK(p->file().filename() == "cfca.so");
  CHECK(p->name_zh() == "中金金融认证中心有限公司");
  CHECK(p->version() == "1.0.0");
  CHECK(p->facts().at("hotline") == "0472-6862335");
  CHECK(p->facts().at("service_agent").at("name") == "江苏翔晟信息技术股份有限公司");
  CHECK(p->facts().at("service_agent").at("headquarters_phone") == "025-66085508");
  const auto& offices = p->facts().at("offices");
  REQUIRE(offices.size() == 3);
  CHECK(offices[0].at("city") == "包头");
  CHECK(offices[1].at("city") == "巴彦淖尔");
  CHECK(offices[1].at("phone") == "0478-8521210");
  CHECK(offices[2].at("city") == "鄂尔多斯");
  CHECK(offices[2].at("phone") == "0477-8328806");
  CHECK(p->facts().at("hours") == "周一至周五上午9：00-12：00 下午13：30-17：00");
  CHECK_THAT(p->facts().at("online").get<std::string>(), Catch::Contains("unitname=nmgzcy"));
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("cfca: new, annual check, reissue and change, online or at the offices", "[cfca]") {
  const auto d = plugin.described();
  const auto& b = d.at("businesses");
  const nlohmann::json offered = {"new", "renew", "reissue_lost", "reissue_damaged", "change"};
  CHECK(b.at("onsite") == offered);
  CHECK(b.at("online") == offered);
  CHECK(b.at("mail").empty());
  CHECK(b.at("self_service").empty());
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
  for (const auto& [business, channel] :
       {std::pair{Business::Unlock, Channel::Onsite}, std::pair{Business::New, Channel::Mail},
        std::pair{Business::Revoke, Channel::Online}, std::pair{Business::Add, Channel::Online}})
    CHECK(plugin.only_refusal(plugin.assess(plugin.request(business, channel))) == "not_offered");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::OrgPerson))) == "applicant_not_served");
}

TEST_CASE("cfca: one certificate carries one e-seal", "[cfca][seal]") {
  for (Channel channel : {Channel::Onsite, Channel::Online}) {
    const ProviderAssessment a = plugin.assess(plugin.request(Business::New, channel));
    CHECK(a.refusals.empty());
    const Note* one = find_note(a.steps, "one_seal_per_certificate");
    REQUIRE(one);
    CHECK_THAT(one->zh, Catch::Contains("一个数字证书对应一个电子签章"));
    CHECK_THAT(one->zh, Catch::Contains("由用户承担"));
    CHECK_THAT(one->en, Catch::Contains("at the user's own liability"));
    CHECK_THAT(find_note(a.steps, "registered_official_seal")->zh, Catch::Contains("公安部门登记备案"));
  }
  const ProviderAssessment person = plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::Person));
  CHECK(person.refusals.empty());
  CHECK_FALSE(has_step(person, "one_seal_per_certificate"));
  CHECK_FALSE(has_step(person, "registered_official_seal"));
  CHECK(has_step(person, "valid_documents"));
}

TEST_CASE("cfca: new, change and reissue are reviewed, and new is activated on the platform", "[cfca][review]") {
  for (Business business : {Business::New, Business::Change, Business::ReissueLost, Business::ReissueDamaged}) {
    INFO(code_of(business));
    const ProviderAssessment a = plugin.assess(plugin.request(business, Channel::Online));
    CHECK(a.refusals.empty());
    CHECK(a.requires_review());
    CHECK(a.review_max_days == 0);  // not published
    CHECK(has_step(a, "identity_review"));
    CHECK(has_step(a, "valid_documents"));
    CHECK(has_step(a, "activate_on_platform") == (business == Business::New));
  }
  const ProviderAssessment renew = plugin.assess(plugin.request(Business::Renew, Channel::Onsite));
  CHECK(renew.refusals.empty());
  CHECK_FALSE(renew.requires_review());
  CHECK(has_step(renew, "valid_documents"));
}
