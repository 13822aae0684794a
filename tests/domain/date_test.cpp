#include <catch2/catch.hpp>

#include "domain/date.hpp"

using cahub::Date;

TEST_CASE("dates parse strictly as YYYY-MM-DD and print back the same") {
  auto d = Date::parse("2024-02-29");
  REQUIRE(d);
  CHECK(d->iso() == "2024-02-29");
  CHECK(d->year() == 2024);
  CHECK(d->month() == 2u);
  CHECK(d->day() == 29u);
  CHECK(Date::parse("1970-01-01")->days() == 0);
  CHECK(Date::parse("1969-12-31")->days() == -1);
}

TEST_CASE("malformed or impossible dates are refused") {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024/01/01",
                          "2024-1-01", "2024-01-1", "", "abcd-ef-gh", "2024-01-01 ", "1899-12-31", "+024-01-01"}) {
    INFO(bad);
    CHECK_FALSE(Date::parse(bad));
  }
}

TEST_CASE("day and year arithmetic follows the calendar") {
  const Date d = *Date::parse("2024-01-31");
  CHECK(d.plus_days(30).iso() == "2024-03-01");  // leap February
  CHECK(d.plus_days(-31).iso() == "2023-12-31");
  CHECK(Date::parse("2024-02-29")->plus_years(1).iso() == "2025-02-28");
  CHECK(Date::parse("2024-02-29")->plus_years(4).iso() == "2028-02-29");
  CHECK(Date::parse("2025-06-30")->plus_years(2).iso() == "2027-06-30");
  CHECK(*Date::parse("2025-03-01") - *Date::parse("2025-02-01") == 28);
  CHECK(*Date::parse("2024-01-01") < *Date::parse("2024-01-02"));
}

TEST_CASE("every day of four centuries round-trips through days and civil form") {
  // 2000-01-01 .. 2399-12-31 covers every leap-year rule (400, 100, 4).
  const Date first = *Date::parse("2000-01-01");
  const Date last = *Date::parse("2399-12-31");
  Date previous = first.plus_days(-1);
  for (Date d = first; d <= last; d = d.plus_days(1)) {
    auto again = Date::from_ymd(d.year(), d.month(), d.day());
    REQUIRE(again);
    REQUIRE(*again == d);
    REQUIRE(d - previous == 1);
    previous = d;
  }
  CHECK(last - first + 1 == 146097);  // days in a 400-year Gregorian cycle
}
