#pragma once
// A calendar date without time zone: the unit of every rule (windows, validity, warranty).
// Rule scripts never read the clock; the host decides what "today" is and passes it in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cahub {

class Date {
 public:
  constexpr Date() = default;
  // Days since 1970-01-01 (negative before).
  static constexpr Date from_days(std::int32_t days) { Date d; d.days_ = days; return d; }
  // Returns nullopt unless y-m-d is a real calendar date in years 1900..9999.
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  // Strict YYYY-MM-DD; nullopt for anything else (including 2023-02-29).
  static std::optional<Date> parse(std::string_view text);
  static Date today_utc8();  // the system clock in China Standard Time; only the host calls it

  constexpr std::int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::string iso() const;  // YYYY-MM-DD

  constexpr Date plus_days(std::int32_t n) const { return from_days(days_ + n); }
  // Same month and day n years later; 29 February becomes 28 February in a common year.
  Date plus_years(int n) const;

  friend constexpr bool operator==(Date a, Date b) = default;
  friend constexpr auto operator<=>(Date a, Date b) = default;
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  std::int32_t days_ = 0;
};

}  // namespace cahub
