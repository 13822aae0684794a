#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "reference_checks.hpp"
#include "identifiers/uscc.hpp"

using namespace cahub::identifiers;

namespace {

// A USCC from its first 17 characters and the reference check character.
std::string uscc_from(std::string_view first17) { return std::string(first17) + reference::uscc_check(first17); }

Reason reason_of(const CheckResult& r) {
  REQUIRE_FALSE(r.ok());
  return r.failure->reason;
}

}  // namespace

TEST_CASE("a published USCC is valid") {
  // The code of a Fuzhou company as printed on its business licence.
  CHECK(check_uscc("91350100M000100Y43").ok());
  CHECK(uscc_check_character("91350100M000100Y4") == '3');
}

TEST_CASE("the USCC check character agrees with the reference for many generated numbers") {
  reference::Lcg random;
  for (int n = 0; n < 2000; ++n) {
    std::string first17;
    for (int i = 0; i < 17; ++i) first17 += reference::uscc_alphabet[random.below(31)];
    const std::string uscc = uscc_from(first17);
    INFO(uscc);
    CHECK(uscc_check_character(first17) == uscc.back());
    CHECK(check_uscc(uscc).ok());
  }
}

TEST_CASE("every single mistyped USCC character is caught") {
  const std::string valid = "91350100M000100Y43";
  for (std::size_t i = 0; i < valid.size(); ++i)
    for (char c : reference::uscc_alphabet) {
      if (c == valid[i]) continue;
      std::string typo = valid;
      typo[i] = c;
      INFO(typo);
      CHECK_FALSE(check_uscc(typo).ok());
    }
}

TEST_CASE("a wrong USCC check character names the expected one") {
  const CheckResult r = check_uscc("91350100M000100Y44");
  REQUIRE(reason_of(r) == Reason::CheckCharacter);
  CHECK(r.failure->code() == "check_character");
  CHECK_THAT(r.failure->message_en, Catch::StartsWith("USCC check character should be '3', got '4'"));
  CHECK_THAT(r.failure->message_zh, Catch::Contains("校验码应为“3”，实际为“4”"));
}

TEST_CASE("an empty USCC is refused as empty") {
  const CheckResult r = check_uscc("");
  CHECK(reason_of(r) == Reason::Empty);
  CHECK(r.failure->message_en == "USCC is empty");
  CHECK(r.failure->message_zh == "统一社会信用代码为空");
}

TEST_CASE("a USCC of the wrong length says how long it is") {
  const CheckResult short_one = check_uscc("91350100M000100Y4");
  CHECK(reason_of(short_one) == Reason::Length);
  CHECK(short_one.failure->message_en == "USCC must be 18 characters, got 17");
  CHECK(short_one.failure->message_zh == "统一社会信用代码应为18位，实际为17位");
  CHECK(reason_of(check_uscc("91350100M000100Y433")) == Reason::Length);
  CHECK(reason_of(check_uscc("9")) == Reason::Length);
}

TEST_CASE("USCC letters I, O, S, V and Z are refused with their position") {
  for (char excluded : std::string("IOSVZ")) {
    std::string text = "91350100M000100Y43";
    text[8] = excluded;
    const CheckResult r = check_uscc(text);
    REQUIRE(reason_of(r) == Reason::Character);
    CHECK_THAT(r.failure->message_en, Catch::StartsWith(std::string("USCC character 9 is '") + excluded + "'"));
    CHECK_THAT(r.failure->message_zh, Catch::Contains("第9位"));
  }
  CHECK(reason_of(check_uscc("91350100M000100Y4-")) == Reason::Character);
}

TEST_CASE("a lower-case USCC is refused with the upper-case form") {
  const CheckResult r = check_uscc("91350100m000100y43");
  REQUIRE(reason_of(r) == Reason::LowerCase);
  CHECK(r.failure->code() == "lower_case");
  CHECK_THAT(r.failure->message_en, Catch::Contains("'91350100M000100Y43'"));
  CHECK_THAT(r.failure->message_zh, Catch::Contains("“91350100M000100Y43”"));
}

TEST_CASE("non-ASCII input in a USCC is refused at the right character position") {
  // A full-width ９ (U+FF19, three bytes in UTF-8) pasted from a Chinese document.
  const CheckResult full_width = check_uscc("\xEF\xBC\x99" "1350100M000100Y43");
  REQUIRE(reason_of(full_width) == Reason::Character);
  CHECK_THAT(full_width.failure->message_en, Catch::StartsWith("USCC character 1 is '\xEF\xBC\x99'"));
  CHECK_THAT(full_width.failure->message_en, Catch::Contains("full-width"));

  // Positions count characters, not bytes: 统 is 3 bytes but one character.
  const CheckResult chinese = check_uscc("91\xE7\xBB\x9F" "50100M000100Y43");
  REQUIRE(reason_of(chinese) == Reason::Character);
  CHECK_THAT(chinese.failure->message_en, Catch::StartsWith("USCC character 3 is"));

  // Bytes that are not UTF-8 are described, never echoed.
  const CheckResult broken = check_uscc("9135\xFF" "0100M000100Y43");
  REQUIRE(reason_of(broken) == Reason::Character);
  CHECK_THAT(broken.failure->message_en, Catch::Contains("not valid UTF-8"));
  CHECK(broken.failure->message_en.find('\xFF') == std::string::npos);
  const CheckResult truncated = check_uscc("91350100M000100Y4\xE7\xBB");
  CHECK(reason_of(truncated) == Reason::Character);
}

