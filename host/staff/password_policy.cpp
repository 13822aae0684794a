#include "staff/password_policy.hpp"

#include <algorithm>
#include <set>

#include "staff/common_passwords.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::staff {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// UTF-8 characters: every byte but the continuation bytes (10xxxxxx) starts one. A Chinese
// passphrase of four characters is twelve bytes and still too short.
std::size_t characters_in(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t distinct_characters_in(std::string_view text) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    seen.insert(text.substr(i, n));
    i += n;
  }
  return seen.size();
}

bool listed(std::string_view lowered) {
  return std::binary_search(kCommonPasswords, kCommonPasswords + kCommonPasswordCount, lowered);
}

// The shortest piece that `text` is made of, repeated: "qwerty" for "qwertyqwerty"; `text` itself
// when it is no repetition.
std::string_view repeated_piece(std::string_view text) {
  for (std::size_t n = 1; n <= text.size() / 2; ++n) {
    if (text.size() % n != 0) continue;
    bool repeats = true;
    for (std::size_t i = n; i < text.size() && repeats; ++i) repeats = text[i] == text[i - n];
    if (repeats) return text.substr(0, n);
  }
  return text;
}

}  // namespace

bool is_common_password(std::string_view password) {
  const std::string lowered = lower_ascii(password);
  return listed(lowered) || listed(repeated_piece(lowered));
}

void check_new_password(std::string_view login, std::string_view password) {
  if (characters_in(password) < kMinPasswordCharacters)
    throw StaffError("password_too_short",
                     "the password must be at least " + std::to_string(kMinPasswordCharacters) + " characters");
  if (!login.empty() && lower_ascii(password).find(lower_ascii(login)) != std::string::npos)
    throw StaffError("password_contains_login", "the password must not contain the login");
  if (distinct_characters_in(password) < kMinDistinctCharacters)
    throw StaffError("password_repetitive", "the password must have at least " +
                                                std::to_string(kMinDistinctCharacters) + " different characters");
  if (is_common_password(password))
    throw StaffError("password_common", "the password is on the list of the most common passwords; choose another");
}

}  // namespace cahub::staff
