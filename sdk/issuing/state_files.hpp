#pragma once
// Files in a CA's state folder: whole-or-nothing writes, private modes, and a lock that several
// processes (a server and a CLI) can share.

#include <filesystem>
#include <string>
#include <string_view>

namespace cahub::sdk::issuing::detail {

// Writes `content` to `path` so that a reader sees the old file or the new one, never a mix:
// a temporary file in the same folder, fsync, rename, fsync the folder. `mode` applies from the
// moment the temporary file exists (a key is never readable by others, not even briefly).
// Throws ProviderError(PROVIDER) naming the file.
void write_file_atomically(const std::filesystem::path& path, std::string_view content, unsigned mode);

// The whole file; throws ProviderError(PROVIDER) naming the file.
std::string read_file(const std::filesystem::path& path);

// An exclusive advisory lock (flock) on `path`, held for the object's life. Serialises the CA's
// first-use set-up and CRL publication across processes.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& path);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace cahub::sdk::issuing::detail
