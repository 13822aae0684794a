#pragma once
// Internal to cahub_identifiers: the checks every identifier starts with and the wording they
// share, so that "character 5 is 'I'" reads the same for a USCC and for a postcode.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "identifiers/check_result.hpp"

namespace cahub::identifiers::detail {

// How an identifier is called in messages, e.g. {"USCC", "统一社会信用代码"}.
struct IdentifierName {
  std::string_view en;
  std::string_view zh;
};

// Empty input, then any character that cannot belong to any identifier: non-ASCII (a full-width
// digit pasted from a Chinese document is the usual case), spaces and control characters. These
// come first because a stray space makes the length wrong and "character 19 is a space" is the
// message that helps.
std::optional<CheckResult> check_plain_ascii(std::string_view text, IdentifierName name);

// "USCC must be 18 characters, got 17", with an optional hint appended to both languages.
CheckResult wrong_length(std::string_view text, std::size_t expected, IdentifierName name,
                         std::string_view hint_en = {}, std::string_view hint_zh = {});

// "USCC character 5 is 'I'; <allowed_en>" — position is 1-based.
CheckResult wrong_character(std::string_view text, std::size_t index, IdentifierName name,
                            std::string_view allowed_en, std::string_view allowed_zh);

// Refuses lower-case letters and shows the upper-case form the standard uses.
std::optional<CheckResult> refuse_lower_case(std::string_view text, IdentifierName name);

CheckResult wrong_check_character(char expected, char got, IdentifierName name);

// 'A' / “A” for a printable character; "a space" / "a control character (0x09)" otherwise.
std::string describe_en(char c);
std::string describe_zh(char c);

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace cahub::identifiers::detail
