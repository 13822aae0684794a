// The real hbca.so, loaded through the registry from the host's plugin folder. The Qinghai guide (seed 001) is the only
// source naming HBCA, and its procedure is qinghai.lua's: the plugin keeps the company's facts only.
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
  CHECK(p->facts().at("after_sales") == "4008708080");
  // Qinghai's: the Xining phone, the QQ group, the online address of project 205, the window.
  for (const char* regional : {"hotline", "qq_group", "online", "regions", "office"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("hbca: capabilities: the local issuing CA's, and unlock", "[hbca]") {
  const auto d = plugin.described();
  CHECK(d.at("capabilities") == nlohmann::json{"new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "unfreeze", "revoke"});
  CHECK(d.at("applicants") == nlohmann::json{"org", "person"});
  // On-site only unlock is Qinghai's agreement (qinghai.lua offer{}), not the plugin's.
  CHECK(plugin.assess(plugin.request(Business::Unlock, Channel::Online)).refusals.empty());
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::OrgPerson))) == "applicant_not_served");
}

TEST_CASE("hbca: no step of the Qinghai guide is the plugin's", "[hbca]") {
  // the window, colour scans, 2 working days, stamping or signing, the original UKey: qinghai.lua.
  CHECK(plugin.step_codes_everywhere().empty());
}
