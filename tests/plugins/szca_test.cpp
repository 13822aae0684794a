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
  CHECK(p->facts().at("hotline") == "400-112-3838");
  CHECK(p->facts().at("online") == "https://wt.szca.com/index");
  CHECK(p->facts().at("website") == "www.szca.com");
  // The Inner Mongolia project's: its path in the online hall, payment, review time, order states, delivery.
  for (const char* regional : {"online_path", "payment", "review_working_days_max", "order_states", "delivery"}) {
    INFO(regional);
    CHECK_FALSE(p->facts().contains(regional));
  }
  CHECK(p->serves(ApplicantKind::Org));
  CHECK(p->serves(ApplicantKind::OrgPerson));
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

TEST_CASE("szca: no step of the Inner Mongolia project is the plugin's", "[szca]") {
  // real-name mobiles, liveness, PIN by memo or SMS, 3 working days, postage due: neimenggu.lua.
  CHECK(plugin.step_codes_everywhere().empty());
}
