// The bundled region scripts (rules/*.lua): each loads, and its published rules come out of the
// stages as the sources say — fees (unpriced where nothing is published), renewal windows,
// validity, refusals and a few materials per region.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

std::shared_ptr<const RegionRules> region(const char* id) {
  const std::filesystem::path file = std::filesystem::path(CAHUB_REGION_RULES_DIR) / (std::string(id) + ".lua");
  LoadResult r = RegionRules::load_file(file);
  INFO(file.string() << "\n" << joined(r.findings));
  REQUIRE(r.findings.empty());
  REQUIRE(r.rules);
  return r.rules;
}

QuoteRequest req(const char* region_id, const char* ca, Business business, Channel channel = Channel::Onsite,
                 ApplicantKind applicant = ApplicantKind::Org) {
  QuoteRequest r = request(business, channel, applicant);
  r.region = region_id;
  r.ca = ca;
  return r;
}

// A certificate that expires on `not_after`; today is 2024-06-01.
QuoteRequest with_expiry(QuoteRequest r, const char* not_after) {
  r.cert_not_before = day("2023-01-01");
  r.cert_not_after = day(not_after);
  return r;
}

Quote assessed(const RegionRules& rules, const QuoteRequest& r, int years = 1) {
  Quote q;
  rules.assess_eligibility(RuleInput{r, years, 0}, q);
  return q;
}

Quote fee_of(const RegionRules& rules, const QuoteRequest& r, int years = 1) {
  Quote q;
  rules.compute_fee(RuleInput{r, years, 0}, q);
  return q;
}

Quote materials_of(const RegionRules& rules, const QuoteRequest& r) {
  Quote q;
  rules.list_materials(RuleInput{r, 1, 0}, q);
  return q;
}

std::optional<Validity> validity_of(const RegionRules& rules, const QuoteRequest& r, int years = 1) {
  Quote q;
  rules.compute_validity(RuleInput{r, years, 0}, q);
  return q.validity;
}

std::vector<std::string> codes(const Quote& q) {
  std::vector<std::string> out;
  for (const auto& m : q.materials) out.push_back(m.code);
  return out;
}

std::vector<std::string> reason_codes(const Quote& q) {
  std::vector<std::string> out;
  for (const auto& n : q.reasons) out.push_back(n.code);
  return out;
}

const MaterialLine& material(const Quote& q, const std::string& code) {
  const auto it = std::find_if(q.materials.begin(), q.materials.end(), [&](const MaterialLine& m) { return m.code == code; });
  REQUIRE(it != q.materials.end());
  return *it;
}

// Every fee line is unpriced and the quote has no total (the source publishes no amount).
void check_unpriced(const Quote& q, const std::string& code, const std::string& file) {
  REQUIRE_FALSE(q.fee.items.empty());
  CHECK(q.fee.items[0].code == code);
  CHECK(q.fee.items[0].source.starts_with(file + ":"));
  for (const auto& item : q.fee.items) CHECK_FALSE(item.amount_fen);
  CHECK_FALSE(q.fee.total_fen);
  CHECK(q.fee.unpriced.size() == q.fee.items.size());
}

}  // namespace

TEST_CASE("every bundled region script passes rules check") {
  for (const char* id : {"central", "qinghai", "guangdong", "neimenggu", "jinan"}) {
    const auto findings = check_file(std::filesystem::path(CAHUB_REGION_RULES_DIR) / (std::string(id) + ".lua"));
    INFO(id << "\n" << joined(findings));
    CHECK(findings.empty());
  }
}

// ------------------------------------------------------------------------------------------------
// qinghai (seed 001)
// ------------------------------------------------------------------------------------------------

TEST_CASE("qinghai: header, CAs and the 1 or 2 years") {
  const auto rules = region("qinghai");
  CHECK(rules->id() == "qinghai");
  CHECK(rules->accepted_cas() == std::vector<std::string>{"bjca", "hbca"});
  CHECK_FALSE(rules->accepts("netca"));
  CHECK(rules->allowed_years() == std::vector<int>{1, 2});
  CHECK(rules->serves(ApplicantKind::Person));
  CHECK_FALSE(rules->serves(ApplicantKind::OrgPerson));
  CHECK(rules->offers_channel(Channel::Online));
  CHECK_FALSE(rules->offers_channel(Channel::Mail));
  CHECK(rules->offers(Business::Unlock));
  CHECK_FALSE(rules->offers(Business::Revoke));
}

