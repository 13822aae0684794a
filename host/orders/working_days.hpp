#pragma once
// Working days for SLA due dates: Monday to Friday, minus the public holidays that fall on weekdays
// (法定节假日), plus the weekend days declared working days (调休). The lists come from the
// configuration ([calendar]); none are built in, because the State Council publishes them yearly.

#include <vector>

#include "domain/date.hpp"

namespace cahub::orders {

class WorkingCalendar {
 public:
  // Both lists sorted (the configuration loader sorts and de-duplicates them).
  WorkingCalendar(std::vector<Date> holidays, std::vector<Date> workdays);

  bool is_working_day(Date day) const;
  // The day `n` working days after `from` (n >= 0): "within 3 working days" of an order accepted on
  // `from` is due at the end of add_working_days(from, 3). `from` itself does not count.
  Date add_working_days(Date from, int n) const;

 private:
  std::vector<Date> holidays_;
  std::vector<Date> workdays_;
};

// Monday = 0 ... Sunday = 6.
int weekday(Date day);

}  // namespace cahub::orders
