#pragma once
// Watches a served database's file, so that a lost database is noticed while the server runs,
// not at its next start (when every order, account and event since would be gone).
//
// Every `period` it looks at the path (stat, no SQLite): the file the server opened must still
// be there (not Missing), be the same file, and its write-ahead log the same once it exists (not
// Replaced: device and inode as first seen), and be writable by this process's user (not
// ReadOnly: faccessat W_OK, which also sees a read-only or immutable file system for root). What
// it sees goes into the file's DatabaseHealth, which refuses writes and turns /healthz 503.
//
// Missing and Replaced stay: the server's connections point at the old inode, so a file put back
// at the path is another database, and only a restart (after `cahub restore`) mends that.
// ReadOnly ends when the file is writable again.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>

#include "store/database_health.hpp"

namespace cahub::store {

class DatabaseWatch {
 public:
  // Called on the watch's thread when the condition changes: the new one, the old one and what
  // was seen (for the log, names the file; just the file when it is Sound again).
  using Report = std::function<void(DatabaseCondition now, DatabaseCondition before, const std::string& seen)>;

  // Takes the file's identity now (throws StoreError "database_missing" if it is not there) and,
  // unless `period` is zero, looks again every `period` on its own thread until destroyed.
  DatabaseWatch(const std::filesystem::path& file, std::chrono::milliseconds period, Report report);
  ~DatabaseWatch();
  DatabaseWatch(const DatabaseWatch&) = delete;
  DatabaseWatch& operator=(const DatabaseWatch&) = delete;

  // One look now, on the calling thread; its result is recorded and reported as above.
  DatabaseCondition look();

 private:
  struct Identity {
    dev_t device = 0;
    ino_t inode = 0;
  };
  DatabaseCondition see(std::string& seen);
  void keep_looking(std::chrono::milliseconds period);

  std::filesystem::path file_;
  std::filesystem::path wal_;
  Identity opened_;
  std::optional<Identity> wal_opened_;  // once the write-ahead log has been seen
  std::shared_ptr<DatabaseHealth> health_;
  Report report_;
  std::mutex mutex_;  // look() from a test and the thread
  std::condition_variable stop_asked_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once everything above is set
};

}  // namespace cahub::store
