#pragma once
// The latencies a benchmark measured, and the percentiles it reports (p50, p99). Each thread
// records into its own, merged once the timed part is over, so recording takes no lock.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace cahub::cli {

class Latencies {
 public:
  void reserve(std::size_t n) { nanoseconds_.reserve(n); }
  void add(std::chrono::nanoseconds d) {
    nanoseconds_.push_back(static_cast<std::uint64_t>(std::max<std::int64_t>(d.count(), 0)));
  }
  void merge(const Latencies& other) {
    nanoseconds_.insert(nanoseconds_.end(), other.nanoseconds_.begin(), other.nanoseconds_.end());
  }
  std::size_t count() const { return nanoseconds_.size(); }

  // The latency within which `share` (0 to 1) of the requests were answered, in microseconds
  // (nearest rank below); 0 when nothing was recorded.
  double percentile_us(double share) {
    if (nanoseconds_.empty()) return 0;
    const auto k = static_cast<std::size_t>(share * static_cast<double>(nanoseconds_.size() - 1));
    std::nth_element(nanoseconds_.begin(), nanoseconds_.begin() + static_cast<std::ptrdiff_t>(k), nanoseconds_.end());
    return static_cast<double>(nanoseconds_[k]) / 1000.0;
  }

 private:
  std::vector<std::uint64_t> nanoseconds_;
};

}  // namespace cahub::cli
