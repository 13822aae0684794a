// The real cfca.so, loaded through the registry from the host's plugin folder, against share-sun's service agreement
// for CFCA in the Inner Mongolia source (seed 004); the notice of 2021-03-01 is the region script's.
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
  CHECK(p->facts().at("service_agent").at("name") == "江苏翔晟信息技术股份有限公司");
  CHECK(p->facts().at("service_agent").at("headquarters_phone") == "025-66085508");
  CHECK(p->facts().at("service_agent").at("website") == "http://www.share-sun.com.cn/");
  // Inner Mongolia's: the offices, their phones and hours, the online address with unitname=nmgzcy.
  for (const char* regional : {"hotline", "offices", "hours", "online", "since"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("cfca: capabilities: what the local issuing CA carries out, no unlock", "[cfca]") {
  const auto d = plugin.described();
  CHECK(d.at("capabilities") == nlohmann::json{"new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "freeze", "unfreeze", "revoke"});
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::Unlock, Channel::Onsite))) == "cannot_carry_out");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::OrgPerson))) == "applicant_not_served");
  // Channels are the region's: the plugin answers the same on every one.
  for (Channel c : all_codes<Channel>()) CHECK(plugin.assess(plugin.request(Business::Revoke, c)).refusals.empty());
}

TEST_CASE("cfca: no step of the Inner Mongolia notice is the plugin's", "[cfca]") {
  // valid documents, the registered seal, one seal per certificate, review, activation: neimenggu.lua.
  CHECK(plugin.step_codes_everywhere().empty());
}
