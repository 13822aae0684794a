#pragma once
// The regions a staff member works in (issue #16: "staff belong to regions"). A platform
// administrator, and every account made before regions existed, has all of them; anyone else has
// a list of region ids. Every route and command that reads or acts on an order, a certificate or a
// region's rules asks covers() before it does.
//
// Stored in staff.regions as '*' or "neimenggu,qinghai" (schema v5), parsed once where the row is
// read; inside, only this type travels.

#include <string>
#include <string_view>
#include <vector>

namespace cahub::orders {

class RegionScope {
 public:
  // Every region, including ones added later.
  static RegionScope all() { return RegionScope(true, {}); }
  // These regions only: ids as the region scripts name them, sorted and without repeats.
  // Throws std::invalid_argument for an empty list or an id that is not [a-z][a-z0-9_]{0,63}.
  static RegionScope only(std::vector<std::string> regions);
  // staff.regions as stored: "*" or ids separated by commas. Throws std::invalid_argument otherwise.
  static RegionScope parse(std::string_view stored);

  bool is_all() const { return all_; }
  bool covers(std::string_view region) const;
  // Empty for all().
  const std::vector<std::string>& regions() const { return regions_; }
  // What parse() reads back: "*" or "a,b".
  std::string stored() const;

  bool operator==(const RegionScope&) const = default;

 private:
  RegionScope(bool all, std::vector<std::string> regions) : all_(all), regions_(std::move(regions)) {}
  bool all_ = true;
  std::vector<std::string> regions_;
};

// A region id as region scripts and staff.regions write it: [a-z][a-z0-9_]{0,63}.
bool is_region_id(std::string_view id);

}  // namespace cahub::orders
