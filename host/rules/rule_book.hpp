#pragma once
// The region scripts the host serves, by region id, and the ones it refused and why.
//
// Loading is forgiving: a script with findings is refused (its findings kept for
// `cahub rules check`, the log and GET /v1/rules) and the host goes on with the others.
//
// Threading: every member is safe to call concurrently. find() hands out a shared_ptr, so a
// quote in progress keeps the rules it started with while reload_file() swaps in new ones for
// the requests that come after: a later hot reload (a file watcher) only needs to call it.

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "rules/region_rules.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::rules {

struct RefusedScript {
  std::filesystem::path file;
  std::vector<Finding> findings;
};

class RuleBook {
 public:
  explicit RuleBook(SandboxLimits limits = {});
  RuleBook(const RuleBook&) = delete;
  RuleBook& operator=(const RuleBook&) = delete;

  // Loads every *.lua in `folder` except *.spec.lua (not recursively, in file-name order),
  // replacing whatever was loaded before in one step. Returns how many scripts loaded. Throws
  // std::runtime_error when `folder` is not a readable directory; a bad script never throws.
  std::size_t load_folder(const std::filesystem::path& folder);

  // Loads one script and, when it has no findings, makes it the rules of its region in one
  // atomic step (replacing that region's earlier rules, if any). When it has findings, the rules
  // in force stay and the file is listed in refused(). Returns the findings.
  std::vector<Finding> reload_file(const std::filesystem::path& file);

  // The rules of a region, or null.
  std::shared_ptr<const RegionRules> find(std::string_view region_id) const;
  // The ids of the loaded regions, sorted.
  std::vector<std::string> ids() const;
  // Every script that was not loaded, with its findings, in file-name order.
  std::vector<RefusedScript> refused() const;

  // GET /v1/rules: {"regions": [{id, name, name_en, file, accepts, applicants, channels,
  // businesses, years}], "refused": [{file, findings: ["central.lua:3: ..."]}]}
  nlohmann::ordered_json describe() const;

  const SandboxLimits& limits() const { return limits_; }

 private:
  using Regions = std::map<std::string, std::shared_ptr<const RegionRules>, std::less<>>;
  using Refusals = std::map<std::filesystem::path, std::vector<Finding>>;

  const SandboxLimits limits_;
  mutable std::mutex mutex_;  // guards the two maps; held only to copy or swap pointers
  Regions regions_;
  Refusals refused_;
};

}  // namespace cahub::rules
