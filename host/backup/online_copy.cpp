#include "backup/online_copy.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "store/private_files.hpp"
#include "store/store_error.hpp"

namespace cahub::backup {
namespace {

namespace fs = std::filesystem;

struct CloseConnection {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, CloseConnection>;

Connection open_connection(const fs::path& file, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  Connection held(db);
  if (rc != SQLITE_OK)
    throw store::StoreError("cannot open " + file.string() + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(db, 10'000);
  return held;
}

void execute(sqlite3* db, const char* sql, const fs::path& file) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errmsg(db);
    sqlite3_free(error);
    throw store::StoreError(file.string() + ": " + sql + ": " + message);
  }
}

// All pages in one step: one read transaction, so one moment of the source. A writer holding
// the source's lock (rollback-journal sources only; WAL readers never wait) is waited out.
void copy_pages(sqlite3* source, sqlite3* destination, const fs::path& file) {
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (!backup) throw store::StoreError("cannot start copying into " + file.string() + ": " + sqlite3_errmsg(destination));
  int rc = SQLITE_OK;
  for (int tries = 0; tries < 1000; ++tries) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw store::StoreError("copying into " + file.string() + " failed: " + sqlite3_errstr(rc));
}

void check_copy(sqlite3* db, const fs::path& file) {
  sqlite3_stmt* statement = nullptr;
  std::string verdict = "?";
  if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW)
    verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  if (verdict != "ok") throw store::StoreError("the copy " + file.string() + " fails SQLite's quick_check: " + verdict);
}

}  // namespace

void copy_database_online(sqlite3* source, const fs::path& destination) {
  try {
    if (!store::create_private_file(destination))
      throw store::StoreError("cannot copy a database into " + destination.string() + ": it exists");
  } catch (const fs::filesystem_error& e) {
    throw store::StoreError("cannot create " + destination.string() + ": " + e.code().message());
  }
  try {
    Connection copy = open_connection(destination, SQLITE_OPEN_READWRITE);
    copy_pages(source, copy.get(), destination);
    // The source's WAL flag came over with its header: make the copy a standalone file.
    execute(copy.get(), "PRAGMA journal_mode = DELETE", destination);
    check_copy(copy.get(), destination);
  } catch (...) {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(destination.string() + suffix, ignored);
    throw;
  }
}

void copy_database_file_online(const fs::path& source, const fs::path& destination) {
  Connection from = open_connection(source, SQLITE_OPEN_READONLY);
  copy_database_online(from.get(), destination);
}

bool is_sqlite_file(const fs::path& file) {
  char header[16] = {};
  std::ifstream in(file, std::ios::binary);
  return in.read(header, sizeof header) && std::memcmp(header, "SQLite format 3", 16) == 0;
}

}  // namespace cahub::backup
