#include "store/write_transaction.hpp"

#include <sqlite3.h>

#include "store/database.hpp"

namespace cahub::store {

WriteTransaction::WriteTransaction(Database& database) : WriteTransaction(database.sqlite()) {}

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
  // Some errors (SQLITE_FULL, SQLITE_IOERR, …) make SQLite roll back by itself; then there is
  // nothing left to roll back and ROLLBACK would fail.
  if (committed_ || sqlite3_get_autocommit(db_.getHandle())) return;
  try {
    db_.exec("ROLLBACK");
  } catch (...) {
    // Nothing sensible to do in a destructor; the connection rolls back when it closes.
  }
}

void WriteTransaction::commit() {
  db_.exec("COMMIT");
  committed_ = true;
}

}  // namespace cahub::store
