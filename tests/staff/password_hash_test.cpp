#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "staff/password_hash.hpp"
#include "support/process.hpp"

using namespace cahub::staff;

TEST_CASE("a password verifies against its own hash and nothing else") {
  const std::string stored = hash_password("correct horse battery", 1000);
  CHECK(stored.rfind("pbkdf2-sha256$1000$", 0) == 0);
  CHECK(verify_password("correct horse battery", stored));
  CHECK_FALSE(verify_password("correct horse batterY", stored));
  CHECK_FALSE(verify_password("", stored));
  CHECK(hash_password("correct horse battery", 1000) != stored);  // a fresh salt every time
}

TEST_CASE("malformed stored hashes never verify and never throw") {
  for (const char* bad : {"", "hunter2", "pbkdf2-sha256$", "pbkdf2-sha256$1000$zz$00", "pbkdf2-sha256$10$00$00",
                          "md5$1000$00$00", "pbkdf2-sha256$99999999999$00$00", "pbkdf2-sha256$1000$00"}) {
    INFO(bad);
    CHECK_FALSE(verify_password("x", bad));
  }
}

TEST_CASE("the hash is standard PBKDF2-HMAC-SHA256, as the openssl command line computes it") {
  const std::string stored = hash_password("审核员的密码 2026", 1000);
  const std::string salt = stored.substr(19, 32);
  const std::string hash = stored.substr(52);
  const auto r = cahub::testing::run("openssl", {"kdf", "-keylen", "32", "-kdfopt", "digest:SHA256", "-kdfopt",
                                                 "pass:审核员的密码 2026", "-kdfopt", "hexsalt:" + salt, "-kdfopt",
                                                 "iter:1000", "PBKDF2"});
  REQUIRE(r.exit_code == 0);
  std::string theirs;
  for (char c : r.out)
    if (std::isxdigit(static_cast<unsigned char>(c))) theirs += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(theirs == hash);
}
