#include "store/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace cahub::store {
namespace fs = std::filesystem;

void make_private_folders(const fs::path& folder) {
  if (folder.empty()) return;
  std::vector<fs::path> missing;  // innermost first
  for (fs::path at = fs::absolute(folder); !at.empty() && !fs::exists(at); at = at.parent_path()) {
    missing.push_back(at);
    if (at == at.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
      throw fs::filesystem_error("cannot create the folder", *it, std::error_code(errno, std::generic_category()));
    if (::chmod(it->c_str(), 0700) != 0)
      throw fs::filesystem_error("cannot make the folder private", *it, std::error_code(errno, std::generic_category()));
  }
}

bool create_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw fs::filesystem_error("cannot create", file, std::error_code(errno, std::generic_category()));
  }
  const int changed = ::fchmod(fd, 0600);  // the umask may have taken bits off, never added: this is for clarity
  const int error = errno;
  ::close(fd);
  if (changed != 0) throw fs::filesystem_error("cannot make private", file, std::error_code(error, std::generic_category()));
  return true;
}

void keep_private(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) return;
  if ((st.st_mode & 077) != 0) ::chmod(path.c_str(), st.st_mode & 0700);
}

}  // namespace cahub::store
