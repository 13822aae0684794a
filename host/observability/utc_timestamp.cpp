#include "observability/utc_timestamp.hpp"

#include <cstdio>

namespace cahub::observability {

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  // floor, not duration_cast: before 1970 the latter rounds toward zero, into the next second.
  const auto ms = floor<milliseconds>(time);
  const auto day = floor<days>(ms);
  const year_month_day date{day};
  const hh_mm_ss clock{ms - day};
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()),
                static_cast<int>(clock.subseconds().count()));
  return text;
}

}  // namespace cahub::observability
