#include "store/write_transaction.hpp"

#include <sqlite3.h>

#include "store/database.hpp"

namespace cahub::store {
namespace {

// One name for every level: ROLLBACK TO and RELEASE act on the innermost savepoint of that name,
// which, as WriteTransactions nest like scopes, is always this object's own.
const std::string kBegin = "BEGIN IMMEDIATE";
const std::string kSavepoint = "SAVEPOINT write_transaction";
const std::string kRelease = "RELEASE write_transaction";
const std::string kRollbackTo = "ROLLBACK TO write_transaction";
const std::string kCommit = "COMMIT";
const std::string kRollback = "ROLLBACK";

bool in_transaction(SQLite::Database& db) { return sqlite3_get_autocommit(db.getHandle()) == 0; }

}  // namespace

WriteTransaction::WriteTransaction(Database& database)
    : db_(database.sqlite()), cached_(&database), nested_(in_transaction(db_)) {
  // A file deleted, replaced or made read-only under a running server: refuse before writing
  // anything that would be lost (store/database_health.hpp).
  database.health().require_writable();
  run(nested_ ? kSavepoint : kBegin);
}

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db), nested_(in_transaction(db)) {
  run(nested_ ? kSavepoint : kBegin);
}

void WriteTransaction::run(const std::string& sql) {
  if (cached_)
    cached_->statement(sql)->exec();
  else
    db_.exec(sql);
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
      run(kRollbackTo);
      run(kRelease);
    } else {
      run(kRollback);
    }
  } catch (...) {
    // Nothing sensible to do in a destructor; the connection rolls back when it closes.
  }
}

void WriteTransaction::commit() {
  run(nested_ ? kRelease : kCommit);
  committed_ = true;
}

}  // namespace cahub::store
