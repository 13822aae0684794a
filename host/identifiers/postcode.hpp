#pragma once
// Postcode 邮政编码: 6 digits. Mailed orders and the NETCA form need it.

#include <cstddef>
#include <string_view>

#include "identifiers/check_result.hpp"

namespace cahub::identifiers {

inline constexpr std::size_t postcode_length = 6;

// Valid when the text is exactly 6 ASCII digits.
CheckResult check_postcode(std::string_view text);

}  // namespace cahub::identifiers
