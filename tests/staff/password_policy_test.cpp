// What a new staff password must be (staff/password_policy.hpp), and the list it is checked against.
#include <catch2/catch.hpp>

#include <algorithm>

#include "staff/common_passwords.hpp"
#include "staff/password_policy.hpp"
#include "staff/staff_directory.hpp"

using namespace cahub::staff;

namespace {

std::string refusal(const std::string& login, const std::string& password) {
  try {
    check_new_password(login, password);
  } catch (const StaffError& e) {
    CHECK(e.kind() == cahub::ErrorKind::BadInput);
    return e.code();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a password needs twelve characters, counted as characters, not bytes") {
  CHECK(refusal("wang.fang", "short pass!") == "password_too_short");  // 11
  CHECK(refusal("wang.fang", "short pass!x") == "accepted");           // 12
  // Four Chinese characters are twelve bytes of UTF-8, and still four characters.
  CHECK(refusal("wang.fang", "长城长城") == "password_too_short");
  CHECK(refusal("wang.fang", "我的长城在北京西边的山上") == "accepted");
}

TEST_CASE("a password must not contain the login, whatever the case") {
  CHECK(refusal("wang.fang", "wang.fang2026!!") == "password_contains_login");
  CHECK(refusal("wang.fang", "I am WANG.Fang, hello") == "password_contains_login");
  CHECK(refusal("wang.fang", "wang fang is fine here") == "accepted");
}

TEST_CASE("twelve spaces or a two-letter pattern is refused as repetitive") {
  CHECK(refusal("wang.fang", std::string(12, ' ')) == "password_repetitive");
  CHECK(refusal("wang.fang", "abababababababab") == "password_repetitive");
  CHECK(refusal("wang.fang", "aabbccddaabbccdd") == "password_repetitive");
}

TEST_CASE("a common password is refused, whatever its case or however often it is repeated") {
  CHECK(refusal("wang.fang", "1qaz2wsx3edc") == "password_common");
  CHECK(refusal("wang.fang", "QWERTY123456") == "password_common");
  CHECK(refusal("wang.fang", "sunshinesunshine") == "password_common");  // "sunshine" twice
  CHECK(refusal("wang.fang", "dragondragondragon") == "password_common");
  CHECK(is_common_password("Password"));
  CHECK_FALSE(is_common_password("correct horse battery"));
  CHECK(refusal("wang.fang", "correct horse battery") == "accepted");
}

TEST_CASE("the compiled list is zxcvbn's, lower-case and sorted for the binary search") {
  CHECK(kCommonPasswordCount > 25000);
  CHECK(std::is_sorted(kCommonPasswords, kCommonPasswords + kCommonPasswordCount));
  CHECK(std::adjacent_find(kCommonPasswords, kCommonPasswords + kCommonPasswordCount) ==
        kCommonPasswords + kCommonPasswordCount);
  CHECK(std::none_of(kCommonPasswords, kCommonPasswords + kCommonPasswordCount, [](std::string_view p) {
    return std::any_of(p.begin(), p.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }));
  // The head of the list, as the package ships it.
  for (const char* p : {"123456", "password", "qwerty", "iloveyou", "trustno1"})
    CHECK(std::binary_search(kCommonPasswords, kCommonPasswords + kCommonPasswordCount, std::string_view(p)));
}
