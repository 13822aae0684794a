// Ill-formed UTF-8 from a client becomes U+FFFD; well-formed text passes unchanged.
#include <catch2/catch.hpp>

#include <string>

#include "observability/utf8.hpp"

using cahub::observability::repair_utf8;

namespace {
const std::string fffd = "\xEF\xBF\xBD";
}

TEST_CASE("well-formed UTF-8 passes unchanged") {
  const std::string text = "abc \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x94\x91 \xC3\xA9";
  CHECK(repair_utf8(text) == text);
  CHECK(repair_utf8("") == "");
}

TEST_CASE("a stray continuation byte or impossible lead byte becomes one U+FFFD each") {
  CHECK(repair_utf8("a\x80z") == "a" + fffd + "z");
  CHECK(repair_utf8("\xFF\xFE") == fffd + fffd);
  CHECK(repair_utf8("\xC0\xAF") == fffd + fffd);  // C0 never leads: an overlong '/'
}

TEST_CASE("a truncated sequence becomes one U+FFFD for its maximal subpart") {
  CHECK(repair_utf8("\xE2\x82") == fffd);
  CHECK(repair_utf8("\xE2\x82z") == fffd + "z");
  CHECK(repair_utf8("\xF0\x9F\x94") == fffd);
}

TEST_CASE("overlong forms, surrogates and code points above U+10FFFF are refused") {
  CHECK(repair_utf8("\xE0\x80\xAF") == fffd + fffd + fffd);  // overlong '/'
  CHECK(repair_utf8("\xED\xA0\x80") == fffd + fffd + fffd);  // U+D800, a surrogate
  CHECK(repair_utf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // U+110000
  CHECK(repair_utf8("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");         // U+10FFFF is fine
}
