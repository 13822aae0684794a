#pragma once
// A counter with one label whose values the caller names (a refusal reason, a rejection cause).
//
// Every distinct label value is a time series the scraper stores forever, so a value that could
// ever carry client input would let a client grow the server's memory and the monitoring's
// storage without bound. The first `max_values` distinct values get their own series; any value
// after that is counted under "other", so a bug or an attack shows as a growing "other" instead
// of as an outage.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cahub::observability {

class CappedCounter {
 public:
  static constexpr std::string_view overflow_value = "other";

  // At most `max_values` distinct values besides "other" (so max_values + 1 series).
  explicit CappedCounter(std::size_t max_values);

  // Adds one to `value`'s series (or to "other"). Allocates only for a value not seen before.
  // [thread-safe]
  void add(std::string_view value);

  // Every series, sorted by value. [thread-safe]
  std::vector<std::pair<std::string, std::uint64_t>> read() const;

 private:
  const std::size_t max_values_;
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t, std::less<>> counts_;  // "other" included once it occurs
};

}  // namespace cahub::observability
