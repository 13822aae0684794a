#include "identifiers/synthetic_uscc.hpp"

#include <cstdio>
#include <stdexcept>

#include "identifiers/org_code.hpp"
#include "identifiers/uscc.hpp"

namespace cahub::identifiers {

std::string synthetic_uscc(std::uint32_t n) {
  if (n >= synthetic_unit_limit)
    throw std::out_of_range("synthetic unit numbers are below " + std::to_string(synthetic_unit_limit));
  char body[9];
  std::snprintf(body, sizeof body, "%08u", static_cast<unsigned>(n));
  const std::string org_code = std::string(body) + *org_code_check_character(body);
  const std::string first17 = "91350100" + org_code;
  return first17 + *uscc_check_character(first17);
}

}  // namespace cahub::identifiers
