#include "identifiers/uscc.hpp"

#include <array>
#include <string>

#include "identifiers/identifier_text.hpp"
#include "identifiers/org_code.hpp"

namespace cahub::identifiers {
namespace {

constexpr detail::IdentifierName name{"USCC", "统一社会信用代码"};

// GB 32100-2015 §4: 31 symbols, the value of a symbol is its index. I, O, S, V and Z are left out
// so that they cannot be confused with 1, 0, 5, U and 2.
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> weights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  const auto at = alphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::optional<char> uscc_check_character(std::string_view first17) {
  if (first17.size() != weights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int v = value_of(first17[i]);
    if (v < 0) return std::nullopt;
    sum += v * weights[i];
  }
  return alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

CheckResult check_uscc(std::string_view text) {
  if (auto failure = detail::check_plain_ascii(text, name)) return *failure;
  if (text.size() != uscc_length) return detail::wrong_length(text, uscc_length, name);
  if (auto failure = detail::refuse_lower_case(text, name)) return *failure;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (value_of(text[i]) < 0)
      return detail::wrong_character(text, i, name, "a USCC has digits and capitals except I, O, S, V, Z",
                                     "统一社会信用代码只含数字和除I、O、S、V、Z以外的大写字母");
  const char expected = *uscc_check_character(text.substr(0, 17));
  if (text[17] != expected) return detail::wrong_check_character(expected, text[17], name);
  return CheckResult::valid();
}

std::string_view embedded_org_code(std::string_view uscc) {
  return uscc.size() == uscc_length ? uscc.substr(8, org_code_length) : std::string_view{};
}

CheckResult check_embedded_org_code(std::string_view uscc) {
  if (CheckResult result = check_uscc(uscc); !result) return result;
  const std::string_view org = embedded_org_code(uscc);
  const CheckResult org_result = check_org_code(org);
  if (org_result) return org_result;
  return CheckResult::invalid(
      Reason::OrgCode,
      "characters 9-17 of the USCC, '" + std::string(org) +
          "', are not a valid organisation code: " + org_result.failure->message_en,
      "统一社会信用代码第9至17位“" + std::string(org) + "”不是有效的组织机构代码：" +
          org_result.failure->message_zh);
}

}  // namespace cahub::identifiers
