#include "identifiers/identifier_text.hpp"

#include <cstdio>

namespace cahub::identifiers::detail {
namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The UTF-8 sequence starting at text[at] if it is well formed, otherwise empty: only well-formed
// text is echoed back, so a message never carries broken UTF-8 into JSON or a terminal. Well
// formed is RFC 3629's table: the byte after E0, ED, F0 and F4 has a narrower range, which rules
// out overlong forms, UTF-16 surrogates and code points past U+10FFFF (a JSON writer refuses all
// three: GET /v1/identifiers/uscc?value=%E0%8F%B7 was a 500 until this, found by fuzzing).
std::string_view utf8_sequence_at(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return {};
  if (lead == 0xE0) second_min = 0xA0;
  if (lead == 0xED) second_max = 0x9F;
  if (lead == 0xF0) second_min = 0x90;
  if (lead == 0xF4) second_max = 0x8F;
  if (at + length > text.size()) return {};
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if (second < second_min || second > second_max) return {};
  for (std::size_t i = 2; i < length; ++i)
    if (!is_continuation(static_cast<unsigned char>(text[at + i]))) return {};
  return text.substr(at, length);
}

// 1-based position in characters (UTF-8 code points), not bytes: that is what a person counts.
std::size_t character_position(std::string_view text, std::size_t byte_index) {
  std::size_t position = 1;
  for (std::size_t i = 0; i < byte_index; ++i)
    if (!is_continuation(static_cast<unsigned char>(text[i]))) ++position;
  return position;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

}  // namespace

std::string describe_en(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b == ' ') return "a space";
  if (b < 0x20 || b == 0x7F) return "a control character (" + hex_byte(b) + ")";
  return std::string("'") + c + "'";
}

std::string describe_zh(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b == ' ') return "空格";
  if (b < 0x20 || b == 0x7F) return "控制字符（" + hex_byte(b) + "）";
  return std::string("“") + c + "”";
}

std::optional<CheckResult> check_plain_ascii(std::string_view text, IdentifierName name) {
  if (text.empty())
    return CheckResult::invalid(Reason::Empty, std::string(name.en) + " is empty",
                                std::string(name.zh) + "为空");
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::string position = std::to_string(character_position(text, i));
    if (b >= 0x80) {
      const std::string_view sequence = utf8_sequence_at(text, i);
      const std::string en_what = sequence.empty() ? "a byte that is not valid UTF-8"
                                                   : "'" + std::string(sequence) + "', not an ASCII character";
      const std::string zh_what = sequence.empty() ? "无效的UTF-8字节"
                                                   : "“" + std::string(sequence) + "”，不是半角字符";
      return CheckResult::invalid(
          Reason::Character,
          std::string(name.en) + " character " + position + " is " + en_what +
              " (full-width digits and letters are not accepted)",
          std::string(name.zh) + "第" + position + "位是" + zh_what + "（不接受全角数字和字母）");
    }
    if (b <= 0x20 || b == 0x7F)
      return CheckResult::invalid(
          Reason::Character,
          std::string(name.en) + " character " + position + " is " + describe_en(text[i]) +
              "; remove spaces and other separators",
          std::string(name.zh) + "第" + position + "位是" + describe_zh(text[i]) + "，请删除空格等分隔符");
  }
  return std::nullopt;
}

CheckResult wrong_length(std::string_view text, std::size_t expected, IdentifierName name,
                         std::string_view hint_en, std::string_view hint_zh) {
  std::string en = std::string(name.en) + " must be " + std::to_string(expected) + " characters, got " +
                   std::to_string(text.size());
  std::string zh = std::string(name.zh) + "应为" + std::to_string(expected) + "位，实际为" +
                   std::to_string(text.size()) + "位";
  if (!hint_en.empty()) en += std::string("; ") + std::string(hint_en);
  if (!hint_zh.empty()) zh += std::string("；") + std::string(hint_zh);
  return CheckResult::invalid(Reason::Length, std::move(en), std::move(zh));
}

CheckResult wrong_character(std::string_view text, std::size_t index, IdentifierName name,
                            std::string_view allowed_en, std::string_view allowed_zh) {
  const std::string position = std::to_string(index + 1);
  return CheckResult::invalid(
      Reason::Character,
      std::string(name.en) + " character " + position + " is " + describe_en(text[index]) + "; " +
          std::string(allowed_en),
      std::string(name.zh) + "第" + position + "位" + describe_zh(text[index]) + "不是允许的字符，" +
          std::string(allowed_zh));
}

std::optional<CheckResult> refuse_lower_case(std::string_view text, IdentifierName name) {
  bool lower = false;
  std::string upper(text);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
      lower = true;
    }
  if (!lower) return std::nullopt;
  return CheckResult::invalid(
      Reason::LowerCase,
      std::string(name.en) + " must be written in capital letters: '" + upper + "'",
      std::string(name.zh) + "应使用大写字母：“" + upper + "”");
}

CheckResult wrong_check_character(char expected, char got, IdentifierName name) {
  return CheckResult::invalid(
      Reason::CheckCharacter,
      std::string(name.en) + " check character should be '" + expected + "', got '" + got +
          "'; one of the characters was probably mistyped",
      std::string(name.zh) + "校验码应为“" + expected + "”，实际为“" + got + "”，可能有字符录入错误");
}

}  // namespace cahub::identifiers::detail
