#include "store/write_transaction.hpp"

#include <sqlite3.h>

#include "store/database.hpp"

namespace cahub::store {
namespace {

// One name for every level: ROLLBACK TO and RELEASE act on the innermost savepoint of that name,
// which, as WriteTransactions nest like scopes, is always this object's own.
constexpr const char* kSavepoint = "write_transaction";

bool in_transaction(SQLite::Database& db) { return sqlite3_get_autocommit(db.getHandle()) == 0; }

}  // namespace

WriteTransaction::WriteTransaction(Database& database) : WriteTransaction(database.sqlite()) {}

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db), nested_(in_transaction(db)) {
  db_.exec(nested_ ? std::string("SAVEPOINT ") + kSavepoint : std::string("BEGIN IMMEDIATE"));
}

WriteTransaction::~WriteTransaction() {
  // Some errors (SQLITE_FULL, SQLITE_IOERR, …) make SQLite roll back the whole transaction by
  // itself; then there is nothing left to roll back and ROLLBACK would fail. (The enclosing
  // transaction of a nested one is gone too; its owner sees that.)
  if (committed_ || !in_transaction(db_)) return;
  try {
    if (nested_) {
      // ROLLBACK TO undoes the work but keeps the savepoint open; RELEASE then removes it, which
      // leaves the enclosing transaction exactly as it was before this one began.
      db_.exec(std::string("ROLLBACK TO ") + kSavepoint);
      db_.exec(std::string("RELEASE ") + kSavepoint);
    } else {
      db_.exec("ROLLBACK");
    }
  } catch (...) {
    // Nothing sensible to do in a destructor; the connection rolls back when it closes.
  }
}

void WriteTransaction::commit() {
  db_.exec(nested_ ? std::string("RELEASE ") + kSavepoint : std::string("COMMIT"));
  committed_ = true;
}

}  // namespace cahub::store
