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
  CHECK(p->facts().at("hotline") == "0471-962366");
  CHECK(p->facts().at("website") == "https://www.nmgca.com.cn");
  CHECK(p->facts().at("online") == "http://ws.nmgca.com:8880/");
  CHECK(p->facts().at("support") == "5*8");
  // The platform's: the offices, the payment flow, and one unit application (limit{} in neimenggu.lua).
  for (const char* regional : {"office", "offices", "payment", "unit_certificate_applications_per_unit"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
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

TEST_CASE("nmgca: no step of the online application guide is the plugin's", "[nmgca]") {
  // real-name and unit checks, the e-contract, paying once after approval, one unit application:
  // neimenggu.lua; the upload limits are the provider's own.
  CHECK(plugin.step_codes_everywhere().empty());
}
