#include <catch2/catch.hpp>

#include "identifiers/mobile.hpp"

using namespace cahub::identifiers;

namespace {

Reason reason_of(const CheckResult& r) {
  REQUIRE_FALSE(r.ok());
  return r.failure->reason;
}

}  // namespace

TEST_CASE("an 11-digit number starting with 1 is a mobile number") {
  CHECK(check_mobile("13800138000").ok());
  CHECK(check_mobile("19912345678").ok());
}

TEST_CASE("a mobile number must start with 1") {
  const CheckResult r = check_mobile("23800138000");
  REQUIRE(reason_of(r) == Reason::Prefix);
  CHECK(r.failure->code() == "prefix");
  CHECK(r.failure->message_en == "mobile number must start with 1, got '2'");
  CHECK(r.failure->message_zh == "手机号码应以1开头，实际为“2”");
}

TEST_CASE("a mobile number with a country code says to drop it") {
  for (const char* text : {"+8613800138000", "8613800138000"}) {
    const CheckResult r = check_mobile(text);
    REQUIRE(reason_of(r) == Reason::Length);
    CHECK_THAT(r.failure->message_en, Catch::Contains("without the country code"));
  }
}

TEST_CASE("mobile failures: empty, length, separators, letters, non-ASCII") {
  CHECK(reason_of(check_mobile("")) == Reason::Empty);
  const CheckResult short_one = check_mobile("1380013800");
  REQUIRE(reason_of(short_one) == Reason::Length);
  CHECK(short_one.failure->message_en == "mobile number must be 11 characters, got 10");
  CHECK(reason_of(check_mobile("138001380001")) == Reason::Length);
  const CheckResult spaced = check_mobile("138 0013 8000");
  REQUIRE(reason_of(spaced) == Reason::Character);
  CHECK_THAT(spaced.failure->message_en, Catch::StartsWith("mobile number character 4 is a space"));
  const CheckResult dashed = check_mobile("138-0013800");
  REQUIRE(reason_of(dashed) == Reason::Character);
  CHECK_THAT(dashed.failure->message_en, Catch::StartsWith("mobile number character 4 is '-'"));
  CHECK(reason_of(check_mobile("1380013800O")) == Reason::Character);
  CHECK(reason_of(check_mobile("１3800138000")) == Reason::Character);
}
