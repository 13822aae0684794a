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
  Database c = Database::open(scratch / "cahub.db");
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
    Database c = Database::open(scratch / "cahub.db");
    WriteTransaction transaction(c);
    insert_org(c.sqlite());
    transaction.commit();
  }
  Database c = Database::open(scratch / "cahub.db");
  CHECK(count_rows(c.sqlite(), "customers") == 1);
}

TEST_CASE("a write transaction takes the write lock at BEGIN, and readers go on") {
  ScratchFolder scratch;
  Database first = Database::open(scratch / "cahub.db");
  Database second = Database::open(scratch / "cahub.db", std::chrono::milliseconds(50));
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
