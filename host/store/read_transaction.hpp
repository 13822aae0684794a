#pragma once
// Several reads that see one snapshot. Outside a transaction every statement SQLite steps takes
// its own read lock, and in WAL mode each of those looks at the WAL anew and, as the writer has
// committed since, drops the connection's whole page cache and reads the pages back: reading one
// order (five statements) did that five times, and could mix two versions of the order. A
// ReadTransaction is a deferred BEGIN ... COMMIT around them: one snapshot, one look at the WAL.
//
// It takes no write lock (a deferred BEGIN writes nothing until asked to) and must not be used to
// write. Inside a transaction that is already open (a write job) it does nothing: that
// transaction's snapshot is the one read.

namespace cahub::store {

class Database;
class SqlConnection;

class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  // On SQLite as above. A PostgreSQL connection (postgres::PgSession) is already a transaction its
  // caller opened, whose snapshot is the one read: nothing to do.
  explicit ReadTransaction(SqlConnection& db);
  // Ends the read (COMMIT of nothing). Never throws.
  ~ReadTransaction();

  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database* db_ = nullptr;  // null on PostgreSQL
  bool began_ = false;
};

}  // namespace cahub::store
