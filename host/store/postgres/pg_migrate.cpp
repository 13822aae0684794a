#include "store/postgres/pg_migrate.hpp"

#include <pqxx/transaction>

#include <stdexcept>

#include "store/postgres/pg_migrations.hpp"
#include "store/store_error.hpp"

namespace cahub::store::postgres {
namespace {

void take_migration_lock(pqxx::work& tx) {
  tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(migration_lock) + ")");
}

int version_in(pqxx::work& tx) { return tx.exec1("SELECT version FROM cahub_schema")[0].as<int>(); }

}  // namespace

bool has_schema_table(pqxx::work& tx) {
  return tx.exec1("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                  "AND tablename = 'cahub_schema'")[0].as<long long>() > 0;
}

void create_schema_table(pqxx::connection& connection, const std::string& shown) {
  pqxx::work tx(connection);
  take_migration_lock(tx);
  // Another host may have made it while this one waited for the lock.
  if (has_schema_table(tx)) return;
  const auto tables = tx.exec1(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")[0].as<long long>();
  if (tables > 0)
    throw StoreError(shown + " already has tables and is not a cahub database; cahub left it untouched. Give cahub a "
                             "database of its own (CREATE DATABASE cahub OWNER …)");
  tx.exec(
      "CREATE TABLE cahub_schema ("
      "  application TEXT NOT NULL CHECK (application = 'cahub'),"
      "  version INTEGER NOT NULL CHECK (version >= 0),"
      "  one_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (one_row))");
  tx.exec("INSERT INTO cahub_schema (application, version) VALUES ('cahub', 0)");
  tx.commit();
}

int schema_version(pqxx::connection& connection) {
  pqxx::work tx(connection);
  return version_in(tx);
}

void migrate(pqxx::connection& connection, std::span<const Migration> steps, const std::string& shown) {
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].version != static_cast<int>(i) + 1)
      throw std::logic_error("PostgreSQL migration steps must be numbered 1, 2, 3, … without gaps");
  for (const Migration& step : steps) {
    pqxx::work tx(connection);
    take_migration_lock(tx);
    if (version_in(tx) >= step.version) continue;  // done before, or by another host meanwhile
    try {
      tx.exec(std::string(step.sql));
      tx.exec("UPDATE cahub_schema SET version = " + std::to_string(step.version));
      tx.commit();
    } catch (const pqxx::sql_error& e) {
      throw StoreError(shown + ": migration to schema version " + std::to_string(step.version) + " (" +
                       std::string(step.description) + ") failed and was rolled back: " + e.what());
    }
  }
}

}  // namespace cahub::store::postgres