TEST_CASE("qinghai: no amount is published, every fee is unpriced") {
  const auto rules = region("qinghai");
  check_unpriced(fee_of(*rules, req("qinghai", "bjca", Business::New)), "certificate", "qinghai.lua");
  const Quote renew = fee_of(*rules, req("qinghai", "hbca", Business::Renew), 2);
  check_unpriced(renew, "renewal", "qinghai.lua");
  CHECK(renew.fee.items[0].label == "延期费用");
  check_unpriced(fee_of(*rules, req("qinghai", "bjca", Business::ReissueLost)), "reissue", "qinghai.lua");
  check_unpriced(fee_of(*rules, req("qinghai", "bjca", Business::Change)), "change", "qinghai.lua");
  check_unpriced(fee_of(*rules, req("qinghai", "bjca", Business::Unlock)), "unlock", "qinghai.lua");
}

TEST_CASE("qinghai: renewal only within 30 days before expiry") {
  const auto rules = region("qinghai");
  for (const Channel channel : {Channel::Onsite, Channel::Online}) {
    const QuoteRequest base = req("qinghai", "bjca", Business::Renew, channel);
    CHECK(assessed(*rules, with_expiry(base, "2024-07-01")).eligible);  // 30 days left
    const Quote early = assessed(*rules, with_expiry(base, "2024-07-02"));  // 31 days left
    CHECK_FALSE(early.eligible);
    CHECK(reason_codes(early) == std::vector<std::string>{"renewal_window"});
    CHECK(early.reasons[0].source.starts_with("qinghai.lua:"));
    CHECK(early.reasons[0].en.starts_with("renewal opens 30 days before expiry"));
    // "须在证书失效前30天以内…提出证书延期（续期）请求" (seed 001 五): not after expiry either (audit C6).
    CHECK(reason_codes(assessed(*rules, with_expiry(base, "2024-05-01"))) == std::vector<std::string>{"renewal_after_expiry"});
  }
}

TEST_CASE("qinghai: refusals with their reasons") {
  const auto rules = region("qinghai");

  QuoteRequest unit = req("qinghai", "bjca", Business::New);
  CHECK(assessed(*rules, unit).eligible);
  unit.circumstances.registered = false;
  Quote q = assessed(*rules, unit);
  CHECK(reason_codes(q) == std::vector<std::string>{"not_registered"});
  CHECK(q.reasons[0].zh.find("主体入库") != std::string::npos);
  CHECK_FALSE(q.reasons[0].en.empty());

  QuoteRequest expert = req("qinghai", "bjca", Business::New, Channel::Onsite, ApplicantKind::Person);
  CHECK(assessed(*rules, expert).eligible);
  expert.circumstances.expert_in_database = false;
  q = assessed(*rules, expert);
  CHECK(reason_codes(q) == std::vector<std::string>{"expert_not_in_database"});
  CHECK(q.reasons[0].zh.find("专家库") != std::string::npos);
  expert.circumstances.registered = false;  // 主体入库 concerns units, not experts
  CHECK(reason_codes(assessed(*rules, expert)) == std::vector<std::string>{"expert_not_in_database"});

  // One master key per unit is a limit across orders (counted by the desk), listed on the quote.
  QuoteRequest master = req("qinghai", "hbca", Business::New);
  const auto limits = rules->limits_for(master);
  REQUIRE(limits.size() == 1);
  CHECK(limits[0].code == "one_master_key");
  CHECK(limits[0].across == LimitAcross::Region);
  CHECK(limits[0].zh.find("1把主锁") != std::string::npos);
  master.key = KeyType::Secondary;  // any number of secondary keys
  CHECK(rules->limits_for(master).empty());

  for (const Business b : {Business::Renew, Business::Change}) {
    QuoteRequest bid = with_expiry(req("qinghai", "bjca", b), "2024-06-20");
    CHECK(assessed(*rules, bid).eligible);
    bid.circumstances.open_bid = true;
    q = assessed(*rules, bid);
    CHECK(reason_codes(q) == std::vector<std::string>{"bidding_lock"});
  }
  QuoteRequest lost = req("qinghai", "bjca", Business::ReissueLost);
  lost.circumstances.open_bid = true;
  CHECK(assessed(*rules, lost).eligible);

  QuoteRequest jscca = with_expiry(req("qinghai", "bjca", Business::Renew), "2024-06-20");
  jscca.circumstances.former_ca = "jscca";
  // "原江苏CA数字证书，按初次办理所需资料提供“相关资料”": the materials of a new application, not a
  // refusal (audit C7).
  CHECK(assessed(*rules, jscca).eligible);
  const Quote items = materials_of(*rules, jscca);
  CHECK(material(items, "seal_collection_form").stamped);
}

