#include <catch2/catch.hpp>

#include <string>

#include "identifiers/org_code.hpp"
#include "reference_checks.hpp"

using namespace cahub::identifiers;

namespace {

Reason reason_of(const CheckResult& r) {
  REQUIRE_FALSE(r.ok());
  return r.failure->reason;
}

// The first generated body whose check character is `wanted`, so that the X and 0 cases of the
// standard (c = 10 and c = 11) are exercised for certain.
std::string body_with_check(char wanted) {
  reference::Lcg random;
  for (;;) {
    std::string body;
    for (int i = 0; i < 8; ++i) body += "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[random.below(36)];
    if (reference::org_code_check(body) == wanted) return body;
  }
}

}  // namespace

TEST_CASE("the organisation code inside a published USCC is valid") {
  CHECK(check_org_code("M000100Y4").ok());
  CHECK(org_code_check_character("M000100Y") == '4');
}

TEST_CASE("the organisation code check agrees with the reference, including X and 0") {
  reference::Lcg random;
  for (int n = 0; n < 2000; ++n) {
    std::string body;
    for (int i = 0; i < 8; ++i) body += "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[random.below(36)];
    const std::string code = body + reference::org_code_check(body);
    INFO(code);
    CHECK(org_code_check_character(body) == code.back());
    CHECK(check_org_code(code).ok());
  }
  const std::string x_body = body_with_check('X');
  CHECK(org_code_check_character(x_body) == 'X');
  CHECK(check_org_code(x_body + "X").ok());
  const std::string zero_body = body_with_check('0');
  CHECK(org_code_check_character(zero_body) == '0');
  CHECK(check_org_code(zero_body + "0").ok());
}

TEST_CASE("a wrong organisation code check character names the expected one") {
  const CheckResult r = check_org_code("M000100Y5");
  REQUIRE(reason_of(r) == Reason::CheckCharacter);
  CHECK_THAT(r.failure->message_en, Catch::StartsWith("organisation code check character should be '4', got '5'"));
  CHECK_THAT(r.failure->message_zh, Catch::StartsWith("组织机构代码校验码应为“4”"));
}

TEST_CASE("an organisation code written with its hyphen is refused with the plain form") {
  const CheckResult r = check_org_code("M000100Y-4");
  REQUIRE(reason_of(r) == Reason::Length);
  CHECK_THAT(r.failure->message_en, Catch::Contains("without the hyphen: 'M000100Y4'"));
  CHECK_THAT(r.failure->message_zh, Catch::Contains("“M000100Y4”"));
}

TEST_CASE("organisation code failures: empty, length, character, lower case, non-ASCII") {
  CHECK(reason_of(check_org_code("")) == Reason::Empty);
  const CheckResult short_one = check_org_code("M000100Y");
  CHECK(reason_of(short_one) == Reason::Length);
  CHECK(short_one.failure->message_en == "organisation code must be 9 characters, got 8");
  CHECK(reason_of(check_org_code("M000100Y45")) == Reason::Length);
  const CheckResult dash = check_org_code("M00_100Y4");
  REQUIRE(reason_of(dash) == Reason::Character);
  CHECK_THAT(dash.failure->message_en, Catch::StartsWith("organisation code character 4 is '_'"));
  const CheckResult lower = check_org_code("m000100y4");
  REQUIRE(reason_of(lower) == Reason::LowerCase);
  CHECK_THAT(lower.failure->message_en, Catch::Contains("'M000100Y4'"));
  CHECK(reason_of(check_org_code("\xEF\xBC\xAD" "000100Y4")) == Reason::Character);  // full-width Ｍ
}

TEST_CASE("org_code_check_character refuses what is not 8 digits or capitals") {
  CHECK_FALSE(org_code_check_character("M000100"));
  CHECK_FALSE(org_code_check_character("m000100Y"));
}
