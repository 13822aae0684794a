#pragma once
// The cahub SQLite database, as one connection to its file, configured the way the rest of cahub
// relies on:
//
// - journal_mode=WAL: readers never block the writer nor the writer the readers, so the HTTP
//   workers can answer queries while an order is written;
// - synchronous=FULL: a committed order survives a power cut (WAL's NORMAL could lose the last
//   transactions, and an accepted order or audit event must not disappear);
// - foreign_keys=ON: SQLite leaves them off unless asked, per connection;
// - a busy timeout: a writer waits for another connection's write to finish instead of failing.
//
// Threading: a Database object is one connection, used by one thread at a time and never shared.
// Each worker thread opens its own (open_another(), or open() with the same file); SQLite's file
// locks coordinate the connections, within the process and across processes. Write through a
// WriteTransaction.

#include <chrono>
#include <filesystem>
#include <memory>

#include <SQLiteCpp/Database.h>

#include "store/database_health.hpp"
#include "store/prepared_statements.hpp"
#include "store/sql_connection.hpp"

namespace cahub::store {

class Database final : public SqlConnection, public SqlStore {
 public:
  static constexpr std::chrono::milliseconds default_busy_timeout{5000};

  // Opens the cahub database `file`, which must exist (it is never created here: a missing file
  // means a lost database or a wrong path, and an empty one in its place would hide that), and
  // applies the missing schema migrations. Throws StoreError, naming the file, when:
  // - there is no file, or an empty or blank SQLite file (code "database_missing": run
  //   `cahub db init`);
  // - cahub cannot write it (code "database_read_only"): SQLite would open it read-only and every
  //   write would fail later;
  // - the file is not a SQLite database (nothing is written to it);
  // - it is a SQLite database of another program (it has tables but no cahub application_id);
  // - its schema version is newer than this binary knows ("… upgrade cahub"; nothing is written);
  // - the file cannot be opened, WAL cannot be enabled (e.g. a network file system), or a
  //   migration fails (it is rolled back).
  // A database file or companion (-wal, -shm) that others may read is made 0600 (store/private_files.hpp).
  static Database open(const std::filesystem::path& file,
                       std::chrono::milliseconds busy_timeout = default_busy_timeout);

  // `cahub db init`: the same, but a missing file is created, with its missing parent folders
  // (0700) and mode 0600 whatever the umask; then the schema is applied. An existing cahub
  // database is opened as by open(), never emptied.
  static Database open_or_create(const std::filesystem::path& file,
                                 std::chrono::milliseconds busy_timeout = default_busy_timeout);

  // Another connection to the same file with the same busy timeout, for another thread.
  Database open_another() const;

  Database(Database&&) = default;
  Database& operator=(Database&&) = default;

  const std::filesystem::path& file() const { return file_; }  // absolute
  std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }
  int schema_version();  // PRAGMA user_version
  // Whether the file can take writes, as this process last saw it (shared by every connection to
  // the file; the server's DatabaseWatch keeps it current). WriteTransaction asks it first.
  const DatabaseHealth& health() const { return *health_; }

  // For statements. Do not change the pragmas above or begin transactions by hand.
  SQLite::Database& sqlite() { return db_; }
  // The statement for `sql`, compiled on its first use on this connection and kept for the next
  // (store/prepared_statements.hpp): for the statements every request runs.
  CachedStatement statement(const std::string& sql) { return statements_.get(db_, sql); }
  const SQLite::Database& sqlite() const { return db_; }

  // SqlConnection, for the code written once for both stores: a statement from the same cache.
  std::unique_ptr<SqlStatement> query(const std::string& sql) override;
  std::unique_ptr<SqlStatement> scan(const std::string& sql) override { return query(sql); }
  SqlDialect dialect() const override { return SqlDialect::sqlite; }
  std::string name() const override { return file_.string(); }
  void serialize(Serial) override {}  // one writer at a time already
  void serialize(Serial, const std::string&) override {}
  // SqlStore: a WriteTransaction (a savepoint inside an open one), a ReadTransaction.
  void write(const std::function<void(SqlConnection&)>& work) override;
  void read(const std::function<void(SqlConnection&)>& work) override;

 private:
  Database(std::filesystem::path file, SQLite::Database db, std::chrono::milliseconds busy_timeout);
  static Database open_file(const std::filesystem::path& file, std::chrono::milliseconds busy_timeout, bool create);

  std::filesystem::path file_;
  SQLite::Database db_;
  std::chrono::milliseconds busy_timeout_;
  std::shared_ptr<DatabaseHealth> health_;
  PreparedStatements statements_;  // after db_: finalized before the connection closes
};

}  // namespace cahub::store
