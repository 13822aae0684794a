#pragma once
// rules.source = "store": the rule book served from the store's published releases, and kept in
// step with it on every host that shares the database.
//
// Each host polls a fingerprint of the published releases (how many, and the sum of their
// versions: any publication or withdrawal changes it) every rules.watch_milliseconds, and hands
// the book every release that can still be in force when it changed; the book keeps what it had
// loaded already (RuleBook::load_releases), so a poll costs one small query. A publication on
// this host reloads at once (ReleaseServices::published). Quotes in flight keep the rules they
// started with: the book swaps whole snapshots.
//
// The rules folder seeds the store: a region script there whose region has no release yet is
// imported as its release 1, published since ever, by "system", with an audit event
// (rules.imported). After that the store is the region's only source; the file is not read again.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "releases/release_repository.hpp"
#include "rules/rule_book.hpp"
#include "rules/sandbox_limits.hpp"
#include "store/database.hpp"

namespace cahub::releases {

// Imports every region script of `folder` whose region has no release in the store. A script that
// fails its check is not imported (logged). Returns the regions imported.
// Each region is imported in a write of its own; on either store.
std::vector<std::string> import_missing_regions(store::SqlStore& store, const std::filesystem::path& folder,
                                                const rules::SandboxLimits& limits);

// Makes the store's reachable releases what `book` serves, read in one snapshot of either store.
// Returns the fingerprint it loaded.
StoreFingerprint load_book_from_store(rules::RuleBook& book, store::SqlStore& store);

class ReleaseWatcher {
 public:
  // Polls `store` (a connection of its own, used only under this watcher's lock) for `book`,
  // which must outlive the watcher and was loaded by load_book_from_store, which returned `loaded`.
  // `interval` 0: no thread, only refresh().
  ReleaseWatcher(rules::RuleBook& book, std::unique_ptr<store::SqlStore> store, std::chrono::milliseconds interval,
                 StoreFingerprint loaded);
  ~ReleaseWatcher();
  ReleaseWatcher(const ReleaseWatcher&) = delete;
  ReleaseWatcher& operator=(const ReleaseWatcher&) = delete;

  // Looks now; reloads the book when the store's releases changed. Returns whether it did.
  bool refresh();

 private:
  void run();

  rules::RuleBook& book_;
  std::mutex looking_;  // guards store_ and seen_
  std::unique_ptr<store::SqlStore> store_;
  StoreFingerprint seen_;
  const std::chrono::milliseconds interval_;
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace cahub::releases