TEST_CASE("byte sequences that only look like UTF-8 are described, never echoed") {
  // Found by tests/fuzz/identifiers.cpp: an overlong form, a UTF-16 surrogate and a code point
  // past U+10FFFF were echoed into the message, which the JSON writer of GET /v1/identifiers
  // then refused (a 500 instead of the answer).
  for (const std::string bad : {"\xE0\x8F\xB7", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x80\x80\x80", "\xC0\xAF"}) {
    CAPTURE(bad);
    const CheckResult r = check_uscc("91" + bad + "50100M000100Y43");
    REQUIRE(reason_of(r) == Reason::Character);
    CHECK_THAT(r.failure->message_en, Catch::Contains("not valid UTF-8"));
    CHECK(r.failure->message_en.find(bad) == std::string::npos);
    CHECK_NOTHROW(nlohmann::json{{"message", r.failure->message_en}, {"message_zh", r.failure->message_zh}}.dump());
  }
  // The highest code point and the ones beside the surrogates are still echoed: they are text.
  for (const std::string good : {"\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80", "\xE0\xA0\x80", "\xF0\x90\x80\x80"}) {
    CAPTURE(good);
    const CheckResult r = check_uscc("91" + good + "50100M000100Y43");
    REQUIRE(reason_of(r) == Reason::Character);
    CHECK_THAT(r.failure->message_en, Catch::Contains("'" + good + "', not an ASCII character"));
  }
}

TEST_CASE("spaces and control characters in a USCC are named, not counted as length") {
  const CheckResult r = check_uscc("91350100M000100Y43 ");
  REQUIRE(reason_of(r) == Reason::Character);
  CHECK_THAT(r.failure->message_en, Catch::StartsWith("USCC character 19 is a space"));
  const CheckResult tab = check_uscc("9135\t0100M000100Y43");
  REQUIRE(reason_of(tab) == Reason::Character);
  CHECK_THAT(tab.failure->message_en, Catch::Contains("control character (0x09)"));
  CHECK(reason_of(check_uscc(std::string("9135\0" "0100M000100Y43", 18))) == Reason::Character);
}

TEST_CASE("the embedded organisation code is characters 9 to 17") {
  CHECK(embedded_org_code("91350100M000100Y43") == "M000100Y4");
  CHECK(embedded_org_code("short").empty());
  CHECK(check_embedded_org_code("91350100M000100Y43").ok());
}

TEST_CASE("a USCC whose embedded organisation code does not check is still a valid USCC") {
  // Same unit code with a wrong org-code check digit (5 instead of 4), USCC check recomputed.
  const std::string uscc = uscc_from("91350100M000100Y5");
  REQUIRE(check_uscc(uscc).ok());
  const CheckResult r = check_embedded_org_code(uscc);
  REQUIRE(reason_of(r) == Reason::OrgCode);
  CHECK(r.failure->code() == "org_code");
  CHECK_THAT(r.failure->message_en, Catch::Contains("'M000100Y5'"));
  CHECK_THAT(r.failure->message_en, Catch::Contains("should be '4', got '5'"));
  CHECK_THAT(r.failure->message_zh, Catch::Contains("组织机构代码"));
}

TEST_CASE("the embedded organisation code check reports an invalid USCC as such") {
  CHECK(reason_of(check_embedded_org_code("91350100M000100Y44")) == Reason::CheckCharacter);
  CHECK(reason_of(check_embedded_org_code("")) == Reason::Empty);
}

TEST_CASE("uscc_check_character refuses what is not 17 USCC characters") {
  CHECK_FALSE(uscc_check_character("91350100M000100Y"));
  CHECK_FALSE(uscc_check_character("91350100M000100YI"));
  CHECK_FALSE(uscc_check_character(""));
}

TEST_CASE("reason codes are stable wire strings") {
  CHECK(reason_code(Reason::Empty) == "empty");
  CHECK(reason_code(Reason::Length) == "length");
  CHECK(reason_code(Reason::Character) == "character");
  CHECK(reason_code(Reason::LowerCase) == "lower_case");
  CHECK(reason_code(Reason::CheckCharacter) == "check_character");
  CHECK(reason_code(Reason::BirthDate) == "birth_date");
  CHECK(reason_code(Reason::Prefix) == "prefix");
  CHECK(reason_code(Reason::OrgCode) == "org_code");
}
