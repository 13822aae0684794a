// Bucket boundaries are inclusive upper bounds, exact in nanoseconds; the sum is exact.
#include <catch2/catch.hpp>

#include <chrono>
#include <initializer_list>
#include <string>

#include "observability/duration_histogram.hpp"

using cahub::observability::DurationHistogram;
using namespace std::chrono_literals;

TEST_CASE("a duration on a bound lands in that bound's bucket, one above it in the next") {
  DurationHistogram h;
  h.observe(5ms);
  h.observe(5ms + 1ns);
  CHECK(h.in_bucket[2] == 1);  // le="0.005"
  CHECK(h.in_bucket[3] == 1);  // le="0.01"
  CHECK(DurationHistogram::le_labels[2] == "0.005");
}

TEST_CASE("durations beyond the last bound go to +Inf and negative ones to the first bucket") {
  DurationHistogram h;
  h.observe(10s + 1ns);
  h.observe(-3ms);
  CHECK(h.in_bucket.back() == 1);
  CHECK(h.in_bucket.front() == 1);
  CHECK(h.sum_ns == 10'000'000'001);
}

TEST_CASE("cumulative counts never decrease and end at the count") {
  DurationHistogram h;
  const std::initializer_list<std::chrono::nanoseconds> durations = {0ns,  700us, 3ms, 3ms,
                                                                     40ms, 900ms, 4s,  60s};
  for (const auto d : durations) h.observe(d);
  const auto total = h.cumulative();
  CHECK(total[0] == 2);
  CHECK(total[2] == 4);
  for (std::size_t i = 1; i < total.size(); ++i) CHECK(total[i] >= total[i - 1]);
  CHECK(total.back() == h.count);
  CHECK(h.count == 8);
  CHECK(h.sum_seconds() == Approx(64.9467));
}

TEST_CASE("bounds and le labels describe the same seconds") {
  for (std::size_t i = 0; i < DurationHistogram::upper_bounds_ns.size(); ++i) {
    const double seconds = std::stod(std::string(DurationHistogram::le_labels[i]));
    CHECK(seconds * 1e9 == Approx(static_cast<double>(DurationHistogram::upper_bounds_ns[i])));
  }
  CHECK(DurationHistogram::le_labels.back() == "+Inf");
}
