// The real nmgca.so, loaded through the registry from the host's plugin folder, against NMGCA's online-platform guide
// in the Inner Mongolia source (seed 004).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {
const PluginUnderTest plugin{"nmgca", "neimenggu"};
}  // namespace

TEST_CASE("nmgca: descriptor and facts", "[nmgca]") {
  const auto p = plugin.provider();
  CHECK(p->file().filename() == "nmgca.so");
  CHECK(p->name_zh() == "内蒙古数字证书认证有限公司");
  CHECK(p->version() == "1.0.0");
  CHECK(p->facts().at("hotline") == "0471-962366");
  CHECK(p->facts().at("online") == "http://ws.nmgca.com:8880/");
  CHECK(p->facts().at("uploads") ==
        nlohmann::ordered_json::parse(R"({"types": ["jpeg","jpg","png","bmp"], "max_bytes": 1048576})"));
  CHECK(p->facts().at("unit_certificate_applications_per_unit") == 1);
  const auto& offices = p->facts().at("offices");
  REQUIRE(offices.size() == 10);
  CHECK(offices[0].at("city") == "呼和浩特");
  CHECK(offices[3].at("address") == "兴安盟公共资源交易中心105室（原兴安盟公安局院内）");
  CHECK(offices[9].at("city") == "巴彦淖尔市");
  CHECK(offices[9].at("phone") == "18586098007");
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("nmgca: businesses per channel as the source describes them", "[nmgca]") {
  const auto d = plugin.described();
  const auto& b = d.at("businesses");
  CHECK(b.at("online") == nlohmann::json{"new", "renew", "reissue_lost", "reissue_damaged", "change", "revoke"});
  CHECK(b.at("onsite") == nlohmann::json{"new", "renew", "reissue_lost", "reissue_damaged", "change"});
  CHECK(b.at("mail").empty());
  CHECK(b.at("self_service").empty());
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
  for (const auto& [business, channel] :
       {std::pair{Business::Unlock, Channel::Online}, std::pair{Business::Revoke, Channel::Onsite},
        std::pair{Business::New, Channel::Mail}, std::pair{Business::Freeze, Channel::Online}})
    CHECK(plugin.only_refusal(plugin.assess(plugin.request(business, channel))) == "not_offered");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::OrgPerson))) == "applicant_not_served");
}

TEST_CASE("nmgca: online unit application: one per unit, uploads, pay once after approval", "[nmgca][new]") {
  const ProviderAssessment a = plugin.assess(plugin.request(Business::New, Channel::Online));
  CHECK(a.refusals.empty());
  CHECK_THAT(find_note(a.steps, "one_unit_certificate")->zh, Catch::Contains("只允许申请1条"));
  CHECK(has_step(a, "real_name_verification"));
  CHECK_FALSE(has_step(a, "public_institution_uploads"));
  CHECK(has_step(a, "e_contract"));
  const Note* uploads = find_note(a.steps, "upload_limits");
  REQUIRE(uploads);
  CHECK_THAT(uploads->zh, Catch::Contains("1M之内"));
  CHECK_THAT(uploads->zh, Catch::Contains("jpeg、jpg、png、bmp"));
  const Note* pay = find_note(a.steps, "pay_after_approval");
  REQUIRE(pay);
  CHECK_THAT(pay->zh, Catch::Contains("资料审核通过"));
  CHECK_THAT(pay->zh, Catch::Contains("只允许支付一次"));
  CHECK(a.requires_review());
  CHECK(a.review_max_days == 0);  // not published
}

TEST_CASE("nmgca: a public institution skips the unit check and uploads stamped forms", "[nmgca][new]") {
  QuoteRequest r = plugin.request(Business::New, Channel::Online);
  r.circumstances.public_institution = true;
  const ProviderAssessment a = plugin.assess(r);
  CHECK(a.refusals.empty());
  CHECK_FALSE(has_step(a, "real_name_verification"));
  const Note* pi = find_note(a.steps, "public_institution_uploads");
  REQUIRE(pi);
  CHECK_THAT(pi->zh, Catch::Contains("申请表和授权委托书"));
  CHECK_THAT(pi->zh, Catch::Contains("加盖单位公章"));
  CHECK(has_step(a, "pay_after_approval"));
  CHECK(has_step(a, "one_unit_certificate"));
}

TEST_CASE("nmgca: other businesses and channels carry no NMGCA rule of their own", "[nmgca]") {
  for (Business business : {Business::Renew, Business::Change, Business::ReissueLost, Business::Revoke}) {
    INFO(code_of(business));
    const ProviderAssessment a = plugin.assess(plugin.request(business, Channel::Online));
    CHECK(a.refusals.empty());
    CHECK(a.steps.empty());
  }
  const ProviderAssessment onsite = plugin.assess(plugin.request(Business::New, Channel::Onsite));
  CHECK(onsite.refusals.empty());
  CHECK_FALSE(has_step(onsite, "pay_after_approval"));
  const ProviderAssessment person = plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::Person));
  CHECK(person.refusals.empty());
  CHECK_FALSE(has_step(person, "one_unit_certificate"));
}
