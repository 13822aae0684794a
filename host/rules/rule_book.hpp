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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "domain/date.hpp"

#include "rules/region_rules.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::rules {

using WallClock = std::chrono::system_clock;

// A release of a region's rules kept in the store (rules.source = "store", host/releases/): its
// number and the China-time day from which it is in force (none: since ever).
struct ReleaseMark {
  std::int64_t number = 0;
  std::optional<Date> effective_from;
  bool operator==(const ReleaseMark&) const = default;
};

// One version of a region's rules the book answers with, and which release it is (none: a script
// from the rules folder).
struct TimedRules {
  std::shared_ptr<const RegionRules> rules;
  std::optional<ReleaseMark> release;
};

// A published release as the store hands it to the book: the text is loaded and checked here.
struct PublishedRelease {
  std::string region;
  ReleaseMark mark;
  std::string script;
};

// A region the book serves, and when and from where it was swapped in.
//
// Files: one version, the script. Store: every published release that can still be in force on
// some day, by ascending number. In force on day D is the highest-numbered one whose
// effective_from is D or earlier (docs/rules.md, "Changing a region's rules"): a later release
// replaces everything before it from its first day, so a rollback published today also cancels a
// raise scheduled for next month.
struct LiveRegion {
  std::vector<TimedRules> timeline;  // never empty
  std::filesystem::path file;        // files: the script; store: "" (the text is in the store)
  WallClock::time_point loaded_at;

  // What is in force on `day`; null before the first release's day.
  const TimedRules* in_force(Date day) const;
  // The last version by number: what `rules check`-like views show as "the region's script".
  const TimedRules& latest() const { return timeline.back(); }
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

  // The rules of a region in force on `day` (a quote's date), with the release they are; rules
  // null when the region is unknown or has nothing in force that day.
  TimedRules find(std::string_view region_id, Date day) const;
  // The same for today in China time.
  std::shared_ptr<const RegionRules> find(std::string_view region_id) const;

  // rules.source = "store": makes `releases` what the book serves, in one step, replacing whatever
  // it served before (files included). A release already loaded (same region, number and day) is
  // kept as it is, so a store that did not change costs nothing to hand over again. A release
  // whose text fails its check (it passed when it was published, so the host's limits or plugins
  // must differ) is left out, listed in refused() and logged; the region's earlier releases go on.
  // Returns how many regions the book serves.
  std::size_t load_releases(const std::vector<PublishedRelease>& releases);
  // The ids of the loaded regions, sorted.
  std::vector<std::string> ids() const;
  // Every script that was not loaded, with its findings, in file-name order.
  std::vector<RefusedScript> refused() const;

  // GET /v1/rules: {"generation": n, "regions": [{id, name, name_en, file, loaded_at, sha256,
  // release?, accepts, applicants, channels, businesses, years, refused_reload?}], "refused":
  // [{file, refused_at, findings: ["central.lua:3: ..."], still_serving?}]}, each region as in
  // force on `today`; `release` {number, effective_from, scheduled: [{number, effective_from}]}
  // when it comes from the store.
  nlohmann::ordered_json describe(Date today = Date::today_utc8()) const;

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
