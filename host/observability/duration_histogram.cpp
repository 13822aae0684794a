#include "observability/duration_histogram.hpp"

#include <algorithm>

namespace cahub::observability {

void DurationHistogram::observe(std::chrono::nanoseconds elapsed) {
  const std::int64_t ns = std::max<std::int64_t>(elapsed.count(), 0);
  // The first bound not below the value: `le` means "less than or equal".
  const auto bound = std::lower_bound(upper_bounds_ns.begin(), upper_bounds_ns.end(), ns);
  ++in_bucket[static_cast<std::size_t>(bound - upper_bounds_ns.begin())];
  ++count;
  sum_ns += static_cast<std::uint64_t>(ns);
}

std::array<std::uint64_t, DurationHistogram::bucket_count> DurationHistogram::cumulative() const {
  std::array<std::uint64_t, bucket_count> total{};
  std::uint64_t running = 0;
  for (std::size_t i = 0; i < bucket_count; ++i) {
    running += in_bucket[i];
    total[i] = running;
  }
  return total;
}

}  // namespace cahub::observability
