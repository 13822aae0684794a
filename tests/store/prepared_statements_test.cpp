// Statements kept prepared per connection behave like fresh ones: each use starts reset and
// unbound, a use left half-way holds no snapshot afterwards, and the same query nested in itself
// gets a statement of its own.
#include <catch2/catch.hpp>

#include "rows.hpp"
#include "store/database.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

TEST_CASE("a kept statement is compiled once and comes back reset and unbound") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  insert_org(c.sqlite(), "91350100M000100001");
  insert_org(c.sqlite(), "91350100M000100002");
  const std::string sql = "SELECT count(*) FROM customers WHERE uscc = ?";
  SQLite::Statement* first = nullptr;
  {
    CachedStatement s = c.statement(sql);
    first = &*s;
    s->bind(1, "91350100M000100001");
    REQUIRE(s->executeStep());
    CHECK(s->getColumn(0).getInt() == 1);
  }
  CachedStatement again = c.statement(sql);
  CHECK(&*again == first);  // the same compiled statement
  REQUIRE(again->executeStep());  // not bound this time: uscc = NULL matches nothing
  CHECK(again->getColumn(0).getInt() == 0);
}

TEST_CASE("a kept statement left half-way holds no snapshot once it is given back") {
  ScratchFolder scratch;
  Database reader = Database::open_or_create(scratch / "cahub.db");
  Database writer = Database::open_or_create(scratch / "cahub.db");
  insert_org(writer.sqlite(), "91350100M000100001");
  insert_org(writer.sqlite(), "91350100M000100002");
  {
    CachedStatement rows = reader.statement("SELECT uscc FROM customers ORDER BY uscc");
    REQUIRE(rows->executeStep());  // one row read of two: a read transaction is open
  }
  insert_org(writer.sqlite(), "91350100M000100003");
  CachedStatement count = reader.statement("SELECT count(*) FROM customers");
  REQUIRE(count->executeStep());
  CHECK(count->getColumn(0).getInt() == 3);  // a fresh snapshot sees the new row
}

TEST_CASE("the same query nested in itself gets a statement of its own") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  insert_org(c.sqlite(), "91350100M000100001");
  const std::string sql = "SELECT uscc FROM customers";
  CachedStatement outer = c.statement(sql);
  REQUIRE(outer->executeStep());
  {
    CachedStatement inner = c.statement(sql);
    CHECK(&*inner != &*outer);
    REQUIRE(inner->executeStep());
    CHECK(inner->getColumn(0).getString() == "91350100M000100001");
  }
  CHECK(outer->getColumn(0).getString() == "91350100M000100001");  // undisturbed
  CHECK_FALSE(outer->executeStep());
}
