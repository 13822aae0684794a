#include "rules/rules_folder_watcher.hpp"

#include <sys/stat.h>

#include <optional>
#include <system_error>
#include <vector>

#include "rules/rules_log.hpp"

namespace cahub::rules {
namespace {

bool is_region_script(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return name.ends_with(".lua") && !name.ends_with(".spec.lua");
}

// lstat: a symbolic link is stamped as itself and handed to the book, which refuses it as
// "ignored" (a regular file swapped for a link is thus a refused edit, never a read of its target).
std::optional<FileStamp> stamp_of(const std::filesystem::path& file) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                   static_cast<std::int64_t>(st.st_size), static_cast<std::uint64_t>(st.st_ino)};
}

// The region scripts in `folder` now, with their stamps. A folder that cannot be read (moved
// away for a moment) gives nothing, and is not taken as "every script was deleted".
std::optional<std::map<std::filesystem::path, FileStamp>> scripts_in(const std::filesystem::path& folder) {
  std::map<std::filesystem::path, FileStamp> found;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!is_region_script(it->path())) continue;
    if (auto stamp = stamp_of(it->path())) found.emplace(it->path(), *stamp);
  }
  if (ec) return std::nullopt;
  return found;
}

}  // namespace

RulesFolderWatcher::RulesFolderWatcher(RuleBook& book, std::filesystem::path folder, std::chrono::milliseconds interval,
                                       std::function<void(bool)> reloaded)
    : book_(book), folder_(std::move(folder)), interval_(interval), reloaded_(std::move(reloaded)) {
  seen_ = scripts_in(folder_).value_or(decltype(seen_){});
  thread_ = std::thread([this] { run(); });
}

RulesFolderWatcher::~RulesFolderWatcher() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  thread_.join();
}

void RulesFolderWatcher::run() {
  std::unique_lock lock(stop_mutex_);
  while (!stop_signal_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      look_once();
    } catch (const std::exception& e) {  // e.g. out of memory: log it and try again next round
      rules_logger()->error("watching {}: {}", folder_.string(), e.what());
    }
    lock.lock();
  }
}

int RulesFolderWatcher::look_once() {
  std::lock_guard lock(looking_);
  const auto now = scripts_in(folder_);
  if (!now) return 0;
  int handed = 0;
  for (const auto& [file, stamp] : *now) {
    const auto before = seen_.find(file);
    if (before != seen_.end() && before->second == stamp) continue;
    const bool taken = book_.reload_file(file).empty();
    if (reloaded_) reloaded_(taken);
    ++handed;
    // Written again while it was being read: look at it again next round.
    if (stamp_of(file) == stamp)
      seen_[file] = stamp;
    else
      seen_.erase(file);
  }
  for (auto it = seen_.begin(); it != seen_.end();) {
    if (now->contains(it->first)) {
      ++it;
      continue;
    }
    book_.remove_file(it->first);
    ++handed;
    it = seen_.erase(it);
  }
  return handed;
}

}  // namespace cahub::rules
