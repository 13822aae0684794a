#pragma once
// Brings a PostgreSQL database to the newest schema this binary knows: postgres::migrations()'s
// missing steps, in order, each in its own transaction that also records its number in
// cahub_schema. Every transaction first takes the migration advisory lock and reads the version
// again under it, so hosts started together against one database migrate it once: the others wait
// and then find nothing left to do (SQLite's BEGIN IMMEDIATE plays that part in store/migrate.cpp).
// A step that fails is rolled back whole (PostgreSQL's DDL is transactional), and StoreError names
// the database and the step.

#include <pqxx/connection>
#include <pqxx/transaction>
#include <span>
#include <string>

#include "store/migrations.hpp"

namespace cahub::store::postgres {

// Whether the database has cahub_schema, by an MVCC read of the catalog. Not to_regclass(): it
// answers from the session's catalog cache, which waiting for an advisory lock does not refresh,
// so a host that waited while another made the table was told it was still missing (found by
// "four hosts starting together", tests/pg/pg_store_test.cpp).
bool has_schema_table(pqxx::work& tx);

// The table that makes a database cahub's: one row, ('cahub', version).
void create_schema_table(pqxx::connection& connection, const std::string& shown);

// Reads cahub_schema.version (0 when the table exists but no step has run).
int schema_version(pqxx::connection& connection);

void migrate(pqxx::connection& connection, std::span<const Migration> steps, const std::string& shown);

}  // namespace cahub::store::postgres
