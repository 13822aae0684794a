#include "backup/service_point_restore.hpp"

#include <string>

#include "backup/online_copy.hpp"
#include "backup/service_point_backup.hpp"
#include "backup/state_folder_copy.hpp"
#include "store/database.hpp"
#include "store/private_files.hpp"
#include "store/serving_lock.hpp"
#include "store/store_error.hpp"

namespace cahub::backup {
namespace {

namespace fs = std::filesystem;

bool non_empty_folder(const fs::path& folder) {
  std::error_code error;
  return fs::is_directory(folder, error) && !fs::is_empty(folder, error);
}

void refuse_to_overwrite(const fs::path& database, const fs::path& ca_root) {
  for (const char* suffix : {"", "-wal"})
    if (fs::exists(database.string() + suffix))
      throw store::StoreError(database.string() + suffix + " exists: restore over it with --force (what it holds is "
                                                           "lost), or point --db and paths.var at a new place",
                              "target_exists");
  if (non_empty_folder(ca_root))
    throw store::StoreError(ca_root.string() + " holds CA state: restore over it with --force (it is replaced), or "
                                               "point paths.var at a new place",
                            "target_exists");
}

// The backup's database and CA folders, copied beside their places and checked.
void stage(const fs::path& from, const fs::path& staged_database, const fs::path& staged_ca) {
  if (!fs::is_regular_file(from / kDatabaseFile))
    throw store::StoreError(from.string() + " has no " + kDatabaseFile, "backup_invalid");
  copy_database_file_online(from / kDatabaseFile, staged_database);
  store::make_private_folders(staged_ca);
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(from / kCaFolder, error))
    if (entry.is_directory() && !entry.is_symlink())
      copy_state_folder(entry.path(), staged_ca / entry.path().filename());
}

// Puts the staged copies in place of the old database and CA state.
void swap_in(const fs::path& staged_database, const fs::path& database, const fs::path& staged_ca,
             const fs::path& ca_root) {
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(database.string() + suffix);
  fs::rename(staged_database, database);
  const fs::path replaced = ca_root.parent_path() / ".ca.replaced";
  fs::remove_all(replaced);
  if (fs::exists(fs::symlink_status(ca_root))) fs::rename(ca_root, replaced);
  fs::rename(staged_ca, ca_root);
  fs::remove_all(replaced);
}

}  // namespace

BackupManifest restore_backup(const fs::path& from, const fs::path& database, const fs::path& var, bool force) {
  const BackupManifest taken = BackupManifest::read(from);
  const fs::path db = fs::absolute(database);
  const fs::path ca_root = fs::absolute(var) / kCaFolder;
  store::make_private_folders(db.parent_path());
  store::make_private_folders(ca_root.parent_path());
  const store::ServingLock lock(db, store::ServingLock::Mode::Restoring);
  if (!force) refuse_to_overwrite(db, ca_root);

  const fs::path staged_database = db.string() + ".restoring";
  const fs::path staged_ca = ca_root.parent_path() / ".ca.restoring";
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(staged_database.string() + suffix);
  fs::remove_all(staged_ca);
  try {
    stage(from, staged_database, staged_ca);
    // Opened as the server opens it: a cahub database (not another program's), of a schema this
    // binary knows, migrated if older; closed again before it is moved.
    (void)store::Database::open(staged_database).schema_version();
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(staged_database.string() + suffix);
    swap_in(staged_database, db, staged_ca, ca_root);
  } catch (...) {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(staged_database.string() + suffix, ignored);
    fs::remove_all(staged_ca, ignored);
    throw;
  }
  BackupManifest restored = describe_database(db);
  restored.taken_at = taken.taken_at;
  restored.cas = taken.cas;
  return restored;
}

}  // namespace cahub::backup
