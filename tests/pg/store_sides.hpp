#pragma once
// The two stores, side by side, for the tests that code written once for both (on
// store::SqlConnection) must pass on each: a SQLite file and a PostgreSQL database on the test
// cluster. Each side writes in a transaction that commits, reads in one snapshot, and can change
// rows behind the schema's guards, as someone with a shell on the database would.

#include <functional>
#include <memory>
#include <string>

#include <pqxx/pqxx>

#include "store/database.hpp"
#include "store/postgres/pg_session.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/read_transaction.hpp"
#include "store/write_transaction.hpp"
#include "support/scratch_folder.hpp"
#include "support/scratch_pg_database.hpp"

namespace cahub::testing {

struct SqliteSide {
  static constexpr const char* name = "SQLite";
  ScratchFolder scratch;
  store::Database db = store::Database::open_or_create(scratch / "cahub.db");
  store::SqlStore& sql_store() { return db; }
  // A connection whose statements commit one by one, for code that runs inside its caller's
  // transaction (the registry's functions).
  store::SqlConnection& connection() { return db; }
  // Another process's store on the same database, for races between hosts (or connections).
  std::unique_ptr<store::SqlStore> another_host() { return std::make_unique<store::Database>(db.open_another()); }

  void write(const std::function<void(store::SqlConnection&)>& work) {
    store::WriteTransaction tx(db);
    work(db);
    tx.commit();
  }
  // Work that throws before it commits: what it wrote is rolled back.
  void write_uncommitted(const std::function<void(store::SqlConnection&)>& work) {
    store::WriteTransaction tx(db);
    work(db);
  }
  void read(const std::function<void(store::SqlConnection&)>& work) {
    store::ReadTransaction snapshot(db);
    work(db);
  }
  // What the sqlite3 shell can do: drop the triggers that guard the audit trail, then run `sql`.
  void unguarded(const std::string& sql) {
    db.sqlite().exec("DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;");
    db.sqlite().exec(sql);
  }
};

struct PostgresSide {
  static constexpr const char* name = "PostgreSQL";
  ScratchPgDatabase scratch;
  store::postgres::PgUrl url = store::postgres::PgUrl::parse(scratch.url());
  store::postgres::PgStore store = store::postgres::PgStore::open_or_create(url);
  store::SqlStore& sql_store() { return store; }
  // As SqliteSide::connection(): on a connection of its own, so that it never meets a transaction
  // write() or read() holds open on the store's.
  store::SqlConnection& connection() { return autocommit_session; }
  std::unique_ptr<store::SqlStore> another_host() {
    return std::make_unique<store::postgres::PgStore>(store::postgres::PgStore::open(url));
  }

  pqxx::connection autocommit_connection{scratch.url()};
  pqxx::nontransaction autocommit{autocommit_connection};
  store::postgres::PgSession autocommit_session{autocommit, url.shown()};

  void write(const std::function<void(store::SqlConnection&)>& work) {
    pqxx::work tx(store.connection());
    store::postgres::PgSession session(tx, url.shown());
    work(session);
    tx.commit();
  }
  void write_uncommitted(const std::function<void(store::SqlConnection&)>& work) {
    pqxx::work tx(store.connection());
    store::postgres::PgSession session(tx, url.shown());
    work(session);
  }
  void read(const std::function<void(store::SqlConnection&)>& work) {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(store.connection());
    store::postgres::PgSession session(tx, url.shown());
    work(session);
  }
  // What psql as the database's owner can do: switch the user triggers off for the statement.
  void unguarded(const std::string& sql) {
    pqxx::work tx(store.connection());
    tx.exec("ALTER TABLE audit_events DISABLE TRIGGER USER");
    tx.exec(sql);
    tx.exec("ALTER TABLE audit_events ENABLE TRIGGER USER");
    tx.commit();
  }
};

// The first column of the first row of `sql`, an integer (a count), read on `side`.
template <typename Side>
std::int64_t count(Side& side, const std::string& sql) {
  return store::read(side.sql_store(), [&](store::SqlConnection& db) {
    auto row = db.query(sql);
    return row->next_row() ? row->int64(0) : 0;
  });
}

// Runs `sql` on `side` as a write of its own, the schema's guards left in place.
template <typename Side>
void exec(Side& side, const std::string& sql) {
  side.sql_store().write([&](store::SqlConnection& db) { db.query(sql)->run(); });
}

}  // namespace cahub::testing
