#include "identifiers/resident_id.hpp"

#include <array>
#include <string>

#include "identifiers/identifier_text.hpp"

namespace cahub::identifiers {
namespace {

constexpr detail::IdentifierName name{"resident ID number", "身份证号码"};
constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view check_symbols = "10X98765432";  // indexed by sum mod 11

bool all_digits(std::string_view text) {
  for (char c : text)
    if (!detail::is_digit(c)) return false;
  return true;
}

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::optional<char> resident_id_check_character(std::string_view first17) {
  if (first17.size() != weights.size() || !all_digits(first17)) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) sum += (first17[i] - '0') * weights[i];
  return check_symbols[static_cast<std::size_t>(sum % 11)];
}

std::optional<Date> resident_id_birth_date(std::string_view id_number) {
  if (id_number.size() != resident_id_length) return std::nullopt;
  const std::string_view digits = id_number.substr(6, 8);
  if (!all_digits(digits)) return std::nullopt;
  return Date::from_ymd(number(digits.substr(0, 4)), static_cast<unsigned>(number(digits.substr(4, 2))),
                        static_cast<unsigned>(number(digits.substr(6, 2))));
}

CheckResult check_resident_id(std::string_view text) {
  if (auto failure = detail::check_plain_ascii(text, name)) return *failure;
  if (text.size() != resident_id_length) {
    if (text.size() == 15 && all_digits(text))
      return detail::wrong_length(text, resident_id_length, name,
                                  "15-digit numbers of the first-generation card are not accepted, "
                                  "enter the 18-character number",
                                  "不接受15位的第一代身份证号码，请填写18位号码");
    return detail::wrong_length(text, resident_id_length, name);
  }
  if (auto failure = detail::refuse_lower_case(text, name)) return *failure;
  for (std::size_t i = 0; i < 17; ++i)
    if (!detail::is_digit(text[i]))
      return detail::wrong_character(text, i, name, "the first 17 characters are digits",
                                     "前17位应为数字");
  if (!detail::is_digit(text[17]) && text[17] != 'X')
    return detail::wrong_character(text, 17, name, "the last character is a digit or X", "最后一位应为数字或X");
  if (!resident_id_birth_date(text)) {
    const std::string digits(text.substr(6, 8));
    return CheckResult::invalid(Reason::BirthDate,
                                "resident ID number birth date " + digits +
                                    " (characters 7-14) is not a real calendar date",
                                "身份证号码第7至14位的出生日期" + digits + "不是有效日期");
  }
  const char expected = *resident_id_check_character(text.substr(0, 17));
  if (text[17] != expected) return detail::wrong_check_character(expected, text[17], name);
  return CheckResult::valid();
}

}  // namespace cahub::identifiers
