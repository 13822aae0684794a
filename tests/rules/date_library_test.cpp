// The `date` table: day arithmetic on ISO strings, with clear errors for bad input.
#include <string>

#include <catch2/catch.hpp>

#include "rules/lua_sandbox.hpp"

using namespace cahub::rules;

namespace {

std::string value_of(LuaSandbox& sandbox, const std::string& source) {
  std::string result;
  const CallOutcome outcome = sandbox.execute("dates.lua", source, &result);
  INFO(outcome.text());
  REQUIRE(outcome.ok());
  return result;
}

std::string error_of(LuaSandbox& sandbox, const std::string& source) {
  const CallOutcome outcome = sandbox.execute("dates.lua", source);
  REQUIRE(outcome.failure == ScriptFailure::Runtime);
  return outcome.text();
}

}  // namespace

TEST_CASE("date.add_days counts calendar days across months and leap days") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "return date.add_days('2024-01-31', 30)") == "2024-03-01");
  CHECK(value_of(sandbox, "return date.add_days('2024-03-01', -1)") == "2024-02-29");
  CHECK(value_of(sandbox, "return date.add_days('2023-03-01', -1)") == "2023-02-28");
  CHECK(value_of(sandbox, "return date.add_days('2024-12-31', 1)") == "2025-01-01");
  CHECK(value_of(sandbox, "return date.add_days('2024-06-01', 0)") == "2024-06-01");
}

TEST_CASE("date.add_years keeps month and day, and 29 February becomes 28 February") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "return date.add_years('2024-02-29', 1)") == "2025-02-28");
  CHECK(value_of(sandbox, "return date.add_years('2024-02-29', 4)") == "2028-02-29");
  CHECK(value_of(sandbox, "return date.add_years('2024-06-20', 2)") == "2026-06-20");
  CHECK(value_of(sandbox, "return date.add_years('2024-06-20', -1)") == "2023-06-20");
}

TEST_CASE("date.days_between is b minus a") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "return date.days_between('2024-01-01', '2024-12-31')") == "365");
  CHECK(value_of(sandbox, "return date.days_between('2024-06-20', '2024-06-01')") == "-19");
  CHECK(value_of(sandbox, "return math.type(date.days_between('2024-01-01', '2024-01-01'))") == "integer");
}

TEST_CASE("date.valid accepts only real YYYY-MM-DD dates") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "return date.valid('2024-02-29')") == "true");
  CHECK(value_of(sandbox, "return date.valid('2023-02-29')") == "false");
  CHECK(value_of(sandbox, "return date.valid('2024-2-9')") == "false");
  CHECK(value_of(sandbox, "return date.valid(20240101)") == "false");
  CHECK(value_of(sandbox, "return date.valid(nil)") == "false");
}

TEST_CASE("bad input to date functions raises an error naming the function and the value") {
  LuaSandbox sandbox;
  CHECK(error_of(sandbox, "return date.add_days('2024-13-01', 1)") ==
        "dates.lua:1: date.add_days: '2024-13-01' is not a date (write YYYY-MM-DD, e.g. 2024-01-31)");
  CHECK(error_of(sandbox, "return date.add_days('2024-01-01', 1.5)") ==
        "dates.lua:1: date.add_days: argument 2 must be a whole number");
  CHECK(error_of(sandbox, "return date.add_years(nil, 1)") ==
        "dates.lua:1: date.add_years: argument 1 must be a date written YYYY-MM-DD, got nil");
  CHECK(error_of(sandbox, "return date.add_days('9999-12-31', 1)") ==
        "dates.lua:1: date.add_days: the result is outside the years 1900 to 9999");
  CHECK(error_of(sandbox, "return date.days_between('2024-01-01', 'tomorrow')") ==
        "dates.lua:1: date.days_between: 'tomorrow' is not a date (write YYYY-MM-DD, e.g. 2024-01-31)");
  CHECK(error_of(sandbox, "return date.add_years('2024-01-01', 1e9)") == "dates.lua:1: date.add_years: 1000000000 is too large");
}
