// `cahub certs import`, `certs list` and `certs expiring` on the real binary: a certificate held
// before cahub was used is recorded with its own dates and shows up for renewal reminders.
#include <catch2/catch.hpp>

#include <ctime>

#include "integration/china_dates.hpp"
#include "integration/cli_desk.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::vector<std::string> import_args(const std::string& serial, const std::string& uscc, int days_left) {
  return {"certs", "import", "--ca", "bjca", "--region", "central", "--serial", serial, "--unit-name", "福州测试有限公司",
          "--uscc", uscc, "--not-before", china_date_in(days_left - 365), "--not-after", china_date_in(days_left),
          "--medium-serial", "TK00012345"};
}

}  // namespace

TEST_CASE("a certificate held before cahub is imported and comes up for renewal") {
  CliDesk desk;
  const json imported = desk.json_as("zhao.li", import_args("5A0D01", "91350100M000100Y43", 12));
  CHECK(imported.at("status") == "active");
  CHECK(imported.at("order").is_null());
  CHECK(imported.at("medium_serial") == "TK00012345");
  const RunResult expiring = desk.cahub({"certs", "expiring", "--within", "30d"});
  CHECK_THAT(expiring.out, Contains("福州测试有限公司 (91350100M000100Y43)"));
  CHECK_THAT(expiring.out, Contains("bjca  5A0D01  master  expires " + china_date_in(12) + "  (12 days left)"));
  const RunResult listed = desk.cahub({"certs", "list", "--holder", "福州"});
  CHECK_THAT(listed.out, Contains("5A0D01"));
  CHECK_THAT(listed.out, Contains("imported"));
  CHECK(desk.cahub({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("certs import refuses a clerk, a bad USCC, unknown codes and a known serial, and writes nothing") {
  CliDesk desk;
  auto refused = [&](const RunResult& r, int exit_code, const std::string& code) {
    INFO(r.err);
    CHECK(r.exit_code == exit_code);
    CHECK_THAT(r.err, StartsWith("cahub: " + code + ": "));
  };
  refused(desk.as("wang.fang", import_args("5A0D01", "91350100M000100Y43", 12)), 6, "forbidden");
  refused(desk.as("zhao.li", import_args("5A0D01", "91350100M000100Y44", 12)), 2, "bad_uscc_check_character");
  auto unknown_ca = import_args("5A0D01", "91350100M000100Y43", 12);
  unknown_ca[3] = "acmeca";
  refused(desk.as("zhao.li", unknown_ca), 2, "unknown_ca");
  auto backwards = import_args("5A0D01", "91350100M000100Y43", 12);
  std::swap(backwards[13], backwards[15]);
  refused(desk.as("zhao.li", backwards), 2, "bad_validity");
  CHECK_THAT(desk.cahub({"certs", "list"}).out, Contains("no certificate matches"));
  REQUIRE(desk.as("zhao.li", import_args("5A0D01", "91350100M000100Y43", 12)).exit_code == 0);
  refused(desk.as("zhao.li", import_args("5A0D01", "91350100M000100Y43", 40)), 5, "certificate_exists");
  CHECK(desk.json_as("zhao.li", {"certs", "list"}).at("certificates").size() == 1);
}
