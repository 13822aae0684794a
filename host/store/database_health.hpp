#pragma once
// Whether the database file a process works on can still take writes. A server keeps its
// connections open for days; if the file is deleted, replaced or made read-only under it, SQLite
// goes on writing to the inode it holds (or fails on every write), and at the next start the
// service point's data is gone. So the server watches the file (store/database_watch.hpp) and
// records here what it saw; every write then asks here first and is refused with
// `store_unavailable` (503) instead of vanishing, and /healthz answers 503.
//
// One DatabaseHealth per file per process, shared by every connection to it (Database::health()).
// [thread-safe]: the watcher sets, any thread reads (one atomic).

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "domain/coded_error.hpp"

namespace cahub::store {

enum class DatabaseCondition {
  Sound,     // the file the server opened, at its path, writable
  Missing,   // nothing at the path any more: deleted (the server writes to an unlinked inode)
  Replaced,  // another file at the path (or its write-ahead log replaced): two databases now
  ReadOnly,  // the file (or its file system) cannot be written
  Unreachable,  // PostgreSQL: the server does not answer, or the connection was lost mid-transaction
  TimedOut,     // PostgreSQL: a statement ran past the database's statement_timeout (per request only)
};

// "ok", "missing", "replaced", "read_only": for /healthz and the log.
std::string_view code_of(DatabaseCondition condition);

// A write refused because the database cannot take it. The message is for a client: no path.
class StoreUnavailable : public CodedError {
 public:
  explicit StoreUnavailable(DatabaseCondition condition);
  DatabaseCondition condition() const { return condition_; }

 private:
  DatabaseCondition condition_;
};

class DatabaseHealth {
 public:
  // The health of `file` (absolute) in this process, made Sound on first use.
  static std::shared_ptr<DatabaseHealth> of(const std::filesystem::path& file);

  DatabaseCondition condition() const { return condition_.load(std::memory_order_acquire); }
  bool sound() const { return condition() == DatabaseCondition::Sound; }
  // Returns the condition it replaced.
  DatabaseCondition set(DatabaseCondition condition) {
    return condition_.exchange(condition, std::memory_order_acq_rel);
  }
  // Throws StoreUnavailable unless Sound. Called by every WriteTransaction that begins.
  void require_writable() const;

 private:
  std::atomic<DatabaseCondition> condition_{DatabaseCondition::Sound};
};

}  // namespace cahub::store
