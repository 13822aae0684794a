#include "observability/request_table.hpp"

#include <algorithm>

namespace cahub::observability {
namespace {

std::size_t method_index(std::string_view method) {
  const auto& known = RequestTable::methods;
  const auto* found = std::find(known.begin(), known.end() - 1, method);  // "other" is not a match
  return static_cast<std::size_t>(found - known.begin());                 // not found: "other"
}

void count_status(std::vector<std::pair<int, std::uint64_t>>& by_status, int status) {
  const auto at = std::lower_bound(by_status.begin(), by_status.end(), status,
                                   [](const auto& entry, int s) { return entry.first < s; });
  if (at != by_status.end() && at->first == status) ++at->second;
  else by_status.insert(at, {status, 1});  // a status not seen before on this route and method
}

}  // namespace

std::string_view RequestTable::method_label(std::string_view method) {
  return methods[method_index(method)];
}

RequestTable::RouteSeries& RequestTable::route_series(std::string_view route) {
  if (const auto found = routes_.find(route); found != routes_.end()) return found->second;
  const bool has_other = routes_.find(overflow_value) != routes_.end();
  const std::size_t named = routes_.size() - (has_other ? 1 : 0);
  const std::string_view admitted = named < max_routes ? route : overflow_value;
  return routes_.try_emplace(std::string(admitted)).first->second;
}

void RequestTable::record(std::string_view route, std::string_view method, int status,
                          std::chrono::nanoseconds elapsed) {
  const std::size_t index = method_index(method);
  const std::lock_guard lock(mutex_);
  MethodSeries& series = route_series(route)[index];
  count_status(series.by_status, status);
  series.durations.observe(elapsed);
}

std::vector<RequestTable::Series> RequestTable::read() const {
  std::vector<Series> all;
  const std::lock_guard lock(mutex_);
  for (const auto& [route, by_method] : routes_) {
    for (std::size_t i = 0; i < methods.size(); ++i) {
      if (by_method[i].durations.count == 0) continue;  // this method never came on this route
      all.push_back({route, methods[i], by_method[i].by_status, by_method[i].durations});
    }
  }
  return all;
}

}  // namespace cahub::observability
