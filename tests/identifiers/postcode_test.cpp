#include <catch2/catch.hpp>

#include "identifiers/postcode.hpp"

using namespace cahub::identifiers;

namespace {

Reason reason_of(const CheckResult& r) {
  REQUIRE_FALSE(r.ok());
  return r.failure->reason;
}

}  // namespace

TEST_CASE("six digits are a postcode") {
  CHECK(check_postcode("510030").ok());  // Guangzhou Yuexiu, NETCA's office
  CHECK(check_postcode("000000").ok());
}

TEST_CASE("postcode failures: empty, length, letters, non-ASCII") {
  const CheckResult empty = check_postcode("");
  REQUIRE(reason_of(empty) == Reason::Empty);
  CHECK(empty.failure->message_en == "postcode is empty");
  const CheckResult short_one = check_postcode("51003");
  REQUIRE(reason_of(short_one) == Reason::Length);
  CHECK(short_one.failure->message_en == "postcode must be 6 characters, got 5");
  CHECK(short_one.failure->message_zh == "邮政编码应为6位，实际为5位");
  CHECK(reason_of(check_postcode("5100300")) == Reason::Length);
  const CheckResult letter = check_postcode("51O030");
  REQUIRE(reason_of(letter) == Reason::Character);
  CHECK_THAT(letter.failure->message_en, Catch::StartsWith("postcode character 3 is 'O'"));
  CHECK(reason_of(check_postcode("５10030")) == Reason::Character);
}
