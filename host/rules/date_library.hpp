#pragma once
// The `date` table scripts use for day arithmetic on ISO dates ("2024-01-31"), backed by
// cahub::Date. Scripts never read the clock: "today" comes to them as q.today.
//
//   date.add_days(iso, n)     -> iso    n may be negative
//   date.add_years(iso, n)    -> iso    same month and day; 29 February becomes 28 February
//   date.days_between(a, b)   -> b - a in days (negative when b is before a)
//   date.valid(s)             -> true when s is a real YYYY-MM-DD date, false for anything else
//
// A malformed date, a non-integer count or a result outside the years 1900..9999 raises an error
// that names the function and the bad value.

struct lua_State;

namespace cahub::rules {

// Pushes a new table holding the functions above (the sandbox then wraps it in a proxy).
void push_date_library(lua_State* L);

}  // namespace cahub::rules
