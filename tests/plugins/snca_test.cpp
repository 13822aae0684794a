// The SNCA sample plugin (samples/snca-plugin, built out of tree from the installed SDK into the host's
// plugin folder), against its handling notes, fee table and form in the Inner Mongolia source (seed 004).
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
  CHECK(p->facts().at("local_name") == "内蒙古一证通");
  CHECK(p->facts().at("website") == "http://www.yztca.com");
  CHECK_FALSE(p->facts().contains("hotline"));  // the source publishes none
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::Person));  // experts
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("snca: the form's businesses onsite, and only change and unlock online", "[snca]") {
  const auto p = plugin.provider();
  for (Business b : {Business::New, Business::Renew, Business::Change, Business::Freeze, Business::ReissueLost,
                     Business::ReissueDamaged, Business::Revoke, Business::Unlock})
    CHECK(p->offers(b, Channel::Onsite));
  CHECK_FALSE(p->offers(Business::Unfreeze, Channel::Onsite));  // the form has 挂起 but no un-hold
  CHECK_FALSE(p->offers(Business::Add, Channel::Onsite));
  CHECK(p->offers(Business::Change, Channel::Online));
  CHECK(p->offers(Business::Unlock, Channel::Online));
  CHECK_FALSE(p->offers(Business::New, Channel::Online));
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Online))) == "not_offered");
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::New, Channel::Onsite, ApplicantKind::OrgPerson))) ==
        "applicant_not_served");
}

TEST_CASE("snca: payment by WeChat, Alipay or card for what is paid for", "[snca]") {
  for (Business b : {Business::New, Business::Renew, Business::ReissueLost}) {
    auto r = plugin.request(b, Channel::Onsite);
    if (b != Business::New) {
      r.cert_not_before = r.today.plus_days(-340);
      r.cert_not_after = r.today.plus_days(20);
    }
    const auto a = plugin.assess(r);
    CHECK(a.refusals.empty());
    REQUIRE(has_step(a, "payment_methods"));
    CHECK(find_note(a.steps, "payment_methods")->zh == "数字证书费用通过微信、支付宝、刷卡等方式缴纳");
  }
  CHECK_FALSE(has_step(plugin.assess(plugin.request(Business::Change, Channel::Online)), "payment_methods"));
}

TEST_CASE("snca: online handling ends with pickup or courier at most 23 CNY", "[snca]") {
  const auto a = plugin.assess(plugin.request(Business::Change, Channel::Online));
  REQUIRE(has_step(a, "pickup_or_courier"));
  CHECK_THAT(find_note(a.steps, "pickup_or_courier")->en, Catch::Contains("at most 23 CNY"));
  CHECK_FALSE(has_step(plugin.assess(plugin.request(Business::Change, Channel::Onsite)), "pickup_or_courier"));
}

TEST_CASE("snca: unlock needs the legal representative's stamped authorisation", "[snca]") {
  for (Channel c : {Channel::Onsite, Channel::Online}) {
    const auto a = plugin.assess(plugin.request(Business::Unlock, c));
    CHECK(a.refusals.empty());
    CHECK(has_step(a, "unlock_authorisation"));
  }
}

TEST_CASE("snca: renewal within the 30 days before expiry, or the certificate lapses", "[snca]") {
  auto r = plugin.request(Business::Renew, Channel::Onsite);
  r.cert_not_before = r.today.plus_days(-340);
  r.cert_not_after = r.today.plus_days(20);
  const auto a = plugin.assess(r);
  REQUIRE(has_step(a, "renew_before_expiry"));
  CHECK(find_note(a.steps, "renew_before_expiry")->zh == "须在证书失效前30天内申请更新，否则证书到期自动失效");
}
