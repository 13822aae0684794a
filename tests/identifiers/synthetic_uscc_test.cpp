#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include "identifiers/synthetic_uscc.hpp"
#include "identifiers/uscc.hpp"

using namespace cahub::identifiers;

TEST_CASE("synthetic USCCs pass every check and differ from one another") {
  std::set<std::string> seen;
  for (std::uint32_t n : {0u, 1u, 2u, 9u, 10u, 4711u, 123456u, 99'999'999u}) {
    const std::string code = synthetic_uscc(n);
    INFO(n << ": " << code);
    CHECK(code.size() == uscc_length);
    CHECK_FALSE(check_uscc(code).failure);
    CHECK_FALSE(check_embedded_org_code(code).failure);
    CHECK(code.substr(0, 8) == "91350100");
    CHECK(seen.insert(code).second);
  }
  CHECK(synthetic_uscc(1) == synthetic_uscc(1));
}

TEST_CASE("synthetic USCCs stop at eight digits of organisation code") {
  CHECK_THROWS_AS(synthetic_uscc(synthetic_unit_limit), std::out_of_range);
}
