#pragma once
// Valid USCCs for units that do not exist, one per number: what tests, fixtures and `cahub bench
// orders` use when they need many distinct applicants that pass every check an order makes.

#include <cstdint>
#include <string>

namespace cahub::identifiers {

inline constexpr std::uint32_t synthetic_unit_limit = 100'000'000;

// The USCC of synthetic unit `n` (below synthetic_unit_limit): registered in Fuzhou ("91" and
// 350100), organisation code n in 8 digits with its GB 11714 check character, then the GB 32100
// check character. Distinct numbers give distinct codes; check_uscc and check_embedded_org_code
// accept every one. Throws std::out_of_range past the limit.
std::string synthetic_uscc(std::uint32_t n);

}  // namespace cahub::identifiers
