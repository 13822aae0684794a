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

TEST_CASE("nmgca: capabilities: the local issuing CA's, no unlock", "[nmgca]") {
  const auto d = plugin.described();
  CHECK(d.at("capabilities") == nlohmann::json{"new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "freeze", "unfreeze", "revoke"});
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::Unlock, Channel::Online))) == "cannot_carry_out");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::OrgPerson))) == "applicant_not_served");
}

TEST_CASE("nmgca: upload limits of its own platform arrive typed", "[nmgca][uploads]") {
  const auto p = plugin.provider();
  // "附件大小在1M之内，图片格式：jpeg、jpg、png、bmp"
  const auto limits = p->upload_limits();
  REQUIRE(limits);
  CHECK(limits->types == std::vector<std::string>{"jpeg", "jpg", "png", "bmp"});
  CHECK(limits->max_bytes == 1024 * 1024);
  CHECK(limits->accepts_type("JPG"));
  CHECK_FALSE(limits->accepts_type("pdf"));
  CHECK(p->has_extension(CAHUB_EXT_UPLOAD_LIMITS));
  CHECK_FALSE(p->has_extension("cahub.upload_limits/2"));
  CHECK_FALSE(p->has_extension("cahub.no_such_extension/1"));
  CHECK_FALSE(p->facts().contains("uploads"));  // typed, not a fact
  CHECK(plugin.described().at("upload_limits") ==
        nlohmann::ordered_json::parse(R"({"types": ["jpeg","jpg","png","bmp"], "max_bytes": 1048576})"));
}

TEST_CASE("nmgca: no step of the online application guide is the plugin's", "[nmgca]") {
  // real-name and unit checks, the e-contract, paying once after approval, one unit application:
  // neimenggu.lua; the upload limits are the provider's own.
  CHECK(plugin.step_codes_everywhere().empty());
}
