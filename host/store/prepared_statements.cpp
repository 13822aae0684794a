#include "store/prepared_statements.hpp"

namespace cahub::store {

CachedStatement PreparedStatements::get(SQLite::Database& db, const std::string& sql) {
  auto found = entries_.find(sql);
  if (found == entries_.end())
    found = entries_.emplace(sql, std::make_unique<Entry>(Entry{std::make_unique<SQLite::Statement>(db, sql)})).first;
  Entry& entry = *found->second;
  if (entry.in_use) return CachedStatement(nullptr, std::make_unique<SQLite::Statement>(db, sql));
  entry.in_use = true;
  return CachedStatement(&entry, nullptr);
}

CachedStatement::CachedStatement(PreparedStatements::Entry* entry, std::unique_ptr<SQLite::Statement> own)
    : entry_(entry), own_(std::move(own)), statement_(entry ? entry->statement.get() : own_.get()) {}

CachedStatement::CachedStatement(CachedStatement&& other) noexcept
    : entry_(other.entry_), own_(std::move(other.own_)), statement_(other.statement_) {
  other.entry_ = nullptr;
  other.statement_ = nullptr;
}

CachedStatement::~CachedStatement() {
  if (!entry_) return;
  // tryReset, not reset: reset() rethrows the error of the last step, and a destructor must not.
  entry_->statement->tryReset();
  try {
    entry_->statement->clearBindings();  // cannot fail in SQLite; SQLiteCpp would still throw if it did
  } catch (...) {
  }
  entry_->in_use = false;
}

}  // namespace cahub::store
