#pragma once
// `cahub restore FILE`: brings a backup folder (backup/backup_manifest.hpp) back as a stopped
// service point's database and CA state.
//
// - Refused while a server serves from the database (store/serving_lock.hpp: "database_in_use"),
//   and over an existing database or CA state unless `force` ("target_exists").
// - Everything is first copied beside its place (`<database>.restoring`, `<var>/.ca.restoring`)
//   and checked (SQLite quick_check, a cahub database); only then are the old database, its -wal
//   and -shm (a log of another database would corrupt the restored one) and the old `ca/` put
//   aside and the copies renamed into place. With `force`, the CA folders not in the backup go
//   too: the service point is as it was when the backup was taken.
// - The restored database is then opened as the server would open it (schema migrations of an
//   older backup applied), so a backup this cahub cannot serve is found here, not at start.

#include <filesystem>

#include "backup/backup_manifest.hpp"

namespace cahub::backup {

// Restores `from` to `database` and `<var>/ca`. Returns what the restored database holds.
// Throws store::StoreError: "backup_invalid", "database_in_use", "target_exists", or naming the
// file that failed (the old database stays in place then).
BackupManifest restore_backup(const std::filesystem::path& from, const std::filesystem::path& database,
                              const std::filesystem::path& var, bool force);

}  // namespace cahub::backup
