// The real netca.so, loaded through the registry from the host's plugin folder, against the NETCA rules
// of the Guangdong guide (seed 002).
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

ProviderAssessment renewal(Channel channel, int days_left) {
  QuoteRequest r = req(Business::Renew, channel);
  r.cert_not_before = test_today().plus_days(days_left - 365);
  r.cert_not_after = test_today().plus_days(days_left);
  return assess(r);
}

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
  CHECK(p->version() == "1.0.0");
  CHECK(p->facts().at("hotline") == "400-830-1330");
  CHECK(p->facts().at("office").at("address") == "广州市越秀区建设五马路一号德安大厦一楼大厅（办理前台）");
  CHECK_THAT(p->facts().at("hours").get<std::string>(), Catch::Contains("上午9:00－12:00，下午14:00－17:00"));
  CHECK(p->facts().at("mail_to").at("recipient") == "蔡先生");
  CHECK(p->facts().at("payee").at("account") == "7443 9001 8260 0096 874");
  CHECK_THAT(p->facts().at("online").at("add").get<std::string>(), Catch::Contains("ade714e439fe58d2"));
  CHECK(p->serves(ApplicantKind::Org));
  CHECK_FALSE(p->serves(ApplicantKind::Person));
  CHECK_FALSE(p->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("netca: businesses per channel as the source describes them", "[netca]") {
  PluginRegistry registry;
  registry.load_folder(bjca_dir(), var_dir());
  const auto j = registry.describe();
  const auto it =
      std::find_if(j.at("plugins").begin(), j.at("plugins").end(), [](const auto& p) { return p.at("id") == "netca"; });
  REQUIRE(it != j.at("plugins").end());
  const auto& b = it->at("businesses");
  const nlohmann::json paper = {"new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock"};
  CHECK(b.at("onsite") == paper);
  CHECK(b.at("mail") == paper);
  CHECK(b.at("online") == nlohmann::json{"add"});
  CHECK(b.at("self_service") == nlohmann::json{"renew", "unlock"});
  CHECK(it->at("applicants") == nlohmann::json{"org"});
}

TEST_CASE("netca: add is online, signed with the same-name NETCA certificate", "[netca][add]") {
  const ProviderAssessment a = assess(req(Business::Add, Channel::Online));
  CHECK(a.refusals.empty());
  const Note* sign = find_note(a.steps, "sign_with_same_name_certificate");
  REQUIRE(sign);
  CHECK(sign->en == "Sign the request with the valid NETCA certificate of the same unit name; otherwise apply as new");
  CHECK_THAT(sign->zh, Catch::Contains("同名的网证通有效数字证书"));
  CHECK(has_step(a, "online_payment_no_paper"));
  const Note* delivery = find_note(a.steps, "delivery_by_mail");
  REQUIRE(delivery);
  CHECK_THAT(delivery->zh, Catch::Contains("把数字证书邮寄给用户并开具电子发票"));
  CHECK(a.requires_review());
  for (Channel c : {Channel::Onsite, Channel::Mail, Channel::SelfService})
    CHECK(only_refusal(assess(req(Business::Add, c))) == "add_online_only");
}

TEST_CASE("netca: a certificate that has not expired renews in self-service, no materials", "[netca][renew]") {
  for (int left : {0, 1, 300}) {
    INFO(left);
    const ProviderAssessment a = renewal(Channel::SelfService, left);
    CHECK(a.refusals.empty());
    CHECK(has_step(a, "self_service_renewal"));
    CHECK_FALSE(has_step(a, "bring_original_key"));
    CHECK_FALSE(a.requires_review());
  }
  const ProviderAssessment expired = renewal(Channel::SelfService, -1);
  CHECK(only_refusal(expired) == "expired_renewal_onsite_or_mail");
  CHECK_THAT(expired.refusals[0].zh, Catch::Contains("过期后只能选择现场或者邮寄"));
  CHECK(only_refusal(assess(req(Business::Renew, Channel::SelfService))) == "certificate_expiry_required");
}

TEST_CASE("netca: an expired renewal goes onsite or by mail with the original key", "[netca][renew]") {
  const ProviderAssessment onsite = renewal(Channel::Onsite, -1);
  CHECK(onsite.refusals.empty());
  CHECK(has_step(onsite, "bring_original_key"));
  CHECK_FALSE(has_step(onsite, "self_service_renewal_available"));
  CHECK(onsite.requires_review());
  CHECK_FALSE(has_step(onsite, "mail_prior_transfer"));

  const ProviderAssessment mail = renewal(Channel::Mail, -30);
  CHECK(mail.refusals.empty());
  CHECK(has_step(mail, "mail_prior_transfer"));
  CHECK_THAT(find_note(mail.steps, "mail_materials")->zh, Catch::Contains("不接受挂号信"));

  // Not expired at the counter: allowed, with a pointer to the self-service route.
  CHECK(has_step(renewal(Channel::Onsite, 0), "self_service_renewal_available"));
  CHECK(only_refusal(renewal(Channel::Online, -1)) == "renewal_channel");
}

TEST_CASE("netca: reissue and change only onsite or by mail", "[netca][reissue][change]") {
  for (Business business : {Business::ReissueLost, Business::ReissueDamaged, Business::Change}) {
    INFO(code_of(business));
    for (Channel c : {Channel::Online, Channel::SelfService}) {
      const ProviderAssessment a = assess(req(business, c));
      CHECK(only_refusal(a) == "onsite_or_mail_only");
      CHECK_THAT(a.refusals[0].zh, Catch::Contains("只能选择现场或者邮寄办理方式"));
      CHECK_THAT(a.refusals[0].en, Catch::Contains("onsite or by mail only"));
    }
    const ProviderAssessment onsite = assess(req(business, Channel::Onsite));
    CHECK(onsite.refusals.empty());
    CHECK(onsite.requires_review());
    const ProviderAssessment mail = assess(req(business, Channel::Mail));
    CHECK(mail.refusals.empty());
    CHECK(has_step(mail, "mail_prior_transfer"));
  }
  CHECK(has_step(assess(req(Business::Change, Channel::Onsite)), "bring_original_key"));
  CHECK_FALSE(has_step(assess(req(Business::ReissueLost, Channel::Onsite)), "bring_original_key"));
}

TEST_CASE("netca: unlock is self-service unless the agent changed", "[netca][unlock]") {
  const ProviderAssessment self = assess(req(Business::Unlock, Channel::SelfService));
  CHECK(self.refusals.empty());
  CHECK_THAT(find_note(self.steps, "self_service_unlock")->zh, Catch::Contains("经办人获取手机验证码"));
  CHECK_FALSE(self.requires_review());

  QuoteRequest changed = req(Business::Unlock, Channel::SelfService);
  changed.circumstances.agent_changed = true;
  const ProviderAssessment refused = assess(changed);
  CHECK(only_refusal(refused) == "agent_changed_unlock");
  CHECK_THAT(refused.refusals[0].zh, Catch::Contains("经办人已变更的单位无法自动解锁"));

  for (Channel c : {Channel::Onsite, Channel::Mail}) {
    changed.channel = c;
    const ProviderAssessment a = assess(changed);
    CHECK(a.refusals.empty());
    CHECK(has_step(a, "bring_original_key"));
    CHECK(a.requires_review());
  }
  CHECK(only_refusal(assess(req(Business::Unlock, Channel::Online))) == "unlock_channel");
}

TEST_CASE("netca: new application: online form, corporate transfer, onsite without transfer", "[netca][new]") {
  const ProviderAssessment onsite = assess(req(Business::New, Channel::Onsite));
  CHECK(onsite.refusals.empty());
  CHECK(has_step(onsite, "online_form"));
  CHECK(has_step(onsite, "corporate_transfer"));
  const Note* no_transfer = find_note(onsite.steps, "no_corporate_transfer_onsite");
  REQUIRE(no_transfer);
  CHECK_THAT(no_transfer->zh, Catch::Contains("营业执照副本原件"));
  CHECK(onsite.requires_review());

  const ProviderAssessment mail = assess(req(Business::New, Channel::Mail));
  CHECK(mail.refusals.empty());
  CHECK_FALSE(has_step(mail, "no_corporate_transfer_onsite"));
  CHECK(has_step(mail, "mail_prior_transfer"));
  CHECK(only_refusal(assess(req(Business::New, Channel::Online))) == "onsite_or_mail_only");
}

TEST_CASE("netca: what NETCA does not offer or serve is refused", "[netca]") {
  for (Business b : {Business::Freeze, Business::Unfreeze, Business::Revoke})
    CHECK(only_refusal(assess(req(b, Channel::Onsite))) == "not_offered");
  QuoteRequest person = req(Business::New, Channel::Onsite);
  person.applicant = ApplicantKind::Person;
  CHECK(only_refusal(assess(person)) == "applicant_not_served");
}
