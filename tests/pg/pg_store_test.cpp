// Opening a cahub database in PostgreSQL (store/postgres/pg_store.hpp) on a real throwaway cluster:
// nothing is made by accident, another program's database and a newer schema are refused
// untouched, hosts that start together migrate once, and two hosts appending to the audit chain
// at the same moment cannot fork it.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include <chrono>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "store/migrations.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/store_error.hpp"
#include "support/scratch_pg_database.hpp"

using namespace cahub::store;
using namespace cahub::testing;
namespace pg = cahub::store::postgres;

namespace {

std::string refusal_code(const std::function<void()>& open) {
  try {
    open();
  } catch (const StoreError& e) {
    return e.code();
  }
  return "";
}

long long count(pqxx::connection& c, const std::string& sql) {
  pqxx::work tx(c);
  return tx.exec1(sql)[0].as<long long>();
}

std::string event(long long seq, const std::string& prev, char hash) {
  return "INSERT INTO audit_events (seq, at, actor, kind, payload_json, prev_hash, hash) VALUES (" +
         std::to_string(seq) + ", '2026-03-01T09:30:00+08:00', 'li', 'x', '{}', '" + prev + "', '" +
         std::string(64, hash) + "')";
}

}  // namespace

TEST_CASE("pg store: a URL is shown without its password, and one libpq cannot read is refused without echoing it") {
  const auto url = pg::PgUrl::parse("postgresql://cahub:s3cret@db.example:6432/province?sslmode=require");
  CHECK(url.shown() == "postgresql://cahub@db.example:6432/province");
  CHECK(url.text().find("s3cret") != std::string::npos);  // libpq still gets it
  // Bounded waits, for the connection and for an answer from a server gone silent, unless the URL
  // sets its own.
  const std::string bounds =
      "keepalives_idle=30&keepalives_interval=10&keepalives_count=3&tcp_user_timeout=60000";
  CHECK(url.text() ==
        "postgresql://cahub:s3cret@db.example:6432/province?sslmode=require&connect_timeout=10&" + bounds);
  CHECK(pg::PgUrl::parse("postgresql://db/cahub").text() == "postgresql://db/cahub?connect_timeout=10&" + bounds);
  CHECK(pg::PgUrl::parse("postgresql://db/cahub?connect_timeout=3&tcp_user_timeout=5000").text() ==
        "postgresql://db/cahub?connect_timeout=3&tcp_user_timeout=5000&keepalives_idle=30&keepalives_interval=10&"
        "keepalives_count=3");
  CHECK(pg::PgUrl::parse("postgresql:///cahub?host=/run/postgresql&user=cahub").shown() ==
        "postgresql://cahub@/cahub?host=/run/postgresql");
  try {
    pg::PgUrl::parse("postgresql://cahub:p%zzss@db/cahub");
    FAIL("a URL libpq cannot read was taken");
  } catch (const StoreError& e) {
    CHECK(e.code() == "database_url");
    CHECK(std::string(e.what()).find("zz") == std::string::npos);
  }
  CHECK(refusal_code([] { pg::PgUrl::parse("/var/lib/cahub/cahub.db"); }) == "database_url");
}

TEST_CASE("pg store: an empty database is missing until db init, which makes the schema once") {
  ScratchPgDatabase scratch;
  const auto url = pg::PgUrl::parse(scratch.url());
  CHECK(refusal_code([&] { pg::PgStore::open(url); }) == "database_missing");
  pqxx::connection look(scratch.url());
  CHECK(count(look, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") == 0);
  CHECK(pg::PgStore::open_or_create(url).schema_version() == latest_schema_version());
  CHECK(pg::PgStore::open(url).schema_version() == latest_schema_version());
}

TEST_CASE("pg store: another program's tables and a newer schema are refused and left untouched") {
  SECTION("another program's database") {
    ScratchPgDatabase scratch;
    pqxx::connection other(scratch.url());
    {
      pqxx::work tx(other);
      tx.exec("CREATE TABLE invoices (id int)");
      tx.commit();
    }
    CHECK(refusal_code([&] { pg::PgStore::open_or_create(pg::PgUrl::parse(scratch.url())); }) == "database");
    CHECK(count(other, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") == 1);
  }
  SECTION("a schema newer than this binary's") {
    ScratchPgDatabase scratch;
    const auto url = pg::PgUrl::parse(scratch.url());
    pg::PgStore::open_or_create(url);
    pqxx::connection c(scratch.url());
    {
      pqxx::work tx(c);
      tx.exec("UPDATE cahub_schema SET version = 99");
      tx.commit();
    }
    CHECK(refusal_code([&] { pg::PgStore::open(url); }) == "database");
    CHECK(count(c, "SELECT version FROM cahub_schema") == 99);
  }
}

TEST_CASE("pg store: an unreachable server is database_unreachable and names no password") {
  try {
    pg::PgStore::open(pg::PgUrl::parse("postgresql://cahub:s3cret@127.0.0.1:1/cahub?connect_timeout=2"));
    FAIL("a server on port 1 answered");
  } catch (const StoreError& e) {
    CHECK(e.code() == "database_unreachable");
    CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
  }
}

TEST_CASE("pg store: four hosts starting together on an empty database migrate it once") {
  ScratchPgDatabase scratch;
  const auto url = pg::PgUrl::parse(scratch.url());
  std::vector<std::future<int>> hosts;
  for (int i = 0; i < 4; ++i)
    hosts.push_back(std::async(std::launch::async, [&url] { return pg::PgStore::open_or_create(url).schema_version(); }));
  for (auto& h : hosts) CHECK(h.get() == latest_schema_version());
  pqxx::connection c(scratch.url());
  CHECK(count(c, "SELECT count(*) FROM cahub_schema") == 1);
  CHECK(count(c, "SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_events_chain'") == 1);
}

TEST_CASE("pg store: two hosts appending after the same last event cannot fork the audit chain") {
  ScratchPgDatabase scratch;
  pg::PgStore::open_or_create(pg::PgUrl::parse(scratch.url()));
  pqxx::connection first(scratch.url()), second(scratch.url());
  const std::string zeros(64, '0');
  // Both read an empty chain and append event 1 after it; the first holds its transaction open.
  pqxx::work a(first);
  a.exec(event(1, zeros, 'a'));
  auto b = std::async(std::launch::async, [&] {
    try {
      pqxx::work tx(second);
      tx.exec(event(1, zeros, 'b'));  // waits for the chain lock until `a` ends
      tx.commit();
      return std::string("appended");
    } catch (const pqxx::sql_error& e) {
      return std::string(e.what());
    }
  });
  CHECK(b.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);  // held at the lock
  a.commit();
  const std::string outcome = b.get();
  CHECK(outcome.find("must follow the last event") != std::string::npos);
  pqxx::connection look(scratch.url());
  CHECK(count(look, "SELECT count(*) FROM audit_events") == 1);
  // The loser, told so, appends after the winner's event: one chain, in one order.
  {
    pqxx::work tx(second);
    tx.exec(event(2, std::string(64, 'a'), 'b'));
    tx.commit();
  }
  CHECK(count(look, "SELECT count(*) FROM audit_events") == 2);
}
