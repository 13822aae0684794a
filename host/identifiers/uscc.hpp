#pragma once
// Unified Social Credit Code 统一社会信用代码, GB 32100-2015: the 18-character identity of a unit
// (company, agency, public institution). Characters 9–17 are its organisation code (GB 11714).

#include <cstddef>
#include <optional>
#include <string_view>

#include "identifiers/check_result.hpp"

namespace cahub::identifiers {

inline constexpr std::size_t uscc_length = 18;

// Valid when the text is 18 characters from 0-9 and A-Y without I, O, S, V, Z and the last is the
// check character of the first 17. Lower-case letters are refused (the standard writes capitals);
// the message shows the upper-case form.
CheckResult check_uscc(std::string_view text);

// The check character GB 32100 assigns to the first 17 characters; nullopt unless `first17` is 17
// characters of the USCC alphabet. For building valid numbers in tests and fixtures.
std::optional<char> uscc_check_character(std::string_view first17);

// Characters 9–17 of a USCC: the unit's organisation code. Empty unless `uscc` has 18 characters.
std::string_view embedded_org_code(std::string_view uscc);

// Whether the embedded organisation code carries a valid GB 11714 check character. Deliberately
// not part of check_uscc: the USCC's own check character is what the standard guarantees, and a
// unit must not be refused because its embedded code is unusual. Returns check_uscc's failure if
// the USCC itself is invalid, otherwise Reason::OrgCode when the embedded code does not check.
CheckResult check_embedded_org_code(std::string_view uscc);

}  // namespace cahub::identifiers
