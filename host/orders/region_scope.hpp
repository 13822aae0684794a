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

#include "domain/coded_error.hpp"

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

// A request that names a region the caller does not cover (a quote, a new order, a certificate to
// import): 403 "region_not_yours". An object of another region addressed by its id is not this
// error but the object's own not-found, so that its existence is not revealed (docs/api.md, Regions).
class RegionNotYours : public CodedError {
 public:
  explicit RegionNotYours(std::string_view region)
      : CodedError(ErrorKind::Forbidden, "region_not_yours",
                   "region \"" + std::string(region) + "\" is not one of yours; an administrator of all regions "
                   "can give it to you") {}
};

// Throws RegionNotYours unless `scope` covers `region`.
inline void require_region(const RegionScope& scope, std::string_view region) {
  if (!scope.covers(region)) throw RegionNotYours(region);
}

// A region id as region scripts and staff.regions write it: [a-z][a-z0-9_]{0,63}.
bool is_region_id(std::string_view id);

}  // namespace cahub::orders