TEST_CASE("qinghai: validity from today, from the old expiry or kept") {
  const auto rules = region("qinghai");
  auto v = validity_of(*rules, req("qinghai", "bjca", Business::New), 2);
  REQUIRE(v);
  CHECK(v->basis == "today");
  CHECK(v->not_before == day("2024-06-01"));
  CHECK(v->not_after == day("2026-06-01"));

  v = validity_of(*rules, with_expiry(req("qinghai", "bjca", Business::Renew), "2024-06-20"), 1);
  REQUIRE(v);
  CHECK(v->basis == "old_expiry");
  CHECK(v->not_after == day("2025-06-20"));
  v = validity_of(*rules, with_expiry(req("qinghai", "bjca", Business::Renew), "2024-05-01"), 2);
  REQUIRE(v);
  CHECK(v->basis == "today");
  CHECK(v->not_after == day("2026-06-01"));

  for (const Business b : {Business::ReissueLost, Business::ReissueDamaged}) {
    v = validity_of(*rules, with_expiry(req("qinghai", "hbca", b), "2024-12-31"));
    REQUIRE(v);
    CHECK(v->basis == "kept");
    CHECK(v->not_before == day("2023-01-01"));
    CHECK(v->not_after == day("2024-12-31"));
  }
}

TEST_CASE("qinghai: materials for units, experts, delegation and the original key") {
  const auto rules = region("qinghai");
  Quote q = materials_of(*rules, req("qinghai", "bjca", Business::New));
  CHECK(codes(q) == std::vector<std::string>{"legal_rep_authorisation", "id_copies", "application_form",
                                             "seal_collection_form", "service_commitment"});
  for (const auto& m : q.materials) CHECK(m.stamped);
  CHECK(material(q, "application_form").name == "单位数字证书申请表");
  CHECK(material(q, "service_commitment").name == "青海省公共资源交易数字证书服务责任书");
  // Change and both reissues: the same materials as a new certificate, online too.
  CHECK(codes(materials_of(*rules, req("qinghai", "bjca", Business::ReissueDamaged, Channel::Online))) == codes(q));

  QuoteRequest expert = req("qinghai", "hbca", Business::New, Channel::Onsite, ApplicantKind::Person);
  q = materials_of(*rules, expert);
  CHECK(codes(q) == std::vector<std::string>{"holder_id_copy", "application_form", "seal_collection_form",
                                             "service_commitment"});
  for (const auto& m : q.materials) {
    CHECK(m.signed_by_hand);
    CHECK_FALSE(m.stamped);
  }
  expert.circumstances.delegated = true;
  q = materials_of(*rules, expert);
  const MaterialLine& delegation = material(q, "delegation");
  CHECK(delegation.name.find("个人业务办理委托书") != std::string::npos);
  CHECK(delegation.original_shown);

  // Renewal at the counter: no seal collection form, plus the original UKey; online: nothing.
  q = materials_of(*rules, with_expiry(req("qinghai", "bjca", Business::Renew), "2024-06-20"));
  CHECK(codes(q) == std::vector<std::string>{"legal_rep_authorisation", "id_copies", "application_form",
                                             "service_commitment", "original_ukey"});
  CHECK(material(q, "original_ukey").original_shown);
  CHECK(materials_of(*rules, req("qinghai", "bjca", Business::Renew, Channel::Online)).materials.empty());
  CHECK(codes(materials_of(*rules, req("qinghai", "bjca", Business::Unlock))) == std::vector<std::string>{"original_ukey"});
  CHECK(materials_of(*rules, req("qinghai", "bjca", Business::Unlock, Channel::Online)).materials.empty());
}

