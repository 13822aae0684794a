#include "store/read_transaction.hpp"

#include <sqlite3.h>

#include <string>

#include "store/database.hpp"

namespace cahub::store {
namespace {

const std::string kBegin = "BEGIN";
const std::string kCommit = "COMMIT";
const std::string kRollback = "ROLLBACK";

bool in_transaction(Database& db) { return sqlite3_get_autocommit(db.sqlite().getHandle()) == 0; }

}  // namespace

ReadTransaction::ReadTransaction(Database& db) : db_(&db) {
  if (in_transaction(db)) return;
  db.statement(kBegin)->exec();
  began_ = true;
}

ReadTransaction::ReadTransaction(SqlConnection& db) {
  if (db.dialect() != SqlDialect::sqlite) return;
  db_ = &static_cast<Database&>(db);  // the one SQLite connection there is
  if (in_transaction(*db_)) return;
  db_->statement(kBegin)->exec();
  began_ = true;
}

ReadTransaction::~ReadTransaction() {
  if (!began_ || !in_transaction(*db_)) return;
  try {
    db_->statement(kCommit)->exec();
  } catch (...) {
    try {
      db_->statement(kRollback)->exec();  // nothing was written; this only lets go of the snapshot
    } catch (...) {
    }
  }
}

}  // namespace cahub::store
