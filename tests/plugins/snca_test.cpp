// The SNCA sample plugin (samples/snca-plugin, built out of tree from the installed SDK into the host's
// plugin folder), against the issuer's responsibility statement in the Inner Mongolia source (seed 004).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugin_test_support.hpp"
#include "plugins/plugin_registry.hpp"

using namespace cahub;
using namespace cahub::plugins;
using namespace cahub::plugins::test;

namespace {
const PluginUnderTest plugin{"snca", "neimenggu"};
}  // namespace

TEST_CASE("snca: loaded by the unchanged host from the default plugin folder", "[snca]") {
  const auto p = plugin.provider();
  CHECK(p->file().filename() == "snca.so");
  CHECK(p->name_zh() == "陕西省数字证书认证中心股份有限公司");
  CHECK(p->abi_major() == CAHUB_ABI_MAJOR);
  CHECK(p->facts().at("website") == "www.yztca.com");
  CHECK(p->facts().at("default_validity_years") == 1);
  CHECK(p->facts().at("renewal").at("days_before_expiry") == 30);
  // 400-0471-888 and the local name are the Inner Mongolia localisation's (neimenggu.lua), as are
  // payment ways and delivery (audit C12).
  for (const char* regional : {"hotline", "local_name", "payment_methods", "delivery", "subject_types"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));  // experts
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("snca: capabilities are the local issuing CA's and unlock, channels are the region's", "[snca]") {
  const auto p = plugin.provider();
  for (Business b : all_codes<Business>()) CHECK(p->can_carry_out(b));
  // Online new (audit C11) is neimenggu.lua's offer{} to make; the plugin does not stand in the way.
  CHECK(plugin.assess(plugin.request(Business::New, Channel::Online)).refusals.empty());
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::OrgPerson))) ==
        "applicant_not_served");
}

TEST_CASE("snca: only the issuer's renewal rule is a note", "[snca]") {
  // payment ways, pickup or courier, unlock with an authorisation: neimenggu.lua.
  CHECK(plugin.step_codes_everywhere() == std::set<std::string>{"renew_before_expiry"});
}

TEST_CASE("snca: renewal within the 30 days before expiry, or the certificate lapses", "[snca]") {
  auto r = plugin.request(Business::Renew, Channel::Onsite);
  r.cert_not_before = r.today.plus_days(-340);
  r.cert_not_after = r.today.plus_days(20);
  const auto a = plugin.assess(r);
  REQUIRE(has_step(a, "renew_before_expiry"));
  CHECK(find_note(a.steps, "renew_before_expiry")->zh == "须在证书失效前30天内申请更新，否则证书到期自动失效");
}
