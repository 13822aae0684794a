#include <catch2/catch.hpp>

#include "orders/working_days.hpp"

using cahub::Date;
using cahub::orders::WorkingCalendar;
using cahub::orders::weekday;

namespace {
Date d(int y, unsigned m, unsigned day) { return *Date::from_ymd(y, m, day); }
}  // namespace

TEST_CASE("weekdays are counted from a known Monday") {
  CHECK(weekday(d(2026, 11, 23)) == 0);  // Monday
  CHECK(weekday(d(2026, 11, 29)) == 6);  // Sunday
  CHECK(weekday(d(1969, 12, 31)) == 2);  // before the epoch too: a Wednesday
}

TEST_CASE("three working days from a Thursday skip the weekend") {
  const WorkingCalendar plain({}, {});
  CHECK(plain.add_working_days(d(2026, 11, 19), 3) == d(2026, 11, 24));
  CHECK(plain.add_working_days(d(2026, 11, 21), 1) == d(2026, 11, 23));  // from a Saturday: Monday
  CHECK(plain.add_working_days(d(2026, 11, 23), 0) == d(2026, 11, 23));
}

TEST_CASE("public holidays do not count and make-up Saturdays do") {
  // National Day 2026 as a notice would give it: 1-7 October off, Sunday 27 September and Saturday
  // 10 October working.
  const WorkingCalendar calendar({d(2026, 10, 1), d(2026, 10, 2), d(2026, 10, 5), d(2026, 10, 6), d(2026, 10, 7)},
                                 {d(2026, 9, 27), d(2026, 10, 10)});
  CHECK(calendar.is_working_day(d(2026, 9, 27)));
  CHECK_FALSE(calendar.is_working_day(d(2026, 10, 1)));
  CHECK_FALSE(calendar.is_working_day(d(2026, 10, 3)));
  // Accepted Wednesday 30 September, "within 5 working days": 8, 9, 10 (Saturday, working), 12, 13.
  CHECK(calendar.add_working_days(d(2026, 9, 30), 5) == d(2026, 10, 13));
}

TEST_CASE("a calendar with no working days is an error, not a hang") {
  std::vector<Date> every_weekday;
  for (Date x = d(2026, 1, 1); x < d(2037, 1, 1); x = x.plus_days(1)) every_weekday.push_back(x);
  const WorkingCalendar broken(every_weekday, {});
  CHECK_THROWS_WITH(broken.add_working_days(d(2026, 1, 1), 1), Catch::Contains("no working day for ten years"));
  CHECK_THROWS(WorkingCalendar({}, {}).add_working_days(d(2026, 1, 1), -1));
}
