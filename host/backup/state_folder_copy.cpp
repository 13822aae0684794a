#include "backup/state_folder_copy.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "backup/online_copy.hpp"
#include "store/private_files.hpp"
#include "store/store_error.hpp"

namespace cahub::backup {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLockName = "ca.lock";

// The CA's own lock, if it has one yet; held while the folder is copied.
class CaLock {
 public:
  explicit CaLock(const fs::path& folder) {
    const fs::path file = folder / kLockName;
    fd_ = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) return;  // a CA that was never set up, or a plugin that keeps no lock
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd_);
      throw store::StoreError("cannot lock " + file.string() + ": " + std::strerror(error));
    }
  }
  ~CaLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  CaLock(const CaLock&) = delete;
  CaLock& operator=(const CaLock&) = delete;

 private:
  int fd_ = -1;
};

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

bool left_out(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name == kLockName) return true;
  if (name.front() == '.' && name.find(".tmp-") != std::string::npos) return true;
  for (const char* companion : {"-wal", "-shm", "-journal"})
    if (ends_with(name, companion) &&
        fs::is_regular_file(file.parent_path() / name.substr(0, name.size() - std::strlen(companion))))
      return true;
  return false;
}

void copy_bytes(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  // A subscriber's key removed since the listing: its issuance failed, it was never recorded.
  if (!in && errno == ENOENT) return;
  if (!in) throw store::StoreError("cannot read " + from.string() + ": " + std::strerror(errno));
  try {
    if (!store::create_private_file(to)) throw store::StoreError("cannot copy into " + to.string() + ": it exists");
  } catch (const fs::filesystem_error& e) {
    throw store::StoreError("cannot create " + to.string() + ": " + e.code().message());
  }
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  out << in.rdbuf();
  out.flush();
  if (!out) throw store::StoreError("cannot write " + to.string());
}

// The regular files and folders under `folder`, relative to it, in a stable order.
std::vector<fs::path> entries_of(const fs::path& folder) {
  std::vector<fs::path> found;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
    const fs::file_status st = entry.symlink_status();
    if (fs::is_regular_file(st) || fs::is_directory(st)) found.push_back(fs::relative(entry.path(), folder));
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

void copy_state_folder(const fs::path& from, const fs::path& to) {
  if (fs::exists(to)) throw store::StoreError("cannot copy " + from.string() + " into " + to.string() + ": it exists");
  const CaLock lock(from);
  const std::vector<fs::path> entries = entries_of(from);
  store::make_private_folders(to);
  for (const fs::path& entry : entries)
    if (fs::is_directory(fs::symlink_status(from / entry))) store::make_private_folders(to / entry);
  // SQLite files first: what they record may refer to the other files, never the other way.
  std::vector<fs::path> files;
  for (const fs::path& entry : entries)
    if (fs::is_regular_file(fs::symlink_status(from / entry)) && !left_out(from / entry)) files.push_back(entry);
  std::stable_partition(files.begin(), files.end(), [&](const fs::path& f) { return is_sqlite_file(from / f); });
  for (const fs::path& file : files) {
    if (is_sqlite_file(from / file))
      copy_database_file_online(from / file, to / file);
    else
      copy_bytes(from / file, to / file);
  }
}

}  // namespace cahub::backup
