// The real netca.so, loaded through the registry from the host's plugin folder. The Guangdong guide (seed 002) is the
// only source naming NETCA, and its procedure is guangdong.lua's: the plugin keeps the company's facts only.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {

std::shared_ptr<const Provider> netca() {
  static const std::shared_ptr<const Provider> provider = [] {
    PluginRegistry registry;
    registry.load_folder(bjca_dir(), var_dir());
    return registry.find("netca");
  }();
  REQUIRE(provider);
  return provider;
}

QuoteRequest req(Business business, Channel channel) {
  QuoteRequest r = request(business, channel, "guangdong");
  r.ca = "netca";
  return r;
}

ProviderAssessment assess(const QuoteRequest& r) { return netca()->assess(r, 1); }

std::string only_refusal(const ProviderAssessment& a) {
  REQUIRE(a.refusals.size() == 1);
  CHECK(a.refusals[0].source == "plugin:netca");
  CHECK_FALSE(a.refusals[0].zh.empty());
  CHECK_FALSE(a.refusals[0].en.empty());
  return a.refusals[0].code;
}

}  // namespace

TEST_CASE("netca: descriptor and facts", "[netca]") {
  const auto p = netca();
  CHECK(p->file().filename() == "netca.so");
  CHECK(p->name_zh() == "广东省电子商务认证有限公司");
  CHECK(p->facts().at("hotline") == "400-830-1330");
  CHECK(p->facts().at("qq") == "4008301330");
  CHECK(p->facts().at("website") == "www.cnca.net");
  CHECK(p->facts().at("self_service_client") == "网证通安全客户端");
  // Guangdong's: the counter, its hours, the mail-in address, the payee and memo, the online forms.
  for (const char* regional : {"office", "hours", "mail_to", "payee", "online", "seal_samples"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
  CHECK(p->serves(ApplicantKind::Org));
  CHECK_FALSE(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("netca: capabilities: the local issuing CA's, and unlock", "[netca]") {
  const auto p = netca();
  for (Business b : all_codes<Business>()) CHECK(p->can_carry_out(b));
  CHECK_FALSE(p->upload_limits());
  // Revocation, which the 1.x plugin refused on every channel (audit C8), is now guangdong.lua's to offer.
  CHECK(assess(req(Business::Revoke, Channel::Onsite)).refusals.empty());
}

TEST_CASE("netca: no step of the Guangdong guide is the plugin's", "[netca]") {
  const PluginUnderTest plugin{"netca", "guangdong"};
  // payee and memo, mail-in address, client routes, the agent-changed unlock: guangdong.lua.
  CHECK(plugin.step_codes_everywhere().empty());
  QuoteRequest changed = req(Business::Unlock, Channel::SelfService);
  changed.circumstances.agent_changed = true;
  CHECK(assess(changed).refusals.empty());
}

TEST_CASE("netca: what NETCA does not serve is refused", "[netca]") {
  QuoteRequest person = req(Business::New, Channel::Onsite);
  person.applicant = ApplicantKind::Person;
  CHECK(only_refusal(assess(person)) == "applicant_not_served");
}
