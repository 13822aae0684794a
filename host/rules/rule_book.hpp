#pragma once
// The region scripts the host serves, by region id, and the ones it refused and why.
//
// Loading is forgiving: a script with findings is refused (its findings kept for
// `cahub rules check`, the log and GET /v1/rules) and the host goes on with the others. When a
// script that is already live is edited into one that fails its check, the live version stays
// and the refusal is reported next to it.
//
// Threading: every member is safe to call concurrently. What the book serves is one immutable
// RuleBookSnapshot; a change builds a new snapshot and swaps it in whole, so a request sees
// either the old rules or the new ones, never a mix, and a quote in progress keeps what it
// started with (it holds a shared_ptr). Readers do not lock: each thread keeps its own copy of
// the current snapshot and only re-reads it (under the writers' mutex) when the book's
// generation number says it changed, so a quote writes to no cache line other threads read
// besides the region's own reference count.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
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

using WallClock = std::chrono::system_clock;

// A region in force, and when and from which file it was swapped in.
struct LiveRegion {
  std::shared_ptr<const RegionRules> rules;
  std::filesystem::path file;
  WallClock::time_point loaded_at;
};

// A script that failed its check. When an earlier version of it is live, that version goes on
// serving (GET /v1/rules shows both).
struct RefusedScript {
  std::filesystem::path file;
  std::vector<Finding> findings;
  WallClock::time_point refused_at;
};

// Everything the book serves at one moment. Never changed once published.
struct RuleBookSnapshot {
  std::uint64_t generation = 0;  // unique per snapshot, across every book in the process
  std::map<std::string, LiveRegion, std::less<>> regions;          // by region id
  std::map<std::filesystem::path, RefusedScript> refused;          // by file
};

class RuleBook {
 public:
  explicit RuleBook(SandboxLimits limits = {});
  RuleBook(const RuleBook&) = delete;
  RuleBook& operator=(const RuleBook&) = delete;

  // Loads every *.lua in `folder` except *.spec.lua (not recursively, in file-name order),
  // replacing whatever was loaded before in one step. An entry that is not a regular file (a
  // symbolic link, a FIFO) is never read: it is listed in refused() as "ignored: ...". Returns how many scripts loaded. Throws
  // std::runtime_error when `folder` is not a readable directory; a bad script never throws.
  std::size_t load_folder(const std::filesystem::path& folder);

  // Loads one script and, when it has no findings, makes it the rules of its region in one
  // atomic step (replacing that region's earlier rules, if any). When it has findings, the rules
  // in force stay and the file is listed in refused(). Returns the findings.
  std::vector<Finding> reload_file(const std::filesystem::path& file);

  // The script `file` was deleted: the region it provided stops being served, and any refusal
  // of it is forgotten. Returns the id of the region removed, or "" when it provided none.
  std::string remove_file(const std::filesystem::path& file);

  // What the book serves now. Cheap: no lock unless the book changed since this thread last asked.
  std::shared_ptr<const RuleBookSnapshot> snapshot() const;

  // The rules of a region, or null.
  std::shared_ptr<const RegionRules> find(std::string_view region_id) const;
  // The ids of the loaded regions, sorted.
  std::vector<std::string> ids() const;
  // Every script that was not loaded, with its findings, in file-name order.
  std::vector<RefusedScript> refused() const;

  // GET /v1/rules: {"generation": n, "regions": [{id, name, name_en, file, loaded_at, sha256,
  // accepts, applicants, channels, businesses, years, refused_reload?}], "refused": [{file,
  // refused_at, findings: ["central.lua:3: ..."], still_serving?}]}
  nlohmann::ordered_json describe() const;

  const SandboxLimits& limits() const { return limits_; }

 private:
  // Copies the current snapshot, lets `edit` change the copy and publishes it with a fresh
  // generation number.
  void change(const std::function<void(RuleBookSnapshot&)>& edit);

  // The calling thread's copy of the current snapshot, refreshed when stale. The reference stays
  // good until this thread calls into the book again: the hot path (find) copies no shared_ptr
  // to the snapshot, only the one to the region it returns.
  const RuleBookSnapshot& on_this_thread() const;

  const SandboxLimits limits_;
  std::mutex writers_;                             // one change at a time
  mutable std::mutex mutex_;                       // guards current_ (held only to copy or swap it)
  std::shared_ptr<const RuleBookSnapshot> current_;
  std::atomic<std::uint64_t> generation_{0};       // current_->generation, readable without the lock
};

}  // namespace cahub::rules
