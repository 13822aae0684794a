#pragma once
// Independent reference implementations of the three check-character algorithms, written from
// the standards' definitions rather than from the library's tables: every weight is a power of
// the radix's generator (3 mod 31 for GB 32100, 2 mod 11 for GB 11714 and ISO 7064 MOD 11-2), so
// a mistyped weight table in the library would disagree with these.

#include <cstdint>
#include <string>
#include <string_view>

namespace cahub::identifiers::reference {

inline int power_mod(int base, int exponent, int modulus) {
  int result = 1;
  for (int i = 0; i < exponent; ++i) result = result * base % modulus;
  return result;
}

inline constexpr std::string_view uscc_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// GB 32100-2015: W_i = 3^(i-1) mod 31, C18 = 31 - (Σ C_i W_i mod 31), 31 written as 0.
inline char uscc_check(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i)
    sum += static_cast<int>(uscc_alphabet.find(first17[static_cast<std::size_t>(i)])) * power_mod(3, i, 31);
  const int c = 31 - sum % 31;
  return uscc_alphabet[static_cast<std::size_t>(c == 31 ? 0 : c)];
}

// GB 11714-1997: W_i = 2^(9-i) mod 11, C9 = 11 - (Σ C_i W_i mod 11); 10 is X, 11 is 0.
inline char org_code_check(std::string_view first8) {
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    const char ch = first8[static_cast<std::size_t>(i)];
    const int value = ch <= '9' ? ch - '0' : ch - 'A' + 10;
    sum += value * power_mod(2, 8 - i, 11);
  }
  const int c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
}

// ISO 7064 MOD 11-2 in its recursive form (ISO 7064 §7.1): no weight table at all.
inline char resident_id_check(std::string_view first17) {
  int p = 0;
  for (char ch : first17) p = (p + (ch - '0')) * 2 % 11;
  const int c = (12 - p) % 11;
  return c == 10 ? 'X' : static_cast<char>('0' + c);
}

// A small deterministic generator so that the many-number tests are reproducible.
struct Lcg {
  std::uint64_t state = 20260301;
  std::size_t below(std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33) % n;
  }
};

}  // namespace cahub::identifiers::reference
