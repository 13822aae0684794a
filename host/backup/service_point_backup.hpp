#pragma once
// `cahub backup FILE`: the service point's database and CA state, copied while it serves, into
// the folder FILE (backup/backup_manifest.hpp says what is in it).
//
// Order, for consistency across the parts: the database first (one moment of it), then each CA's
// state folder under that CA's lock (backup/state_folder_copy.hpp). A certificate the copied
// database names was recorded by its CA before the database recorded it, so the copied CA holds
// it; the CA may also hold certificates of orders the copy shows still issuing, which the
// server's reconciliation at start finishes from the CA's own record, as after a crash.
//
// The folder appears whole or not at all: it is written as a hidden sibling and renamed.

#include <filesystem>

#include "backup/backup_manifest.hpp"
#include "store/database.hpp"

namespace cahub::backup {

// Copies `database` and every folder under `ca_root` (<paths.var>/ca; may be missing) into the new
// folder `out`. Throws store::StoreError: "backup_exists" when `out` exists, else naming what
// failed (nothing is left behind).
BackupManifest take_backup(store::Database& database, const std::filesystem::path& ca_root,
                           const std::filesystem::path& out);

// Counts what the database copy `file` holds, for the manifest and the restore's report.
BackupManifest describe_database(const std::filesystem::path& file);

}  // namespace cahub::backup
