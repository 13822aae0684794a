#pragma once
// Mainland mobile number 手机号码: 11 digits starting with 1, written without the country code.
// The agent's mobile receives SMS codes and PINs, so a wrong one fails an order later, silently.

#include <cstddef>
#include <string_view>

#include "identifiers/check_result.hpp"

namespace cahub::identifiers {

inline constexpr std::size_t mobile_length = 11;

// Valid when the text is 11 ASCII digits and the first is 1 (Reason::Prefix otherwise). Separators
// and a +86 / 86 country code are refused with a message that says what to remove.
CheckResult check_mobile(std::string_view text);

}  // namespace cahub::identifiers
