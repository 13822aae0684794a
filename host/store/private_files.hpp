#pragma once
// Files and folders only the service point's own user may read. The database holds customers'
// USCCs and ID numbers, uploaded ID scans and password hashes; a backup holds all that and the CA
// keys. So cahub makes them 0600 and their folders 0700 whatever the umask it was started under
// (cli/main.cpp also sets umask 077, which covers what SQLite and the CA plugins create; these
// are for the files cahub makes itself, and for code that runs without that umask, e.g. tests).

#include <filesystem>
#include <system_error>

namespace cahub::store {

// Creates `folder` and its missing parents, each new one with mode 0700 (chmod after mkdir, so
// the umask cannot widen it). Folders that exist are left as they are. Throws
// std::filesystem::filesystem_error naming the folder.
void make_private_folders(const std::filesystem::path& folder);

// Creates `file` empty with mode 0600 (O_EXCL: an existing file is not touched); true if it made
// it. Throws std::filesystem::filesystem_error naming the file for any error but "exists".
bool create_private_file(const std::filesystem::path& file);

// Takes the group and other bits off `path` when it has any (a database made by an older cahub,
// or copied in with cp). Quietly does nothing when `path` does not exist or is not ours.
void keep_private(const std::filesystem::path& path);

}  // namespace cahub::store
