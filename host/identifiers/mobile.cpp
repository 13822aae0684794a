#include "identifiers/mobile.hpp"

#include <string>

#include "identifiers/identifier_text.hpp"

namespace cahub::identifiers {
namespace {

constexpr detail::IdentifierName name{"mobile number", "手机号码"};

}  // namespace

CheckResult check_mobile(std::string_view text) {
  if (auto failure = detail::check_plain_ascii(text, name)) return *failure;
  const bool country_code = text.starts_with("+86") || (text.size() == 13 && text.starts_with("86"));
  if (text.size() != mobile_length) {
    if (country_code)
      return detail::wrong_length(text, mobile_length, name, "enter it without the country code 86",
                                  "请去掉国家代码86");
    return detail::wrong_length(text, mobile_length, name);
  }
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!detail::is_digit(text[i]))
      return detail::wrong_character(text, i, name, "a mobile number has only digits", "手机号码只含数字");
  if (text[0] != '1')
    return CheckResult::invalid(Reason::Prefix,
                                "mobile number must start with 1, got '" + std::string(1, text[0]) + "'",
                                "手机号码应以1开头，实际为“" + std::string(1, text[0]) + "”");
  return CheckResult::valid();
}

}  // namespace cahub::identifiers
