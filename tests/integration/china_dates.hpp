#pragma once
// Dates as cahub counts them (China Standard Time, UTC+8), for tests that need "N days from today".

#include <ctime>
#include <string>

namespace cahub::testing {

// Today in China plus `days`, as YYYY-MM-DD.
inline std::string china_date_in(int days) {
  const std::time_t t = std::time(nullptr) + 8 * 3600 + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[11];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

}  // namespace cahub::testing
