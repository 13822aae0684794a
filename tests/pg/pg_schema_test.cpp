// The PostgreSQL schema against the SQLite schema it restates (store/postgres/pg_migrations.hpp):
// the same tables with the same columns in the same order, and the same rows refused, on a real
// throwaway PostgreSQL cluster (the pg_cluster ctest fixture) and a real SQLite file.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_store.hpp"
#include "support/scratch_folder.hpp"
#include "support/scratch_pg_database.hpp"

using namespace cahub::store;
using namespace cahub::testing;
namespace pg = cahub::store::postgres;

namespace {

using Columns = std::vector<std::pair<std::string, std::vector<std::string>>>;  // table, its columns in order

Columns sqlite_columns(Database& db) {
  Columns tables;
  SQLite::Statement names(db.sqlite(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (names.executeStep()) {
    const std::string table = names.getColumn(0).getString();
    std::vector<std::string> columns;
    SQLite::Statement info(db.sqlite(), "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table);
    while (info.executeStep()) columns.push_back(info.getColumn(0).getString());
    tables.emplace_back(table, columns);
  }
  return tables;
}

Columns postgres_columns(pqxx::connection& c) {
  pqxx::work tx(c);
  Columns tables;
  for (const auto& row : tx.exec(
           "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
           "AND table_name <> 'cahub_schema' ORDER BY table_name COLLATE \"C\"")) {
    const std::string table = row[0].as<std::string>();
    std::vector<std::string> columns;
    for (const auto& column : tx.exec_params("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                             "current_schema() AND table_name = $1 ORDER BY ordinal_position",
                                             table))
      columns.push_back(column[0].as<std::string>());
    tables.emplace_back(table, columns);
  }
  return tables;
}

// Rows every cahub database holds for the statements below to refer to.
const std::vector<std::string> kSeed = {
    "INSERT INTO customers (id, kind, name, uscc, created_at) VALUES (1, 'org', 'A', '91350100M000100Y43', "
    "'2026-03-01T09:30:00+08:00')",
    "INSERT INTO orders (id, public_id, business, region, ca, customer_id, channel, key_type, state, quote_json, "
    "request_hash, created_at, updated_at) VALUES (1, 'O-1', 'new', 'central', 'bjca', 1, 'onsite', 'master', "
    "'submitted', '{\"fee\":1}', '" + std::string(64, 'a') + "', '2026-03-01T09:30:00+08:00', '2026-03-01T09:30:00+08:00')",
    "INSERT INTO audit_events (seq, at, actor, order_id, kind, payload_json, prev_hash, hash) VALUES (1, "
    "'2026-03-01T09:30:00+08:00', 'li', 1, 'order.create', '{}', '" + std::string(64, '0') + "', '" +
    std::string(64, 'b') + "')",
    "INSERT INTO staff (id, login, display_name, role, password_hash, created_at) VALUES (1, 'li.na', 'Li', "
    "'clerk', 'pbkdf2-sha256$1$00$00', '2026-03-01T09:30:00+08:00')",
    "INSERT INTO rule_releases (id, region, number, state, script, script_sha256, author, reason, created_at, "
    "evaluation_json, submitted_by, submitted_at) VALUES (1, 'neimenggu', 1, 'submitted', 'return {}', '" +
    std::string(64, 'c') + "', 'gao.yan', 'first', '2026-03-01T09:30:00+08:00', '{}', 'gao.yan', "
    "'2026-03-01T09:30:00+08:00')",
};

// Statements the schema must refuse, each for one reason, written in the SQL both stores speak.
const std::vector<std::pair<std::string, std::string>>& refused() {
  static const std::vector<std::pair<std::string, std::string>> statements = {
      {"a USCC of the wrong length",
       "INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', 'B', '123', '2026-03-01T09:30:00+08:00')"},
      {"a person known by a USCC",
       "INSERT INTO customers (kind, name, uscc, created_at) VALUES ('person', 'B', '91350100M000100Y44', "
       "'2026-03-01T09:30:00+08:00')"},
      {"a day that does not exist", "UPDATE orders SET due_on = '2023-02-30' WHERE id = 1"},
      {"a day in another form", "UPDATE orders SET due_on = '2026-3-1' WHERE id = 1"},
      {"a timestamp that is not one", "UPDATE orders SET updated_at = 'yesterday' WHERE id = 1"},
      {"an upper-case request hash", "UPDATE orders SET request_hash = '" + std::string(64, 'A') + "' WHERE id = 1"},
      {"a frozen quote changed", "UPDATE orders SET quote_json = '{\"fee\":2}' WHERE id = 1"},
      {"request JSON that is not JSON", "UPDATE orders SET request_json = '{nope' WHERE id = 1"},
      {"a total above the ceiling", "UPDATE orders SET total_fen = 10000001 WHERE id = 1"},
      {"an unknown revocation reason", "UPDATE orders SET revocation_reason = 'bored' WHERE id = 1"},
      {"an audit event edited", "UPDATE audit_events SET actor = 'mallory' WHERE seq = 1"},
      {"an audit event deleted", "DELETE FROM audit_events WHERE seq = 1"},
      {"an audit event off the chain",
       "INSERT INTO audit_events (seq, at, actor, kind, payload_json, prev_hash, hash) VALUES (2, "
       "'2026-03-01T09:31:00+08:00', 'li', 'x', '{}', '" + std::string(64, '0') + "', '" + std::string(64, 'd') + "')"},
      {"a login with capitals", "UPDATE staff SET login = 'Li.Na' WHERE id = 1"},
      {"a role nobody has", "UPDATE staff SET role = 'root' WHERE id = 1"},
      {"a password kept in clear", "UPDATE staff SET password_hash = 'hunter2' WHERE id = 1"},
      {"regions that end in a comma", "UPDATE staff SET regions = 'neimenggu,' WHERE id = 1"},
      {"a submitted release's script changed", "UPDATE rule_releases SET script = 'return 1' WHERE id = 1"},
      {"a release deleted", "DELETE FROM rule_releases WHERE id = 1"},
      {"a release for a region id with capitals",
       "INSERT INTO rule_releases (region, number, state, script, script_sha256, author, reason, created_at, "
       "evaluation_json) VALUES ('NeiMengGu', 2, 'draft', 's', '" + std::string(64, 'c') + "', 'a', 'r', 't', '{}')"},
      {"a payment by transfer with no voucher",
       "INSERT INTO payments (order_id, method, amount_fen, recorded_by, recorded_at) VALUES (1, 'bank_transfer', 1, "
       "'li', 't')"},
  };
  return statements;
}

// Refused by a constraint or a trigger, not by a mistake in the statement: SQLITE_CONSTRAINT
// (a CHECK, UNIQUE, NOT NULL, or a trigger's RAISE(ABORT)).
bool sqlite_refuses(Database& db, const std::string& sql) {
  try {
    db.sqlite().exec(sql);
    return false;
  } catch (const SQLite::Exception& e) {
    INFO("SQLite: " << e.what());
    CHECK((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT);
    return true;
  }
}

// The same on PostgreSQL: class 23 (integrity constraint violation) or P0001, cahub_refuse()'s
// and the chain trigger's RAISE EXCEPTION; a syntax error (42601) would not do.
bool postgres_refuses(pqxx::connection& c, const std::string& sql) {
  try {
    pqxx::work tx(c);
    tx.exec(sql);
    tx.abort();  // accepted: leave nothing behind for the next statement
    return false;
  } catch (const pqxx::sql_error& e) {
    INFO("PostgreSQL: " << e.what() << " (" << e.sqlstate() << ")");
    CHECK((e.sqlstate().rfind("23", 0) == 0 || e.sqlstate() == "P0001"));
    return true;
  }
}

}  // namespace

TEST_CASE("pg schema: the same tables with the same columns, in the same order, as SQLite's") {
  ScratchFolder scratch;
  Database sqlite = Database::open_or_create(scratch / "cahub.db");
  ScratchPgDatabase scratch_pg;
  pg::PgStore store = pg::PgStore::open_or_create(pg::PgUrl::parse(scratch_pg.url()));
  CHECK(store.schema_version() == latest_schema_version());
  const Columns expected = sqlite_columns(sqlite);
  REQUIRE(expected.size() >= 10);
  CHECK(postgres_columns(store.connection()) == expected);
}

TEST_CASE("pg schema: every row SQLite's schema refuses, PostgreSQL's refuses too") {
  ScratchFolder scratch;
  Database sqlite = Database::open_or_create(scratch / "cahub.db");
  ScratchPgDatabase scratch_pg;
  pg::PgStore store = pg::PgStore::open_or_create(pg::PgUrl::parse(scratch_pg.url()));
  for (const std::string& seed : kSeed) {
    sqlite.sqlite().exec(seed);
    pqxx::work tx(store.connection());
    tx.exec(seed);
    tx.commit();
  }
  for (const auto& [why, sql] : refused()) {
    INFO(why << ": " << sql);
    CHECK(sqlite_refuses(sqlite, sql));
    CHECK(postgres_refuses(store.connection(), sql));
  }
  // And what is allowed stays allowed on both: a draft's text may change, a real day is a day.
  for (const std::string sql : {"UPDATE orders SET due_on = '2024-02-29' WHERE id = 1",
                                "UPDATE staff SET regions = 'neimenggu,qinghai' WHERE id = 1",
                                "UPDATE orders SET total_fen = 10000000 WHERE id = 1"}) {
    INFO(sql);
    CHECK_FALSE(sqlite_refuses(sqlite, sql));
    CHECK_FALSE(postgres_refuses(store.connection(), sql));
  }
}

TEST_CASE("pg schema: TRUNCATE, which fires no row trigger, cannot empty the audit chain or the releases") {
  ScratchPgDatabase scratch_pg;
  pg::PgStore store = pg::PgStore::open_or_create(pg::PgUrl::parse(scratch_pg.url()));
  CHECK(postgres_refuses(store.connection(), "TRUNCATE audit_events CASCADE"));
  CHECK(postgres_refuses(store.connection(), "TRUNCATE rule_releases"));
}
