#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <stdexcept>

#include "rows.hpp"
#include "support/scratch_folder.hpp"
#include "store/database.hpp"
#include "store/write_transaction.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

TEST_CASE("a write transaction that is not committed leaves nothing") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  {
    WriteTransaction transaction(c);
    insert_org(c.sqlite());
    CHECK(count_rows(c.sqlite(), "customers") == 1);
  }
  CHECK(count_rows(c.sqlite(), "customers") == 0);

  // Nor when the work in it throws.
  CHECK_THROWS_AS(
      [&] {
        WriteTransaction transaction(c);
        insert_org(c.sqlite());
        throw std::runtime_error("the plugin refused the order");
      }(),
      std::runtime_error);
  CHECK(count_rows(c.sqlite(), "customers") == 0);
  CHECK(sqlite3_get_autocommit(c.sqlite().getHandle()) != 0);  // no transaction left open
}

TEST_CASE("a committed write transaction survives closing the connection") {
  ScratchFolder scratch;
  {
    Database c = Database::open_or_create(scratch / "cahub.db");
    WriteTransaction transaction(c);
    insert_org(c.sqlite());
    transaction.commit();
  }
  Database c = Database::open_or_create(scratch / "cahub.db");
  CHECK(count_rows(c.sqlite(), "customers") == 1);
}

TEST_CASE("a write transaction takes the write lock at BEGIN, and readers go on") {
  ScratchFolder scratch;
  Database first = Database::open_or_create(scratch / "cahub.db");
  Database second = Database::open_or_create(scratch / "cahub.db", std::chrono::milliseconds(50));
  {
    WriteTransaction holding(first);
    // The second writer waits its busy timeout at BEGIN, then fails before doing any work.
    CHECK_THROWS_MATCHES(WriteTransaction(second), SQLite::Exception,
                         Catch::Predicate<SQLite::Exception>([](const SQLite::Exception& e) {
                           return e.getErrorCode() == SQLITE_BUSY;
                         }, "fails with SQLITE_BUSY"));
    CHECK(count_rows(second.sqlite(), "customers") == 0);  // reading is not blocked
    holding.commit();
  }
  WriteTransaction now(second);
  insert_org(second.sqlite());
  now.commit();
  CHECK(count_rows(first.sqlite(), "customers") == 1);
}

// Inside a transaction begun elsewhere (a group commit's batch) a WriteTransaction is a savepoint:
// the store's code runs unchanged, and a failure undoes only its own part.
TEST_CASE("a write transaction inside another one is a savepoint that undoes only its own writes") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  {
    WriteTransaction batch(c);
    CHECK_FALSE(batch.nested());
    insert_org(c.sqlite(), "91350100M000100001");
    {
      WriteTransaction kept(c);
      CHECK(kept.nested());
      insert_org(c.sqlite(), "91350100M000100002");
      kept.commit();
      CHECK(sqlite3_get_autocommit(c.sqlite().getHandle()) == 0);  // RELEASE did not commit the batch
    }
    CHECK_THROWS_AS(
        [&] {
          WriteTransaction failing(c);
          insert_org(c.sqlite(), "91350100M000100003");
          throw std::runtime_error("the order conflicts");
        }(),
        std::runtime_error);
    CHECK(count_rows(c.sqlite(), "customers") == 2);  // the batch's own row and the kept one
    CHECK(sqlite3_get_autocommit(c.sqlite().getHandle()) == 0);  // the batch goes on
    batch.commit();
  }
  Database other = Database::open_or_create(scratch / "cahub.db");
  CHECK(count_rows(other.sqlite(), "customers") == 2);
}

TEST_CASE("what a nested write transaction released is gone when the enclosing one rolls back") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  {
    WriteTransaction batch(c);
    WriteTransaction inner(c);
    insert_org(c.sqlite());
    inner.commit();
  }
  CHECK(count_rows(c.sqlite(), "customers") == 0);
  CHECK(sqlite3_get_autocommit(c.sqlite().getHandle()) != 0);
}

TEST_CASE("write transactions nest more than one level deep") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  WriteTransaction outer(c);
  {
    WriteTransaction middle(c);
    insert_org(c.sqlite(), "91350100M000100001");
    {
      WriteTransaction inner(c);  // rolled back: takes only its own row
      insert_org(c.sqlite(), "91350100M000100002");
    }
    {
      WriteTransaction inner(c);
      insert_org(c.sqlite(), "91350100M000100003");
      inner.commit();
    }
    middle.commit();
  }
  outer.commit();
  CHECK(count_rows(c.sqlite(), "customers") == 2);
  CHECK(c.sqlite().execAndGet("SELECT group_concat(uscc) FROM customers").getString() ==
        "91350100M000100001,91350100M000100003");
}
