#include "staff/password_hash.hpp"
#include "store/digest.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace cahub::staff {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string hex(const std::vector<unsigned char>& bytes) { return store::to_hex(bytes.data(), bytes.size()); }

bool unhex(std::string_view text, std::vector<unsigned char>& out) {
  if (text.size() % 2 != 0 || text.empty()) return false;
  out.clear();
  for (std::size_t i = 0; i < text.size(); i += 2) {
    unsigned value = 0;
    for (std::size_t k = 0; k < 2; ++k) {
      const char c = text[i + k];
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
      else return false;
    }
    out.push_back(static_cast<unsigned char>(value));
  }
  return true;
}

std::vector<unsigned char> derive(std::string_view password, const std::vector<unsigned char>& salt, unsigned iterations,
                                  std::size_t length) {
  std::vector<unsigned char> key(length);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                        static_cast<int>(iterations), EVP_sha256(), static_cast<int>(length), key.data()) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return key;
}

}  // namespace

std::string hash_password(std::string_view password, unsigned iterations) {
  if (iterations < 1000) throw std::invalid_argument("PBKDF2 needs at least 1000 iterations");
  std::vector<unsigned char> salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) throw std::runtime_error("no random salt");
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + hex(salt) + "$" +
         hex(derive(password, salt, iterations, kHashBytes));
}

bool verify_password(std::string_view password, std::string_view stored) {
  // scheme$iterations$salt$hash
  std::string_view parts[4];
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t end = i < 3 ? stored.find('$', start) : stored.size();
    if (end == std::string_view::npos) return false;
    parts[i] = stored.substr(start, end - start);
    start = end + 1;
  }
  if (parts[0] != kScheme || parts[1].empty() || parts[1].size() > 9) return false;
  unsigned iterations = 0;
  for (char c : parts[1]) {
    if (c < '0' || c > '9') return false;
    iterations = iterations * 10 + static_cast<unsigned>(c - '0');
  }
  std::vector<unsigned char> salt, expected;
  if (iterations < 1000 || !unhex(parts[2], salt) || !unhex(parts[3], expected)) return false;
  const std::vector<unsigned char> actual = derive(password, salt, iterations, expected.size());
  return CRYPTO_memcmp(actual.data(), expected.data(), expected.size()) == 0;
}

}  // namespace cahub::staff
