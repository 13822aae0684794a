#include "observability/capped_counter.hpp"

namespace cahub::observability {

CappedCounter::CappedCounter(std::size_t max_values) : max_values_(max_values) {}

void CappedCounter::add(std::string_view value) {
  const std::lock_guard lock(mutex_);
  if (const auto found = counts_.find(value); found != counts_.end()) {
    ++found->second;
    return;
  }
  const bool has_other = counts_.find(overflow_value) != counts_.end();
  const std::size_t named = counts_.size() - (has_other ? 1 : 0);
  const std::string_view admitted = named < max_values_ ? value : overflow_value;
  ++counts_.try_emplace(std::string(admitted), 0).first->second;
}

std::vector<std::pair<std::string, std::uint64_t>> CappedCounter::read() const {
  const std::lock_guard lock(mutex_);
  return {counts_.begin(), counts_.end()};
}

}  // namespace cahub::observability
