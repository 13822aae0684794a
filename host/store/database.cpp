#include "store/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <sys/stat.h>

#include <chrono>
#include <optional>
#include <string>
#include <system_error>
#include <thread>

#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "store/private_files.hpp"
#include "store/store_error.hpp"

namespace cahub::store {
namespace {

StoreError missing(const std::filesystem::path& file, const std::string& what) {
  return StoreError(file.string() + " " + what +
                        ": `cahub db init` makes a new, empty database there; to use an existing one, point "
                        "paths.database (or --db) at it, or bring a backup back with `cahub restore`",
                    "database_missing");
}

// The file and its missing folders, private from the start (store/private_files.hpp).
void create_private(const std::filesystem::path& file) {
  try {
    make_private_folders(file.parent_path());
    create_private_file(file);
  } catch (const std::filesystem::filesystem_error& e) {
    throw StoreError("cannot create the database " + file.string() + ": " + e.code().message() + " (" +
                     e.path1().string() + ")");
  }
}

// The database and the companions SQLite made beside it (with the database's mode) stay 0600.
void keep_database_private(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) keep_private(file.string() + suffix);
}

// What is in the file, read before anything is written to it: SQLite only reads the header here,
// so a file that is not a database, or belongs to someone else, is left exactly as it was.
struct Identity {
  int application_id = 0;
  int user_version = 0;
  bool has_schema = false;
};

Identity read_identity(SQLite::Database& db, const std::filesystem::path& file) {
  try {
    // One statement, so one snapshot: another connection may be creating this very file.
    SQLite::Statement query(db,
                            "SELECT (SELECT application_id FROM pragma_application_id()),"
                            "       (SELECT user_version FROM pragma_user_version()),"
                            "       (SELECT count(*) FROM sqlite_schema)");
    query.executeStep();
    return Identity{query.getColumn(0).getInt(), query.getColumn(1).getInt(), query.getColumn(2).getInt() > 0};
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    if (code == SQLITE_NOTADB)
      throw StoreError(file.string() + " is not a SQLite database; cahub left it untouched. "
                       "Point paths.database at the cahub database or at a new file.");
    if (code == SQLITE_CORRUPT)
      throw StoreError(file.string() + " is a damaged SQLite database (" + e.what() + "); cahub left it untouched.");
    throw StoreError(file.string() + ": cannot read the database: " + e.what());
  }
}

void require_ours_and_known(const Identity& identity, const std::filesystem::path& file, bool create) {
  const bool fresh = identity.application_id == 0 && identity.user_version == 0 && !identity.has_schema;
  if (fresh && !create) throw missing(file, "holds no cahub database yet (it is an empty SQLite file)");
  if (!fresh && identity.application_id != application_id)
    throw StoreError(file.string() + " is a SQLite database of another program (application_id " +
                     std::to_string(identity.application_id) + ", not cahub's); cahub left it untouched.");
  if (identity.user_version > latest_schema_version())
    throw StoreError(file.string() + " has schema version " + std::to_string(identity.user_version) +
                     "; this cahub knows up to " + std::to_string(latest_schema_version()) + " — upgrade cahub");
}

// Process-wide SQLite settings, applied before SQLite's first connection (sqlite3_config is refused
// once SQLite is initialised: if something opened SQLite before us, its defaults stay, which is
// slower but not wrong).
//
// No bulk allocation of page-cache memory. SQLite otherwise allocates 20 pages (~85 KB) up front for
// every page cache it opens, and it opens one for each ephemeral b-tree: the orders table's CHECKs
// of the form `x IN ('a', 'b', 'c', ...)` build one each, four per order INSERT. Freeing ~340 KB on
// every order made glibc trim the writer thread's heap (madvise, then page faults to get it back):
// a third of the writer's time under the bench. Pages are then allocated one at a time, as used.
//
// No memory statistics. With them (SQLite's default) every allocation and free SQLite makes takes
// one process-wide mutex to count it, which the writer and every request thread then queue for
// (futex waits under sqlite3Malloc in the bench). cahub reads none of those statistics and sets no
// heap limit, which is what they are for.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

void set_pragma_and_verify(SQLite::Database& db, const std::filesystem::path& file, const std::string& pragma,
                           const std::string& value, const std::string& expected) {
  db.exec("PRAGMA " + pragma + " = " + value);
  const std::string actual = db.execAndGet("PRAGMA " + pragma).getString();
  if (actual != expected)
    throw StoreError(file.string() + ": SQLite did not accept PRAGMA " + pragma + " = " + value + " (it reports '" +
                     actual + "')");
}

// journal_mode answers with the mode now in force; anything but "wal" means SQLite refused.
//
// Two connections switching one new file to WAL at once both hold a SHARED lock and want EXCLUSIVE;
// SQLite then answers one of them SQLITE_BUSY at once, without its busy handler (waiting could
// deadlock). The other finishes within milliseconds, so the loser asks again, within the same
// busy timeout every other lock wait gets. (27 of 200 runs of four threads opening one new file
// failed here before.)
void switch_to_wal(SQLite::Database& db, const std::filesystem::path& file, std::chrono::milliseconds busy_timeout) {
  const auto give_up = std::chrono::steady_clock::now() + busy_timeout;
  std::string mode;
  for (;;) {
    try {
      mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
      break;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= give_up) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  if (mode != "wal")
    throw StoreError(file.string() + ": SQLite refused WAL journal mode (it stays '" + mode +
                     "'); keep the database on a local file system");
}

}  // namespace

Database::Database(std::filesystem::path file, SQLite::Database db, std::chrono::milliseconds busy_timeout)
    : file_(std::move(file)), db_(std::move(db)), busy_timeout_(busy_timeout), health_(DatabaseHealth::of(file_)) {}

Database Database::open(const std::filesystem::path& file, std::chrono::milliseconds busy_timeout) {
  return open_file(file, busy_timeout, false);
}

Database Database::open_or_create(const std::filesystem::path& file, std::chrono::milliseconds busy_timeout) {
  return open_file(file, busy_timeout, true);
}

Database Database::open_file(const std::filesystem::path& file, std::chrono::milliseconds busy_timeout, bool create) {
  configure_sqlite_once();
  if (create) {
    create_private(file);
  } else if (std::error_code error; !std::filesystem::exists(file, error)) {
    throw missing(file, "does not exist");
  }
  keep_database_private(file);
  std::optional<SQLite::Database> opened;
  try {
    // Never SQLite's OPEN_CREATE: a file deleted between the check above and here stays missing.
    opened.emplace(file.string(), SQLite::OPEN_READWRITE, static_cast<int>(busy_timeout.count()));
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_CANTOPEN && !std::filesystem::exists(file)) throw missing(file, "does not exist");
    throw StoreError("cannot open the database " + file.string() + ": " + e.what());
  }
  SQLite::Database& db = *opened;
  // SQLite quietly opens a file it may not write read-only; every write would then fail later.
  if (sqlite3_db_readonly(db.getHandle(), "main") == 1)
    throw StoreError(file.string() + " cannot be written by this user: make it (and its folder) writable for the "
                     "user cahub runs as, or run cahub as the file's owner",
                     "database_read_only");

  require_ours_and_known(read_identity(db, file), file, create);

  try {
    switch_to_wal(db, file, busy_timeout);
    set_pragma_and_verify(db, file, "synchronous", "FULL", "2");
    migrate(db, migrations(), file);
    set_pragma_and_verify(db, file, "foreign_keys", "ON", "1");
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_READONLY)
      throw StoreError(file.string() + " cannot be written (" + e.what() + "): make it and its folder writable",
                       "database_read_only");
    throw StoreError(file.string() + ": cannot prepare the database: " + e.what());
  }
  keep_database_private(file);  // the -wal and -shm SQLite may just have made
  // Absolute, so that open_another() finds the same file even if the working directory changed.
  return Database(std::filesystem::absolute(file), std::move(db), busy_timeout);
}

Database Database::open_another() const { return open(file_, busy_timeout_); }

int Database::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace cahub::store
