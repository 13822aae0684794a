#include "store/serving_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/store_error.hpp"

namespace cahub::store {

std::filesystem::path ServingLock::file_for(const std::filesystem::path& database) {
  return database.string() + ".lock";
}

ServingLock::ServingLock(const std::filesystem::path& database, Mode mode) {
  const std::filesystem::path file = file_for(database);
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw StoreError("cannot open the lock file " + file.string() + ": " + std::strerror(errno));
  const int how = mode == Mode::Serving ? LOCK_SH : LOCK_EX;
  int taken = 0;
  while ((taken = ::flock(fd_, how | LOCK_NB)) != 0 && errno == EINTR) {}
  if (taken == 0) return;
  const int error = errno;
  ::close(fd_);
  fd_ = -1;
  if (error != EWOULDBLOCK) throw StoreError("cannot lock " + file.string() + ": " + std::strerror(error));
  if (mode == Mode::Serving)
    throw StoreError(database.string() + " is being restored (`cahub restore` holds " + file.string() +
                         "): start the server once it has finished",
                     "database_in_use");
  throw StoreError("a cahub server is serving from " + database.string() + " (it holds " + file.string() +
                       "): stop it before restoring over its database",
                   "database_in_use");
}

ServingLock::~ServingLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace cahub::store
