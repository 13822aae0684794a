#pragma once
// A transaction that writes. It begins IMMEDIATE, taking the database's write lock up front: a
// deferred transaction that reads first and writes later can fail with SQLITE_BUSY half-way, when
// another connection wrote in between, and the busy timeout cannot help it. Beginning IMMEDIATE
// waits (up to the busy timeout) at BEGIN instead, before any work is done.
//
// It nests. On a connection that is already inside a transaction — the batch of a
// store::GroupCommitter, which runs many requests' work in one transaction so that they share
// one durable commit — it is a SAVEPOINT instead: commit() RELEASEs it into the enclosing
// transaction (durable only when that one commits) and the destructor rolls back to it. So the
// store's code is the same whether it runs alone or in a batch, and a failing piece of work in a
// batch undoes only its own writes.
//
// On a store::Database its BEGIN, SAVEPOINT, RELEASE and COMMIT come from the connection's
// statement cache: the group committer's writer runs a savepoint per request, and SQLite would
// otherwise parse each of them every time.

#include <string>

#include <SQLiteCpp/Database.h>

namespace cahub::store {

class Database;

class WriteTransaction {
 public:
  // BEGIN IMMEDIATE, or SAVEPOINT inside an open transaction; throws SQLite::Exception
  // (SQLITE_BUSY) if the write lock stays taken for the connection's busy timeout, and
  // StoreUnavailable (503 store_unavailable) without writing when the database's file was seen
  // deleted, replaced or read-only (Database::health()).
  explicit WriteTransaction(Database& database);
  explicit WriteTransaction(SQLite::Database& db);
  // Rolls back (to the savepoint, when nested) unless commit() succeeded. Never throws.
  ~WriteTransaction();

  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // COMMIT, or RELEASE of the savepoint when nested. If it throws, the transaction is still open
  // and the destructor rolls it back.
  void commit();

  // Whether this one is a savepoint inside a transaction begun elsewhere.
  bool nested() const { return nested_; }

 private:
  void run(const std::string& sql);

  SQLite::Database& db_;
  Database* cached_ = nullptr;  // set when constructed on a store::Database: its statement cache
  bool nested_;
  bool committed_ = false;
};

}  // namespace cahub::store
