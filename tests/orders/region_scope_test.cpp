#include <catch2/catch.hpp>

#include <stdexcept>

#include "orders/region_scope.hpp"

using cahub::orders::RegionScope;

TEST_CASE("a region scope reads back what it stores, sorted and without repeats") {
  const auto scope = RegionScope::parse("qinghai,neimenggu,qinghai");
  CHECK(scope.stored() == "neimenggu,qinghai");
  CHECK(scope.covers("neimenggu"));
  CHECK(scope.covers("qinghai"));
  CHECK_FALSE(scope.covers("central"));
  CHECK_FALSE(scope.covers(""));
  CHECK(RegionScope::parse(scope.stored()) == scope);
}

TEST_CASE("all regions covers every region, including ones added later") {
  const auto scope = RegionScope::parse("*");
  CHECK(scope.is_all());
  CHECK(scope.covers("central"));
  CHECK(scope.covers("a_region_added_next_year"));
  CHECK(scope.stored() == "*");
}

TEST_CASE("a region scope refuses an empty list, an empty id and ids that are not region ids") {
  for (const char* bad : {"", ",", "neimenggu,", ",qinghai", "Neimenggu", "nei menggu", "../x", "1abc", "*,central"})
    CHECK_THROWS_AS(RegionScope::parse(bad), std::invalid_argument);
  CHECK_THROWS_AS(RegionScope::only({}), std::invalid_argument);
  CHECK_THROWS_AS(RegionScope::only({std::string(65, 'a')}), std::invalid_argument);
  CHECK_NOTHROW(RegionScope::only({std::string(64, 'a')}));
}