// ------------------------------------------------------------------------------------------------
// guangdong (seed 002)
// ------------------------------------------------------------------------------------------------

TEST_CASE("guangdong: NETCA only, every fee unpriced") {
  const auto rules = region("guangdong");
  CHECK(rules->accepted_cas() == std::vector<std::string>{"netca"});
  CHECK(rules->offers(Business::Add));
  check_unpriced(fee_of(*rules, req("guangdong", "netca", Business::New)), "certificate", "guangdong.lua");
  check_unpriced(fee_of(*rules, req("guangdong", "netca", Business::Add, Channel::Online)), "certificate", "guangdong.lua");
  const Quote mail = fee_of(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::Mail), "2024-05-01"));
  REQUIRE(mail.fee.items.size() == 2);
  CHECK(mail.fee.items[1].code == "courier");
  check_unpriced(mail, "renewal", "guangdong.lua");
}

TEST_CASE("guangdong: channels and refusals") {
  const auto rules = region("guangdong");
  // Not expired: renewal in the NETCA client (self-service). Expired: counter or mail only.
  CHECK(assessed(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::SelfService), "2024-06-20")).eligible);
  Quote q = assessed(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::SelfService), "2024-05-01"));
  CHECK(reason_codes(q) == std::vector<std::string>{"expired_renew_self_service"});
  CHECK(assessed(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::Mail), "2024-05-01")).eligible);
  // The guide publishes no renewal window.
  CHECK(assessed(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::SelfService), "2025-05-01")).eligible);

  QuoteRequest unlock = req("guangdong", "netca", Business::Unlock, Channel::SelfService);
  CHECK(assessed(*rules, unlock).eligible);
  unlock.circumstances.agent_changed = true;
  CHECK(reason_codes(assessed(*rules, unlock)) == std::vector<std::string>{"agent_changed_unlock"});
  unlock.channel = Channel::Onsite;
  CHECK(assessed(*rules, unlock).eligible);

  // "此办理方式须已有同名网证通有效数字证书进行签名，如果未有数字证书或者数字证书已过期，请按照上述第一种方式办理"
  QuoteRequest add = req("guangdong", "netca", Business::Add, Channel::Online);
  CHECK(reason_codes(assessed(*rules, add)) == std::vector<std::string>{"add_without_certificate"});
  CHECK(assessed(*rules, with_expiry(add, "2024-06-20")).eligible);
  CHECK(reason_codes(assessed(*rules, with_expiry(add, "2024-05-01"))) == std::vector<std::string>{"add_needs_valid_certificate"});

  // Channels the guide gives no business on are not offered (route refuses them).
  CHECK_FALSE(rules->offered("netca", Business::New, Channel::Online, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("netca", Business::Add, Channel::Onsite, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("netca", Business::Change, Channel::Online, ApplicantKind::Org));
  CHECK_FALSE(rules->offered("netca", Business::Renew, Channel::Online, ApplicantKind::Org));
  CHECK(rules->offered("netca", Business::Revoke, Channel::Mail, ApplicantKind::Org));  // the form's 注销 (audit C8)
}

TEST_CASE("guangdong: materials with copies, seals, signatures, originals and the remittance slip") {
  const auto rules = region("guangdong");
  Quote q = materials_of(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::Mail), "2024-05-01"));
  CHECK(codes(q) == std::vector<std::string>{"application_form", "business_licence_copy", "agent_id_copy",
                                             "original_usbkey", "remittance_slip_copy"});
  const MaterialLine& form = material(q, "application_form");
  CHECK(form.name == "《数字证书及电子印章申请表》");
  CHECK(form.copies == 2);
  CHECK(form.stamped);
  CHECK(form.signed_by_hand);
  CHECK_FALSE(material(q, "business_licence_copy").original_shown);  // by mail: the copy only
  CHECK(material(q, "original_usbkey").original_shown);
  CHECK(material(q, "remittance_slip_copy").name == "汇款单复印件");

  q = materials_of(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::Onsite), "2024-05-01"));
  CHECK(material(q, "business_licence_copy").original_shown);  // onsite: original shown too
  CHECK(material(q, "agent_id_copy").original_shown);
  const auto onsite_codes = codes(q);
  CHECK(std::find(onsite_codes.begin(), onsite_codes.end(), "remittance_slip_copy") == onsite_codes.end());
  CHECK(materials_of(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::SelfService), "2024-06-20"))
            .materials.empty());

  q = materials_of(*rules, req("guangdong", "netca", Business::Change, Channel::Onsite));
  CHECK(codes(q) == std::vector<std::string>{"application_form", "business_licence_copy", "agent_id_copy",
                                             "change_record_copy", "original_usbkey"});
  CHECK(material(q, "change_record_copy").stamped);

  q = materials_of(*rules, req("guangdong", "netca", Business::ReissueLost, Channel::Mail));
  CHECK(codes(q) == std::vector<std::string>{"application_form", "business_licence_copy", "agent_id_copy",
                                             "remittance_slip_copy"});

  q = materials_of(*rules, req("guangdong", "netca", Business::New, Channel::Mail));
  CHECK(codes(q) == std::vector<std::string>{"application_form", "business_licence", "agent_id", "payment_proof"});
  CHECK(material(q, "business_licence").stamped);
}

