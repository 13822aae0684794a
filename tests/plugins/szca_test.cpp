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

TEST_CASE("szca: capabilities are the local issuing CA's, applicants are units, their persons and natural persons", "[szca]") {
  const auto d = plugin.described();
  CHECK(d.at("capabilities") == nlohmann::json{"new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "freeze", "unfreeze", "revoke"});
  // "上传机构证书、机构个人证书、自然人证书资料时" (audit O11).
  CHECK(d.at("applicants") == nlohmann::json{"org", "person", "org_person"});
  CHECK(plugin.only_refusal(plugin.assess(plugin.request(Business::Unlock, Channel::Online))) == "cannot_carry_out");
  CHECK(plugin.assess(plugin.request(Business::New, Channel::Online, ApplicantKind::Person)).refusals.empty());
}

TEST_CASE("szca: upload limits of its own online hall arrive typed", "[szca][uploads]") {
  const auto p = plugin.provider();
  // "上传文件格式支持JPG、PDF文件大小不能超过2M"
  const auto limits = p->upload_limits();
  REQUIRE(limits);
  CHECK(limits->types == std::vector<std::string>{"jpg", "pdf"});
  CHECK(limits->max_bytes == 2 * 1024 * 1024);
  CHECK(p->has_extension(CAHUB_EXT_UPLOAD_LIMITS));
  CHECK_FALSE(p->has_extension("cahub.no_such_extension/1"));
  CHECK_FALSE(p->facts().contains("uploads"));
}

TEST_CASE("szca: no step of the Inner Mongolia project is the plugin's", "[szca]") {
  // real-name mobiles, liveness, PIN by memo or SMS, 3 working days, postage due: neimenggu.lua.
  CHECK(plugin.step_codes_everywhere().empty());
}
