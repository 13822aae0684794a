#include "orders/region_scope.hpp"

#include <algorithm>
#include <stdexcept>

namespace cahub::orders {

bool is_region_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

RegionScope RegionScope::only(std::vector<std::string> regions) {
  if (regions.empty()) throw std::invalid_argument("a staff member needs at least one region, or all of them");
  for (const auto& id : regions)
    if (!is_region_id(id)) throw std::invalid_argument("'" + id + "' is not a region id ([a-z][a-z0-9_]*, 64 at most)");
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  return RegionScope(false, std::move(regions));
}

RegionScope RegionScope::parse(std::string_view stored) {
  if (stored == "*") return all();
  std::vector<std::string> ids;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = stored.find(',', start);
    ids.emplace_back(stored.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return only(std::move(ids));
}

bool RegionScope::covers(std::string_view region) const {
  return all_ || std::binary_search(regions_.begin(), regions_.end(), region);
}

std::string RegionScope::stored() const {
  if (all_) return "*";
  std::string out;
  for (const auto& id : regions_) out += (out.empty() ? "" : ",") + id;
  return out;
}

}  // namespace cahub::orders