TEST_CASE("guangdong: validity from today, the old expiry or kept, with no end date: the period is not published") {
  const auto rules = region("guangdong");
  CHECK_FALSE(rules->years_published());
  CHECK(rules->allowed_years().empty());
  const auto fresh = validity_of(*rules, req("guangdong", "netca", Business::New), 0);
  REQUIRE(fresh);
  CHECK(fresh->basis == "today");
  CHECK(fresh->not_before == day("2024-06-01"));
  CHECK_FALSE(fresh->not_after);
  CHECK_THAT(fresh->not_published, Catch::Matchers::Contains("guangdong.lua:"));
  CHECK(validity_of(*rules, req("guangdong", "netca", Business::Add, Channel::Online), 0)->basis == "today");
  const auto renewed = validity_of(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::SelfService), "2024-06-20"), 0);
  CHECK(renewed->basis == "old_expiry");
  CHECK_FALSE(renewed->not_after);
  CHECK(validity_of(*rules, with_expiry(req("guangdong", "netca", Business::Renew, Channel::Mail), "2024-05-01"), 0)->basis ==
        "today");
  // A reissue keeps the old dates, which are known.
  const auto kept = validity_of(*rules, with_expiry(req("guangdong", "netca", Business::ReissueDamaged), "2024-12-31"), 0);
  CHECK(kept->basis == "kept");
  CHECK(kept->not_after == day("2024-12-31"));
  CHECK(kept->not_published.empty());
}

// ------------------------------------------------------------------------------------------------
// neimenggu (seed 004)
// ------------------------------------------------------------------------------------------------

TEST_CASE("neimenggu: five CAs, CFCA's 1, 2 or 4 years, SNCA's one, no period published by the others") {
  const auto rules = region("neimenggu");
  CHECK(rules->accepted_cas() == std::vector<std::string>{"nmgca", "snca", "szca", "cfca", "bjca"});
  CHECK_FALSE(rules->years_published());
  CHECK(rules->allowed_years("cfca") == std::vector<int>{1, 2, 4});
  CHECK(rules->allowed_years("snca") == std::vector<int>{1});
  for (const char* ca : {"nmgca", "szca", "bjca"}) CHECK_FALSE(rules->years_published(ca));
  CHECK(rules->serves(ApplicantKind::OrgPerson));
}

