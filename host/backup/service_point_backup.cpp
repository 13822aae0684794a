#include "backup/service_point_backup.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>

#include "backup/online_copy.hpp"
#include "backup/state_folder_copy.hpp"
#include "store/private_files.hpp"
#include "store/store_error.hpp"

namespace cahub::backup {
namespace {

namespace fs = std::filesystem;

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::int64_t single_number(sqlite3* db, const char* sql, const fs::path& file) {
  sqlite3_stmt* statement = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
    value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  if (value < 0) throw store::StoreError(file.string() + ": cannot read " + sql + ": " + sqlite3_errmsg(db));
  return value;
}

// The CA state folders to copy: plain folders only, by name.
std::vector<std::string> ca_ids(const fs::path& ca_root) {
  std::vector<std::string> ids;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(ca_root, error))
    if (entry.is_directory() && !entry.is_symlink() && entry.path().filename().string().front() != '.')
      ids.push_back(entry.path().filename().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

BackupManifest describe_database(const fs::path& file) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    throw store::StoreError("cannot open " + file.string());
  }
  BackupManifest m;
  try {
    m.schema_version = static_cast<int>(single_number(db, "PRAGMA user_version", file));
    m.orders = single_number(db, "SELECT count(*) FROM orders", file);
    m.audit_events = single_number(db, "SELECT count(*) FROM audit_events", file);
  } catch (...) {
    sqlite3_close_v2(db);
    throw;
  }
  sqlite3_close_v2(db);
  return m;
}

BackupManifest take_backup(store::Database& database, const fs::path& ca_root, const fs::path& out) {
  if (fs::exists(fs::symlink_status(out)))
    throw store::StoreError(out.string() + " exists: a backup goes into a new folder", "backup_exists");
  const fs::path target = fs::absolute(out);
  const fs::path partial =
      target.parent_path() / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
  try {
    store::make_private_folders(partial);
    copy_database_online(database.sqlite().getHandle(), partial / kDatabaseFile);
    BackupManifest manifest = describe_database(partial / kDatabaseFile);
    manifest.taken_at = utc_now();
    manifest.cas = ca_ids(ca_root);
    for (const std::string& id : manifest.cas) copy_state_folder(ca_root / id, partial / kCaFolder / id);
    manifest.write(partial);
    fs::rename(partial, target);
    return manifest;
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    throw;
  }
}

}  // namespace cahub::backup
