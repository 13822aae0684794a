// Label values beyond the cap fold into "other"; values already admitted keep their series.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "observability/capped_counter.hpp"

using cahub::observability::CappedCounter;
using Counts = std::vector<std::pair<std::string, std::uint64_t>>;

TEST_CASE("each value counts in its own series, sorted by value") {
  CappedCounter counter(4);
  counter.add("throttled");
  counter.add("wrong_password");
  counter.add("throttled");
  CHECK(counter.read() == Counts{{"throttled", 2}, {"wrong_password", 1}});
}

TEST_CASE("values beyond the cap fold into other and admitted values keep counting") {
  CappedCounter counter(2);
  counter.add("a");
  counter.add("b");
  counter.add("c");
  counter.add("d");
  counter.add("a");
  CHECK(counter.read() == Counts{{"a", 2}, {"b", 1}, {"other", 2}});
}

TEST_CASE("a flood of distinct values yields at most the cap plus other") {
  CappedCounter counter(32);
  for (int i = 0; i < 10'000; ++i) counter.add("reason-" + std::to_string(i));
  const Counts counts = counter.read();
  REQUIRE(counts.size() == 33);
  std::uint64_t total = 0;
  for (const auto& [value, n] : counts) total += n;
  CHECK(total == 10'000);
  // Sorted by value: "other" before "reason-…"; the first 32 values (0 to 31) were admitted.
  CHECK(counts.front() == std::pair<std::string, std::uint64_t>{"other", 10'000 - 32});
  CHECK(counts.back() == std::pair<std::string, std::uint64_t>{"reason-9", 1});
}

TEST_CASE("other passed by the caller is the overflow series and takes no slot") {
  CappedCounter counter(1);
  counter.add("other");
  counter.add("busy");
  counter.add("disabled");
  CHECK(counter.read() == Counts{{"busy", 1}, {"other", 2}});
}
