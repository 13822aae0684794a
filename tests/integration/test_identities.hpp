#pragma once
// Valid identity numbers for test applicants, made with the check-character algorithms (GB 32100,
// GB 11643), so that every generated unit or person passes the host's checks.

#include <cstdio>
#include <string>

#include "identifiers/org_code.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"

namespace cahub::testing {

// A USCC for unit number n: Fuzhou region code, an organisation code with its check character,
// then the USCC's own.
inline std::string uscc_for(int n) {
  char first8[9];
  std::snprintf(first8, sizeof first8, "%08d", n);
  const std::string org = std::string(first8) + *cahub::identifiers::org_code_check_character(first8);
  const std::string first17 = "91350100" + org;
  return first17 + *cahub::identifiers::uscc_check_character(first17);
}

// A resident ID number for person number n (0..999): born in Fuzhou on 1980-01-01.
inline std::string id_number_for(int n) {
  char first17[24];
  std::snprintf(first17, sizeof first17, "35010219800101%03u", static_cast<unsigned>(n) % 1000U);
  return std::string(first17) + *cahub::identifiers::resident_id_check_character(first17);
}

}  // namespace cahub::testing
