#pragma once
// Hot reload for `cahub serve`: a thread that looks at the rules folder every
// `rules.watch_milliseconds` and hands each changed, added or removed region script to the
// RuleBook, which checks it and swaps it in (or refuses it and keeps the version in force).
//
// Why polling and not inotify: it needs nothing from the platform, works on network and
// container-mounted folders where inotify events do not arrive, and the cost is a handful of
// stat() calls per interval. A change is recognised by modification time, size and inode (an
// editor that saves through a temporary file and rename gives a new inode).
//
// A file caught half-written (an editor or `cp` writing in place) simply fails its check and is
// refused; the version in force stays. Its next write changes the stamp again and the complete
// file is loaded then. So that a write landing while the file is being read is never missed, the
// stamp is taken before and after reading; when they differ, the file is looked at again on the
// next round.

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "rules/rule_book.hpp"

namespace cahub::rules {

// What says a file changed.
struct FileStamp {
  std::int64_t modified_ns = 0;
  std::int64_t size = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

class RulesFolderWatcher {
 public:
  // Starts watching `folder` for `book`, which must outlive the watcher. The files there now are
  // taken as what `book` already loaded.
  // `reloaded` (may be empty) hears of each script handed to the book: true when it was taken.
  RulesFolderWatcher(RuleBook& book, std::filesystem::path folder, std::chrono::milliseconds interval,
                     std::function<void(bool taken)> reloaded = {});
  // Stops the thread (waits for a reload in progress to finish).
  ~RulesFolderWatcher();
  RulesFolderWatcher(const RulesFolderWatcher&) = delete;
  RulesFolderWatcher& operator=(const RulesFolderWatcher&) = delete;

  // One look at the folder, as the thread makes every interval: reloads what changed, removes
  // what was deleted. Returns how many files it handed to the book. For tests and the thread.
  int look_once();

 private:
  void run();

  RuleBook& book_;
  const std::filesystem::path folder_;
  const std::chrono::milliseconds interval_;
  const std::function<void(bool)> reloaded_;
  std::mutex looking_;                               // one look at a time (the thread, a test)
  std::map<std::filesystem::path, FileStamp> seen_;  // guarded by looking_
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace cahub::rules
