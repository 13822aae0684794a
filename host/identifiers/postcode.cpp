#include "identifiers/postcode.hpp"

#include "identifiers/identifier_text.hpp"

namespace cahub::identifiers {
namespace {

constexpr detail::IdentifierName name{"postcode", "邮政编码"};

}  // namespace

CheckResult check_postcode(std::string_view text) {
  if (auto failure = detail::check_plain_ascii(text, name)) return *failure;
  if (text.size() != postcode_length) return detail::wrong_length(text, postcode_length, name);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!detail::is_digit(text[i]))
      return detail::wrong_character(text, i, name, "a postcode has only digits", "邮政编码只含数字");
  return CheckResult::valid();
}

}  // namespace cahub::identifiers
