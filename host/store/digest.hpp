#pragma once
// SHA-256 and hex, the one spelling the host uses for audit hashes, session tokens and request
// fingerprints (lower-case hex).

#include <cstddef>
#include <string>
#include <string_view>

namespace cahub::store {

std::string to_hex(const unsigned char* bytes, std::size_t length);
std::string sha256_hex(std::string_view text);

}  // namespace cahub::store
