#include "plugins/boundary.hpp"

#include <cstring>

#include "plugins/provider.hpp"

namespace cahub::plugins {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one (overlong forms,
// surrogates and code points above U+10FFFF are invalid, as RFC 3629 says).
std::size_t utf8_sequence(const unsigned char* s, std::size_t i, std::size_t n) {
  const unsigned char c = s[i];
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > n) return 0;
  if (s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (s[i + k] < 0x80 || s[i + k] > 0xBF) return 0;
  return len;
}

void append_text(void* ctx, const char* utf8, std::size_t length) noexcept {
  auto* c = static_cast<TextCollector*>(ctx);
  if (!utf8 || length == 0) return;
  try {
    c->text.append(utf8, length);
  } catch (...) {
    c->out_of_memory = true;
  }
}

}  // namespace

std::string utf8_copy(const char* text) { return text ? utf8_copy(text, std::strlen(text)) : std::string(); }

std::string utf8_copy(const char* text, std::size_t length) {
  std::string out;
  if (!text) return out;
  const auto* s = reinterpret_cast<const unsigned char*>(text);
  std::size_t i = 0;
  // Fast path: the whole text is valid (the normal case) and is copied in one go.
  while (i < length) {
    const std::size_t len = utf8_sequence(s, i, length);
    if (len == 0) break;
    i += len;
  }
  if (i == length) return std::string(text, length);
  out.reserve(length + 8);
  out.append(text, i);
  while (i < length) {
    const std::size_t len = utf8_sequence(s, i, length);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text + i, len);
      i += len;
    }
  }
  return out;
}

cahub_text_sink TextCollector::sink() { return cahub_text_sink{this, &append_text}; }

std::string call_failure(std::string_view id, std::string_view call, cahub_status status, const TextCollector& error) {
  std::string message = "plugin ";
  message += id;
  message += ": ";
  if (!error.text.empty()) {
    message += utf8_copy(error.text.data(), error.text.size());
  } else {
    message += call;
    message += " failed with status " + std::to_string(status) + " (" + std::string(status_name(status)) + ")";
  }
  return message;
}

}  // namespace cahub::plugins
