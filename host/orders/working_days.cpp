#include "orders/working_days.hpp"

#include <algorithm>
#include <stdexcept>

namespace cahub::orders {

int weekday(Date day) {
  // 1970-01-01 was a Thursday (3).
  const int w = (day.days() % 7 + 7) % 7;
  return (w + 3) % 7;
}

WorkingCalendar::WorkingCalendar(std::vector<Date> holidays, std::vector<Date> workdays)
    : holidays_(std::move(holidays)), workdays_(std::move(workdays)) {
  std::sort(holidays_.begin(), holidays_.end());
  std::sort(workdays_.begin(), workdays_.end());
}

bool WorkingCalendar::is_working_day(Date day) const {
  if (std::binary_search(workdays_.begin(), workdays_.end(), day)) return true;
  if (weekday(day) >= 5) return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(), day);
}

Date WorkingCalendar::add_working_days(Date from, int n) const {
  if (n < 0) throw std::invalid_argument("add_working_days: a negative number of days");
  Date day = from;
  // Bounded: a calendar that declares a whole year of holidays is a configuration mistake, not a
  // reason to loop for ever.
  for (int counted = 0, steps = 0; counted < n; ++steps) {
    if (steps > 3660) throw std::runtime_error("the calendar has no working day for ten years after " + from.iso());
    day = day.plus_days(1);
    if (is_working_day(day)) ++counted;
  }
  return day;
}

}  // namespace cahub::orders
