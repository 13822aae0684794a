// The worst-case step estimate that bounds Lua's backtracking pattern matcher.
#include <catch2/catch.hpp>

#include "rules/builtin_bounds.hpp"

using cahub::rules::pattern_worst_case_steps;

TEST_CASE("pattern cost: each repetition item multiplies by the subject length") {
  // n = 10 bytes: the estimate uses n + 1 = 11 per factor.
  CHECK(pattern_worst_case_steps("abc", 10, true) == 11);         // only the start positions
  CHECK(pattern_worst_case_steps("^abc", 10, true) == 1);         // anchored: one start
  CHECK(pattern_worst_case_steps("^abc", 10, false) == 11);       // gmatch ignores the anchor
  CHECK(pattern_worst_case_steps("a*b", 10, true) == 121);
  CHECK(pattern_worst_case_steps("^(%d+)-(%d+)$", 10, true) == 121);
  CHECK(pattern_worst_case_steps(".-.-.-b", 10, true) == 11.0 * 11 * 11 * 11);
  CHECK(pattern_worst_case_steps("a?b?", 10, true) == 11 * 4);    // optional items double
  CHECK(pattern_worst_case_steps("%bxy", 10, true) == 121);       // a balance scan
  CHECK(pattern_worst_case_steps("(a)%1", 10, true) == 121);      // a back reference
}

TEST_CASE("pattern cost: quantifier characters that are not quantifiers") {
  CHECK(pattern_worst_case_steps("%*%+%-", 10, true) == 11);      // escaped
  CHECK(pattern_worst_case_steps("[*+-]", 10, true) == 11);       // inside a set
  CHECK(pattern_worst_case_steps("[]*]", 10, true) == 11);        // ] first in a set is literal
  CHECK(pattern_worst_case_steps("[%]]+", 10, true) == 121);      // a set, then a real +
  CHECK(pattern_worst_case_steps("%f[%w]a", 10, true) == 11);     // a frontier is no repetition
  CHECK(pattern_worst_case_steps("-a", 10, true) == 11);          // a leading '-' is a literal
  CHECK(pattern_worst_case_steps("a--", 10, true) == 121);        // 'a' repeated lazily, then '-' 
}
