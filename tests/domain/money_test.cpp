#include <catch2/catch.hpp>

#include <limits>

#include "domain/money.hpp"

TEST_CASE("fen are shown as yuan with two decimals, exactly") {
  CHECK(cahub::format_cny(26000) == "260.00");
  CHECK(cahub::format_cny(5) == "0.05");
  CHECK(cahub::format_cny(0) == "0.00");
  CHECK(cahub::format_cny(-2300) == "-23.00");
  CHECK(cahub::format_cny(std::numeric_limits<cahub::Fen>::min()) == "-92233720368547758.08");
}
