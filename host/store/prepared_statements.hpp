#pragma once
// Prepared statements kept per connection. SQLite compiles SQL every time it is prepared, and
// under the group committer that was more than half of the writer's CPU for one order creation
// (`perf`: sqlite3_prepare in every SQLite::Statement of the order store and audit log). The hot
// statements are therefore prepared once per connection and reused: a CachedStatement hands one
// out and, when it goes, resets it and clears its bindings for the next use — what finalizing a
// fresh statement did, as far as locks and snapshots are concerned.
//
// Threading: like its connection, used by one thread at a time.

#include <map>
#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace cahub::store {

class CachedStatement;

class PreparedStatements {
 public:
  // `sql` prepared on `db`: the kept one when it is free; a fresh one, not kept, when the kept
  // one is in use further up the stack (the same query nested in itself).
  CachedStatement get(SQLite::Database& db, const std::string& sql);

 private:
  friend class CachedStatement;
  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;
  };
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> entries_;
};

// A statement on loan from PreparedStatements; use it like a SQLite::Statement (`->`).
class CachedStatement {
 public:
  ~CachedStatement();
  CachedStatement(CachedStatement&& other) noexcept;
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  CachedStatement& operator=(CachedStatement&&) = delete;

  SQLite::Statement* operator->() { return statement_; }
  SQLite::Statement& operator*() { return *statement_; }

 private:
  friend class PreparedStatements;
  CachedStatement(PreparedStatements::Entry* entry, std::unique_ptr<SQLite::Statement> own);

  PreparedStatements::Entry* entry_ = nullptr;  // null for a fresh statement
  std::unique_ptr<SQLite::Statement> own_;      // the fresh statement, if it is one
  SQLite::Statement* statement_ = nullptr;
};

}  // namespace cahub::store
