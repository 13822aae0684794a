#pragma once
// What a new staff password must be (issue 15: "at least 12 characters, not containing the login,
// not in a list of common passwords"). Checked only where a password is set: an account whose
// password was set under the older rule (10 characters) still signs in with it, so that nobody is
// locked out by an upgrade.

#include <string>
#include <string_view>

namespace cahub::staff {

inline constexpr std::size_t kMinPasswordCharacters = 12;
// Fewer different characters than this is a pattern, not a secret: twelve spaces, "abababababab".
inline constexpr std::size_t kMinDistinctCharacters = 5;

// Throws StaffError (BadInput) with the first rule `password` breaks for the account `login`:
//   password_too_short       fewer than 12 characters (UTF-8 characters, not bytes);
//   password_contains_login  the login is in it, whatever the case;
//   password_repetitive      fewer than 5 different characters;
//   password_common          it is, whatever the case, a common password or one repeated
//                            ("qwertyqwerty"; common_passwords.hpp).
void check_new_password(std::string_view login, std::string_view password);

// Whether `password`, whatever its case, is a listed common password or one written out more than
// once in a row.
bool is_common_password(std::string_view password);

}  // namespace cahub::staff
