#pragma once
// Staff passwords as salted slow hashes: PBKDF2-HMAC-SHA256 (OpenSSL), stored with their
// parameters so the iteration count can rise later without invalidating existing accounts:
//   pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>

#include <string>
#include <string_view>

namespace cahub::staff {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about 0.2 s per sign-in on one core here, which is
// what makes a stolen database expensive to guess from.
inline constexpr unsigned kDefaultIterations = 600'000;

// A new hash with a fresh 16-byte random salt.
std::string hash_password(std::string_view password, unsigned iterations = kDefaultIterations);

// True when `password` matches `stored`. Compares in constant time; false (never throws) for a
// stored text that is not in the format above.
bool verify_password(std::string_view password, std::string_view stored);

}  // namespace cahub::staff
