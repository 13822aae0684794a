// list_materials: every matching entry, in script order, with all its attributes.
#include <catch2/catch.hpp>

#include "rule_test_support.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

const char* kMaterials = R"(material { business = { "new", "renew" }, channel = "onsite", code = "application_form", name = "《单位数字证书申请表》", copies = 2, stamped = true }
material { business = "new", code = "uscc_copy", name = "统一社会信用代码证复印件", stamped = true }
material { business = { "new", "renew" }, applicant = "person", code = "id_copy", name = "身份证复印件", signed = true, note = "正反面" }
material { business = "renew", channel = "onsite", code = "usb_key", name = "原USB Key", original = true }
material { business = "new", code = "delegation", name = "个人业务办理委托书", when = { delegated = true } }
material { business = "new", code = "authorisation", name = "法人授权委托书", stamped = true, unless = { legal_rep_in_person = true } }
)";

std::vector<std::string> codes(const Quote& q) {
  std::vector<std::string> out;
  for (const auto& m : q.materials) out.push_back(m.code);
  return out;
}

Quote materials_of(const RegionRules& rules, const QuoteRequest& r) {
  Quote q;
  rules.list_materials(RuleInput{r, 1, 0}, q);
  return q;
}

}  // namespace

TEST_CASE("materials come in script order with every attribute and their source") {
  const auto rules = load_ok(kMaterials);
  const Quote q = materials_of(*rules, request(Business::New));
  REQUIRE(codes(q) == std::vector<std::string>{"application_form", "uscc_copy", "authorisation"});
  const MaterialLine& form = q.materials[0];
  CHECK(form.name == "《单位数字证书申请表》");
  CHECK(form.copies == 2);
  CHECK(form.stamped);
  CHECK_FALSE(form.signed_by_hand);
  CHECK_FALSE(form.original_shown);
  CHECK(form.note.empty());
  CHECK(form.source == "central.lua:11");
  CHECK(q.materials[1].copies == 1);  // the default
  CHECK(q.materials[2].source == "central.lua:16");
}

TEST_CASE("materials follow business, channel, applicant and conditions") {
  const auto rules = load_ok(kMaterials);
  CHECK(codes(materials_of(*rules, request(Business::Renew))) == std::vector<std::string>{"application_form", "usb_key"});
  CHECK(materials_of(*rules, request(Business::Renew)).materials[1].original_shown);
  CHECK(codes(materials_of(*rules, request(Business::Renew, Channel::Mail))).empty());

  QuoteRequest person = request(Business::New, Channel::Online, ApplicantKind::Person);
  Quote q = materials_of(*rules, person);
  REQUIRE(codes(q) == std::vector<std::string>{"uscc_copy", "id_copy", "authorisation"});
  CHECK(q.materials[1].signed_by_hand);
  CHECK(q.materials[1].note == "正反面");

  person.circumstances.delegated = true;
  person.circumstances.legal_rep_in_person = true;
  CHECK(codes(materials_of(*rules, person)) == std::vector<std::string>{"uscc_copy", "id_copy", "delegation"});
}

TEST_CASE("materials are appended to what the quote already holds") {
  const auto rules = load_ok(kMaterials);
  Quote q;
  q.materials.push_back(MaterialLine{"earlier", "已有", 1, false, false, false, "", "plugin:bjca"});
  rules->list_materials(RuleInput{request(Business::Renew), 1, 0}, q);
  CHECK(codes(q) == std::vector<std::string>{"earlier", "application_form", "usb_key"});
}
