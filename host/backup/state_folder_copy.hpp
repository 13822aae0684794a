#pragma once
// Copying a CA plugin's state folder (`<paths.var>/ca/<id>/`, plugins/plugin_registry.hpp) so that
// its parts are of one moment. The issuing SDK's local CA (sdk/issuing/local_ca.cpp) writes its
// key, root and CRL and changes certificate statuses under the exclusive flock of `ca.lock` in
// that folder, and writes a subscriber's key file before it records the certificate in
// ledger.sqlite. So the copy takes the same lock, copies every SQLite file first (through the
// online backup API: one moment of each) and the other files after: the CRL matches the ledger,
// and every certificate in the copied ledger has its files in the copy.
//
// What is left out: the lock file, SQLite's companions (-wal, -shm, -journal: their content is in
// the copied database), temporary files of interrupted writes (".<name>.tmp-N"), symlinks and
// anything that is not a regular file or folder. Files come out 0600, folders 0700.

#include <filesystem>

namespace cahub::backup {

// Copies the folder `from` into `to`, which must not exist. Throws store::StoreError naming the
// file; a partial copy is left for the caller to remove.
void copy_state_folder(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace cahub::backup
