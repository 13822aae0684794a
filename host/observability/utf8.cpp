#include "observability/utf8.hpp"

#include <cstddef>

namespace cahub::observability {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// A lead byte's sequence length and the range its second byte must fall in (Unicode Table 3-7).
// The narrowed ranges exclude overlong forms, surrogates and code points above U+10FFFF.
struct Shape {
  std::size_t length;
  unsigned char low;
  unsigned char high;
};

Shape shape_of(unsigned char lead) {
  if (lead <= 0x7F) return {1, 0, 0};
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};  // a continuation byte or C0, C1, F5..FF: never a lead
}

// How many bytes at `at` form a well-formed character (0 if none), and in `skip` how many bytes
// the ill-formed subpart there covers.
std::size_t well_formed_at(std::string_view bytes, std::size_t at, std::size_t& skip) {
  const Shape shape = shape_of(static_cast<unsigned char>(bytes[at]));
  skip = 1;
  if (shape.length == 0) return 0;
  for (std::size_t i = 1; i < shape.length; ++i) {
    if (at + i >= bytes.size()) return 0;
    const auto byte = static_cast<unsigned char>(bytes[at + i]);
    const bool fits =
        i == 1 ? byte >= shape.low && byte <= shape.high : byte >= 0x80 && byte <= 0xBF;
    if (!fits) return 0;
    skip = i + 1;
  }
  return shape.length;
}

}  // namespace

std::string repair_utf8(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  std::size_t at = 0;
  while (at < bytes.size()) {
    std::size_t skip = 1;
    if (const std::size_t length = well_formed_at(bytes, at, skip); length > 0) {
      text.append(bytes.substr(at, length));
      at += length;
    } else {
      text.append(replacement);
      at += skip;
    }
  }
  return text;
}

}  // namespace cahub::observability
