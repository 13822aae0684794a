#pragma once
// Organisation code 组织机构代码, GB 11714-1997: 8 body characters (digits or capitals) and a check
// character. Older documents (组织机构代码证) carry it as the unit's identity; in a USCC it is
// characters 9–17.

#include <cstddef>
#include <optional>
#include <string_view>

#include "identifiers/check_result.hpp"

namespace cahub::identifiers {

inline constexpr std::size_t org_code_length = 9;

// Valid when the text is 9 characters, the first 8 digits or capitals and the 9th the check
// character of the first 8. The certificate form "12345678-9" is refused with a message showing
// the code without the hyphen; lower-case letters are refused with the upper-case form.
CheckResult check_org_code(std::string_view text);

// The check character GB 11714 assigns to the 8 body characters ('0'-'9' or 'X'); nullopt unless
// `first8` is 8 digits or capitals.
std::optional<char> org_code_check_character(std::string_view first8);

}  // namespace cahub::identifiers
