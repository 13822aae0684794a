#include "store/database_watch.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/store_error.hpp"

namespace cahub::store {
namespace {

bool same(const struct stat& st, dev_t device, ino_t inode) { return st.st_dev == device && st.st_ino == inode; }

}  // namespace

DatabaseWatch::DatabaseWatch(const std::filesystem::path& file, std::chrono::milliseconds period, Report report)
    : file_(std::filesystem::absolute(file)),
      wal_(file_.string() + "-wal"),
      health_(DatabaseHealth::of(file_)),
      report_(std::move(report)) {
  struct stat st {};
  if (::stat(file_.c_str(), &st) != 0)
    throw StoreError(file_.string() + ": cannot watch the database: " + std::strerror(errno), "database_missing");
  opened_ = {st.st_dev, st.st_ino};
  if (::stat(wal_.c_str(), &st) == 0) wal_opened_ = Identity{st.st_dev, st.st_ino};
  if (period.count() > 0) thread_ = std::thread([this, period] { keep_looking(period); });
}

DatabaseWatch::~DatabaseWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_asked_.notify_all();
  if (thread_.joinable()) thread_.join();
}

DatabaseCondition DatabaseWatch::see(std::string& seen) {
  struct stat st {};
  if (::stat(file_.c_str(), &st) != 0) {
    seen = file_.string() + " is gone (" + std::strerror(errno) + ") while the server holds it open";
    return DatabaseCondition::Missing;
  }
  if (!same(st, opened_.device, opened_.inode)) {
    seen = file_.string() + " is another file than the one the server opened";
    return DatabaseCondition::Replaced;
  }
  if (::stat(wal_.c_str(), &st) == 0) {
    if (!wal_opened_) wal_opened_ = Identity{st.st_dev, st.st_ino};
    if (!same(st, wal_opened_->device, wal_opened_->inode)) {
      seen = wal_.string() + " (its write-ahead log) is another file than the one the server writes";
      return DatabaseCondition::Replaced;
    }
  } else if (wal_opened_) {
    // The server's connections keep the log open, so SQLite never removes it while it runs.
    seen = wal_.string() + " (its write-ahead log, with the latest commits) is gone";
    return DatabaseCondition::Missing;
  }
  if (::faccessat(AT_FDCWD, file_.c_str(), W_OK, AT_EACCESS) != 0) {
    seen = file_.string() + " cannot be written any more (" + std::strerror(errno) + ")";
    return DatabaseCondition::ReadOnly;
  }
  seen.clear();
  return DatabaseCondition::Sound;
}

DatabaseCondition DatabaseWatch::look() {
  std::lock_guard lock(mutex_);
  const DatabaseCondition before = health_->condition();
  if (before == DatabaseCondition::Missing || before == DatabaseCondition::Replaced) return before;  // for good
  std::string seen;
  const DatabaseCondition now = see(seen);
  if (now == before) return now;
  health_->set(now);
  if (report_) report_(now, before, now == DatabaseCondition::Sound ? file_.string() : seen);
  return now;
}

void DatabaseWatch::keep_looking(std::chrono::milliseconds period) {
  pthread_setname_np(pthread_self(), "cahub-db-watch");
  std::unique_lock lock(mutex_);
  while (!stop_asked_.wait_for(lock, period, [&] { return stopping_; })) {
    lock.unlock();
    look();
    lock.lock();
  }
}

}  // namespace cahub::store
