#include "store/migrate.hpp"

#include <stdexcept>
#include <string>

#include "store/store_error.hpp"
#include "store/write_transaction.hpp"

namespace cahub::store {
namespace {

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void require_numbered_in_order(std::span<const Migration> steps) {
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].version != static_cast<int>(i) + 1)
      throw std::logic_error("migration steps must be numbered 1, 2, 3, … without gaps; step " +
                             std::to_string(i + 1) + " has version " + std::to_string(steps[i].version));
}

// A step must not leave a row pointing nowhere: with foreign keys off, nothing else would notice.
void require_foreign_keys_intact(SQLite::Database& db) {
  SQLite::Statement check(db, "PRAGMA foreign_key_check");
  if (check.executeStep())
    throw std::runtime_error("foreign key violation in table " + check.getColumn(0).getString());
}

}  // namespace

void migrate(SQLite::Database& db, std::span<const Migration> steps, const std::filesystem::path& file) {
  require_numbered_in_order(steps);
  if (steps.empty() || user_version(db) >= steps.back().version) return;

  // A no-op inside a transaction, so it is set here, before the first step begins.
  db.exec("PRAGMA foreign_keys = OFF");
  for (const Migration& step : steps) {
    if (user_version(db) >= step.version) continue;  // applied long ago: no need for the write lock
    try {
      WriteTransaction transaction(db);
      if (user_version(db) >= step.version) continue;  // another connection got here first
      db.exec(std::string(step.sql));
      require_foreign_keys_intact(db);
      db.exec("PRAGMA user_version = " + std::to_string(step.version));
      db.exec("PRAGMA application_id = " + std::to_string(application_id));
      transaction.commit();
    } catch (const std::exception& e) {
      throw StoreError(file.string() + ": migration to schema version " + std::to_string(step.version) + " (" +
                       std::string(step.description) + ") failed and was rolled back: " + e.what());
    }
  }
}

}  // namespace cahub::store