TEST_CASE("neimenggu: CFCA's table from 2021-03-01, per validity years") {
  const auto rules = region("neimenggu");
  const std::pair<int, Fen> new_fees[] = {{1, 25000}, {2, 45000}, {4, 85000}};
  const std::pair<int, Fen> renew_fees[] = {{1, 20000}, {2, 40000}, {4, 80000}};
  for (const auto& [years, fen] : new_fees) {
    QuoteRequest r = req("neimenggu", "cfca", Business::New);
    r.today = day("2021-03-01");
    CHECK(fee_of(*rules, r, years).fee.total_fen == fen);
    r.today = day("2021-02-28");  // before the first version: unpriced, never a guess
    check_unpriced(fee_of(*rules, r, years), "certificate", "neimenggu.lua");
  }
  for (const auto& [years, fen] : renew_fees) {
    QuoteRequest r = with_expiry(req("neimenggu", "cfca", Business::Renew), "2024-06-20");
    CHECK(fee_of(*rules, r, years).fee.total_fen == fen);
  }
  CHECK(fee_of(*rules, req("neimenggu", "cfca", Business::ReissueLost)).fee.total_fen == 5000);
  CHECK(fee_of(*rules, req("neimenggu", "cfca", Business::ReissueDamaged)).fee.total_fen == 5000);
  check_unpriced(fee_of(*rules, req("neimenggu", "cfca", Business::Change, Channel::Online)), "change", "neimenggu.lua");
}

TEST_CASE("neimenggu: SNCA 300 for the first year, 260 a year after, free online unlock and change") {
  const auto rules = region("neimenggu");
  CHECK(fee_of(*rules, req("neimenggu", "snca", Business::New), 1).fee.total_fen == 30000);
  CHECK(fee_of(*rules, req("neimenggu", "snca", Business::New), 0).fee.total_fen == 30000);  // its default year
  const QuoteRequest renew = with_expiry(req("neimenggu", "snca", Business::Renew), "2024-06-20");
  CHECK(fee_of(*rules, renew, 1).fee.total_fen == 26000);
  CHECK(fee_of(*rules, req("neimenggu", "snca", Business::Unlock, Channel::Online)).fee.total_fen == 0);
  check_unpriced(fee_of(*rules, req("neimenggu", "snca", Business::Unlock, Channel::Onsite)), "unlock", "neimenggu.lua");
  // "提供免费的在线解锁、证书变更等业务": free online only (audit I8).
  CHECK(fee_of(*rules, req("neimenggu", "snca", Business::Change, Channel::Online)).fee.total_fen == 0);
  check_unpriced(fee_of(*rules, req("neimenggu", "snca", Business::Change, Channel::Onsite)), "change", "neimenggu.lua");
  check_unpriced(fee_of(*rules, req("neimenggu", "snca", Business::ReissueLost)), "reissue", "neimenggu.lua");
}

TEST_CASE("neimenggu: CAs that publish no fee are unpriced") {
  const auto rules = region("neimenggu");
  for (const char* ca : {"nmgca", "szca", "bjca"}) {
    INFO(ca);
    check_unpriced(fee_of(*rules, req("neimenggu", ca, Business::New, Channel::Online)), "certificate", "neimenggu.lua");
  }
  for (const char* ca : {"nmgca", "bjca"}) {  // SZCA offers new only
    INFO(ca);
    check_unpriced(fee_of(*rules, with_expiry(req("neimenggu", ca, Business::Renew, Channel::Online), "2024-06-20")),
                   "renewal", "neimenggu.lua");
    check_unpriced(fee_of(*rules, req("neimenggu", ca, Business::ReissueLost, Channel::Online)), "reissue", "neimenggu.lua");
  }
  check_unpriced(fee_of(*rules, req("neimenggu", "bjca", Business::Unlock, Channel::Online)), "unlock", "neimenggu.lua");
}

TEST_CASE("neimenggu: registration refusal and the SNCA and BJCA 30-day renewal window") {
  const auto rules = region("neimenggu");
  QuoteRequest r = req("neimenggu", "cfca", Business::New);
  CHECK(assessed(*rules, r).eligible);
  r.circumstances.registered = false;
  const Quote q = assessed(*rules, r);
  CHECK(reason_codes(q) == std::vector<std::string>{"not_registered"});
  CHECK(q.reasons[0].zh.find("内蒙古自治区政府采购网") != std::string::npos);
  // Today is 2024-06-01: 31 days before 2024-07-02, 30 before 2024-07-01.
  for (const char* ca : {"snca", "bjca"}) {
    INFO(ca);
    CHECK(reason_codes(assessed(*rules, with_expiry(req("neimenggu", ca, Business::Renew), "2024-07-02"))) ==
          std::vector<std::string>{"renewal_window"});
    CHECK(assessed(*rules, with_expiry(req("neimenggu", ca, Business::Renew), "2024-07-01")).eligible);
  }
  // CFCA, NMGCA and SZCA publish no window.
  for (const char* ca : {"cfca", "nmgca", "szca"})
    CHECK(assessed(*rules, with_expiry(req("neimenggu", ca, Business::Renew), "2024-07-02")).eligible);
}

