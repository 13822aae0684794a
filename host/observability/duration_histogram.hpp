#pragma once
// How long something took, as a Prometheus histogram in seconds with fixed buckets.
//
// The buckets are the same for every route so that a quantile can be computed across routes
// (histogram_quantile over a sum), and fixed so a series never changes shape under the
// scraper. They span 1 ms (a cached GET) to 10 s (a slow plugin call behind a request).
// Bounds are kept in integer nanoseconds so "exactly 5 ms" lands in le="0.005" with no
// floating-point doubt; the sum too, so it never drifts however many requests are added.
//
// Not synchronised: the owner (RequestTable) holds its lock around observe() and copies.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cahub::observability {

struct DurationHistogram {
  // Upper bounds of the finite buckets; a last bucket, +Inf, takes the rest.
  static constexpr std::array<std::int64_t, 13> upper_bounds_ns = {
      1'000'000,     2'500'000,     5'000'000,     10'000'000,    25'000'000,
      50'000'000,    100'000'000,   250'000'000,   500'000'000,   1'000'000'000,
      2'500'000'000, 5'000'000'000, 10'000'000'000};
  static constexpr std::size_t bucket_count = upper_bounds_ns.size() + 1;
  // The `le` label of each bucket, the same bounds in seconds as written text.
  static constexpr std::array<std::string_view, bucket_count> le_labels = {
      "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
      "0.25",  "0.5",    "1",     "2.5",  "5",     "10",  "+Inf"};

  std::array<std::uint64_t, bucket_count> in_bucket{};  // per bucket, not cumulative
  std::uint64_t count = 0;
  std::uint64_t sum_ns = 0;

  // Counts one observation; a negative duration (a clock step) counts as zero.
  void observe(std::chrono::nanoseconds elapsed);
  // Observations at or below each bound, as the exposition's `_bucket` samples need them.
  std::array<std::uint64_t, bucket_count> cumulative() const;
  double sum_seconds() const { return static_cast<double>(sum_ns) / 1e9; }
};

}  // namespace cahub::observability
