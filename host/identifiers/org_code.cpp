#include "identifiers/org_code.hpp"

#include <array>
#include <string>

#include "identifiers/identifier_text.hpp"

namespace cahub::identifiers {
namespace {

constexpr detail::IdentifierName name{"organisation code", "组织机构代码"};
constexpr std::array<int, 8> weights{3, 7, 9, 10, 5, 8, 4, 2};

// Digits count as themselves, letters A=10 … Z=35.
int value_of(char c) {
  if (detail::is_digit(c)) return c - '0';
  if (detail::is_capital(c)) return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<char> org_code_check_character(std::string_view first8) {
  if (first8.size() != weights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int v = value_of(first8[i]);
    if (v < 0) return std::nullopt;
    sum += v * weights[i];
  }
  const int c = 11 - sum % 11;
  if (c == 10) return 'X';
  if (c == 11) return '0';
  return static_cast<char>('0' + c);
}

CheckResult check_org_code(std::string_view text) {
  if (auto failure = detail::check_plain_ascii(text, name)) return *failure;
  if (text.size() != org_code_length) {
    // Certificates print the code as XXXXXXXX-X; people copy it with the hyphen.
    if (text.size() == org_code_length + 1 && text[8] == '-') {
      const std::string without = std::string(text.substr(0, 8)) + text[9];
      return detail::wrong_length(text, org_code_length, name, "enter it without the hyphen: '" + without + "'",
                                  "请去掉连字符：“" + without + "”");
    }
    return detail::wrong_length(text, org_code_length, name);
  }
  if (auto failure = detail::refuse_lower_case(text, name)) return *failure;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (value_of(text[i]) < 0)
      return detail::wrong_character(text, i, name, "an organisation code has only digits and capital letters",
                                     "组织机构代码只含数字和大写字母");
  const char expected = *org_code_check_character(text.substr(0, 8));
  if (text[8] != expected) return detail::wrong_check_character(expected, text[8], name);
  return CheckResult::valid();
}

}  // namespace cahub::identifiers
