#pragma once
// Resident identity card number 公民身份号码, GB 11643-1999: 6-digit address code, 8-digit birth
// date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (a digit or X).

#include <cstddef>
#include <optional>
#include <string_view>

#include "domain/date.hpp"
#include "identifiers/check_result.hpp"

namespace cahub::identifiers {

inline constexpr std::size_t resident_id_length = 18;

// Valid when the text is 17 digits and a check character (digit or capital X) that matches them,
// and digits 7–14 are a real calendar date (Reason::BirthDate otherwise, e.g. 30 February).
// A lower-case 'x' is refused with the upper-case form; the 15-digit numbers of GB 11643-1989 are
// refused with a hint to use the 18-character number.
CheckResult check_resident_id(std::string_view text);

// The check character for 17 digits ('0'-'9' or 'X'); nullopt unless `first17` is 17 digits.
std::optional<char> resident_id_check_character(std::string_view first17);

// The birth date in digits 7–14; nullopt unless the text is 18 characters whose birth-date
// digits form a real date. Does not verify the check character: call check_resident_id first.
std::optional<Date> resident_id_birth_date(std::string_view id_number);

}  // namespace cahub::identifiers
