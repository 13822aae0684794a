// UTC ISO 8601 with milliseconds, truncated, before 1970 too.
#include <catch2/catch.hpp>

#include <chrono>

#include "observability/utc_timestamp.hpp"

using cahub::observability::utc_timestamp;
using namespace std::chrono;

TEST_CASE("a time is written as UTC ISO 8601 with milliseconds, truncated") {
  const sys_days leap_day = year{2024} / February / 29;
  CHECK(utc_timestamp(leap_day + 23h + 59min + 59s + 999ms + 999us) == "2024-02-29T23:59:59.999Z");
  CHECK(utc_timestamp(leap_day + 8h + 5s + 7ms) == "2024-02-29T08:00:05.007Z");
  CHECK(utc_timestamp(system_clock::time_point{}) == "1970-01-01T00:00:00.000Z");
}

TEST_CASE("a time before 1970 is floored, not rounded toward zero") {
  CHECK(utc_timestamp(system_clock::time_point{} - 1ms) == "1969-12-31T23:59:59.999Z");
  CHECK(utc_timestamp(system_clock::time_point{} - 1ns) == "1969-12-31T23:59:59.999Z");
}
