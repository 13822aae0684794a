#include <catch2/catch.hpp>

#include <string>

#include "reference_checks.hpp"
#include "identifiers/resident_id.hpp"

using namespace cahub::identifiers;

namespace {

// A number from an address code, a birth date (YYYYMMDD), a sequence, and the reference check.
std::string id_from(std::string_view address, std::string_view birth, std::string_view sequence) {
  const std::string first17 = std::string(address) + std::string(birth) + std::string(sequence);
  return first17 + reference::resident_id_check(first17);
}

Reason reason_of(const CheckResult& r) {
  REQUIRE_FALSE(r.ok());
  return r.failure->reason;
}

}  // namespace

TEST_CASE("the GB 11643 sample number is valid and carries its birth date") {
  // The example of GB 11643-1999 itself: Beijing Chaoyang, born 1949-12-31, check X.
  CHECK(check_resident_id("11010519491231002X").ok());
  CHECK(resident_id_check_character("11010519491231002") == 'X');
  const auto birth = resident_id_birth_date("11010519491231002X");
  REQUIRE(birth);
  CHECK(birth->iso() == "1949-12-31");
}

TEST_CASE("the resident ID check character agrees with ISO 7064 MOD 11-2 in its recursive form") {
  reference::Lcg random;
  for (int n = 0; n < 2000; ++n) {
    std::string first17;
    for (int i = 0; i < 17; ++i) first17 += static_cast<char>('0' + random.below(10));
    INFO(first17);
    CHECK(resident_id_check_character(first17) == reference::resident_id_check(first17));
  }
  // With real birth dates, the whole check passes.
  for (std::string_view birth : {"19000101", "19800615", "20000229", "20241231"}) {
    const std::string id = id_from("440106", birth, "123");
    INFO(id);
    CHECK(check_resident_id(id).ok());
  }
}

TEST_CASE("30 February in an ID number is refused as a birth date, not as a check failure") {
  const std::string id = id_from("110105", "20230230", "123");  // check character is right
  const CheckResult r = check_resident_id(id);
  REQUIRE(reason_of(r) == Reason::BirthDate);
  CHECK(r.failure->code() == "birth_date");
  CHECK_THAT(r.failure->message_en, Catch::Contains("20230230"));
  CHECK_THAT(r.failure->message_en, Catch::Contains("not a real calendar date"));
  CHECK_THAT(r.failure->message_zh, Catch::Contains("出生日期20230230不是有效日期"));
  CHECK_FALSE(resident_id_birth_date(id));
}

TEST_CASE("other impossible birth dates are refused") {
  CHECK(reason_of(check_resident_id(id_from("110105", "19000229", "123"))) == Reason::BirthDate);  // 1900 is no leap year
  CHECK(reason_of(check_resident_id(id_from("110105", "19801301", "123"))) == Reason::BirthDate);
  CHECK(reason_of(check_resident_id(id_from("110105", "19800100", "123"))) == Reason::BirthDate);
  CHECK(reason_of(check_resident_id(id_from("110105", "18991231", "123"))) == Reason::BirthDate);
}

TEST_CASE("a wrong resident ID check character names the expected one") {
  const CheckResult r = check_resident_id("110105194912310021");
  REQUIRE(reason_of(r) == Reason::CheckCharacter);
  CHECK_THAT(r.failure->message_en, Catch::StartsWith("resident ID number check character should be 'X', got '1'"));
  CHECK_THAT(r.failure->message_zh, Catch::StartsWith("身份证号码校验码应为“X”，实际为“1”"));
}

TEST_CASE("a lower-case x is refused with the upper-case form") {
  const CheckResult r = check_resident_id("11010519491231002x");
  REQUIRE(reason_of(r) == Reason::LowerCase);
  CHECK_THAT(r.failure->message_en, Catch::Contains("'11010519491231002X'"));
}

TEST_CASE("resident ID failures: empty, length, first-generation numbers, characters, non-ASCII") {
  CHECK(reason_of(check_resident_id("")) == Reason::Empty);
  const CheckResult short_one = check_resident_id("11010519491231002");
  CHECK(reason_of(short_one) == Reason::Length);
  CHECK(short_one.failure->message_en == "resident ID number must be 18 characters, got 17");
  const CheckResult old_card = check_resident_id("110105491231002");
  REQUIRE(reason_of(old_card) == Reason::Length);
  CHECK_THAT(old_card.failure->message_en, Catch::Contains("15-digit"));
  CHECK_THAT(old_card.failure->message_zh, Catch::Contains("15位"));
  const CheckResult letter = check_resident_id("1101051949123100AX");
  REQUIRE(reason_of(letter) == Reason::Character);
  CHECK_THAT(letter.failure->message_en, Catch::StartsWith("resident ID number character 17 is 'A'"));
  const CheckResult last = check_resident_id("11010519491231002Y");
  REQUIRE(reason_of(last) == Reason::Character);
  CHECK_THAT(last.failure->message_en, Catch::Contains("digit or X"));
  CHECK(reason_of(check_resident_id("1101051949123100２X")) == Reason::Character);  // full-width ２
}
