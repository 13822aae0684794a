#pragma once
// The passwords people choose most often, which a new staff password must not be: zxcvbn's
// "passwords" list (30,000 entries from the "10 million passwords" corpus; MIT licence, Dropbox,
// Inc. and Daniel Wolf), taken at build time from Debian's python3-zxcvbn package and compiled into
// the binary (common_passwords.py writes it; docs/architecture.md says why it is not read at run
// time).

#include <cstddef>
#include <string_view>

namespace cahub::staff {

// Lower-case, sorted in byte order, without duplicates.
extern const std::string_view kCommonPasswords[];
extern const std::size_t kCommonPasswordCount;

}  // namespace cahub::staff