TEST_CASE("neimenggu: each CA's own materials, and SZCA's 机构个人证书") {
  const auto rules = region("neimenggu");
  // SNCA on site (audit O7): "申请表（一式三联）…法人授权委托书…印模采集表…营业执照复印件（加盖公章）".
  Quote q = materials_of(*rules, req("neimenggu", "snca", Business::New));
  CHECK(codes(q) == std::vector<std::string>{"application_form", "legal_rep_authorisation", "seal_collection_form",
                                             "business_licence_copy"});
  CHECK(material(q, "business_licence_copy").stamped);
  q = materials_of(*rules, req("neimenggu", "szca", Business::New, Channel::Online, ApplicantKind::OrgPerson));
  CHECK(codes(q) == std::vector<std::string>{"application_form", "business_licence_copy", "applicant_id_copy",
                                             "seal_collection_form"});
  CHECK(material(q, "application_form").signed_by_hand);
  CHECK(material(q, "application_form").stamped);
  CHECK(material(q, "applicant_id_copy").stamped);
}

TEST_CASE("neimenggu: validity, 4 years from today for a new certificate") {
  const auto rules = region("neimenggu");
  const auto v = validity_of(*rules, req("neimenggu", "cfca", Business::New), 4);
  REQUIRE(v);
  CHECK(v->not_after == day("2028-06-01"));
  CHECK(validity_of(*rules, with_expiry(req("neimenggu", "snca", Business::Renew), "2024-06-20"), 1)->not_after ==
        day("2025-06-20"));
  CHECK(validity_of(*rules, with_expiry(req("neimenggu", "bjca", Business::ReissueLost), "2024-12-31"))->basis == "kept");
}

// ------------------------------------------------------------------------------------------------
// jinan (seed 000)
// ------------------------------------------------------------------------------------------------

TEST_CASE("jinan: the administrator's CA list, onsite only, unpriced, the same three materials") {
  const auto rules = region("jinan");
  CHECK_FALSE(rules->years_published());
  CHECK(rules->accepted_cas() ==
        std::vector<std::string>{"bjca", "netca", "hbca", "szca", "cfca", "nmgca", "snca"});
  CHECK(rules->offers_channel(Channel::Onsite));
  CHECK_FALSE(rules->offers_channel(Channel::Online));
  for (const Business b : {Business::New, Business::Renew, Business::ReissueLost, Business::ReissueDamaged,
                           Business::Freeze, Business::Unfreeze, Business::Revoke}) {
    QuoteRequest r = req("jinan", "bjca", b);
    const Quote q = materials_of(*rules, r);
    CHECK(codes(q) == std::vector<std::string>{"application_form", "uscc_or_org_code_copy", "agent_id"});
    CHECK(material(q, "application_form").name == "《企业证书申请表》（附件2）");
    CHECK(material(q, "application_form").stamped);
    CHECK(material(q, "agent_id").original_shown);
    CHECK(material(q, "agent_id").stamped);
    CHECK(fee_of(*rules, r).fee.items.size() == 1);
    CHECK_FALSE(fee_of(*rules, r).fee.total_fen);
    CHECK(assessed(*rules, r).eligible);
    CHECK_FALSE(validity_of(*rules, r));  // no validity is published
  }
  const Quote change = materials_of(*rules, req("jinan", "bjca", Business::Change));
  CHECK(codes(change) ==
        std::vector<std::string>{"application_form", "uscc_or_org_code_copy", "agent_id", "changed_documents"});
  check_unpriced(fee_of(*rules, req("jinan", "bjca", Business::Freeze)), "freeze", "jinan.lua");
}
