#pragma once
// What every fuzz target asserts with: a broken property prints what broke and aborts, which
// libFuzzer reports as a crash and saves the input for (rerun: build-fuzz/bin/fuzz_<t> <file>).

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

namespace cahub::fuzz {

[[noreturn]] inline void broken(std::string_view property, std::string_view detail = {}) {
  std::fprintf(stderr, "\nfuzz property broken: %.*s\n", static_cast<int>(property.size()), property.data());
  if (!detail.empty()) std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void expect(bool holds, std::string_view property, std::string_view detail = {}) {
  if (!holds) broken(property, detail);
}

// An exception the reader under test must never let out (anything but its own coded error).
[[noreturn]] inline void unexpected_exception(std::string_view reader, const std::exception& e) {
  broken(std::string(reader) + " let out an exception that is not its coded error",
         std::string(typeid(e).name()) + ": " + e.what());
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF): what a message
// that goes into a JSON answer or onto a terminal must be.
inline bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80) n = 0;
    else if (b >= 0xC2 && b <= 0xDF) n = 1;
    else if (b == 0xE0) n = 2, lo = 0xA0;
    else if (b >= 0xE1 && b <= 0xEC) n = 2;
    else if (b == 0xED) n = 2, hi = 0x9F;
    else if (b >= 0xEE && b <= 0xEF) n = 2;
    else if (b == 0xF0) n = 3, lo = 0x90;
    else if (b >= 0xF1 && b <= 0xF3) n = 3;
    else if (b == 0xF4) n = 3, hi = 0x8F;
    else return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace cahub::fuzz
