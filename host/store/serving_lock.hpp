#pragma once
// Who has a service point's database in hand: every `cahub serve` holds a shared lock on
// `<database>.lock` for its whole life, and `cahub restore` takes it exclusively before it
// replaces anything, so a restore never pulls the database out from under a running server (and
// a server does not start in the middle of a restore). flock(2): released by the kernel when the
// process ends, however it ends; the lock file itself (empty, 0600) stays.

#include <filesystem>

namespace cahub::store {

class ServingLock {
 public:
  enum class Mode { Serving, Restoring };

  // Takes the lock beside `database` without waiting. Throws StoreError with code
  // "database_in_use" (naming the file and who must stop) when it is held the other way.
  ServingLock(const std::filesystem::path& database, Mode mode);
  ~ServingLock();
  ServingLock(const ServingLock&) = delete;
  ServingLock& operator=(const ServingLock&) = delete;

  static std::filesystem::path file_for(const std::filesystem::path& database);

 private:
  int fd_ = -1;
};

}  // namespace cahub::store
