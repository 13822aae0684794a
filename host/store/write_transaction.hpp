#pragma once
// A transaction that writes. It begins IMMEDIATE, taking the database's write lock up front: a
// deferred transaction that reads first and writes later can fail with SQLITE_BUSY half-way, when
// another connection wrote in between, and the busy timeout cannot help it. Beginning IMMEDIATE
// waits (up to the busy timeout) at BEGIN instead, before any work is done.

#include <SQLiteCpp/Database.h>

namespace cahub::store {

class Database;

class WriteTransaction {
 public:
  // BEGIN IMMEDIATE; throws SQLite::Exception (SQLITE_BUSY) if the write lock stays taken for the
  // connection's busy timeout.
  explicit WriteTransaction(Database& database);
  explicit WriteTransaction(SQLite::Database& db);
  // Rolls back unless commit() succeeded. Never throws.
  ~WriteTransaction();

  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // COMMIT. If it throws, the transaction is still open and the destructor rolls it back.
  void commit();

 private:
  SQLite::Database& db_;
  bool committed_ = false;
};

}  // namespace cahub::store
