#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <stdexcept>

#include "rows.hpp"
#include "store/database.hpp"
#include "store/read_transaction.hpp"
#include "store/write_transaction.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

namespace {

bool in_transaction(Database& db) { return sqlite3_get_autocommit(db.sqlite().getHandle()) == 0; }

}  // namespace

TEST_CASE("a read transaction sees one snapshot, whatever another connection commits meanwhile") {
  ScratchFolder scratch;
  Database reader = Database::open_or_create(scratch / "cahub.db");
  Database writer = Database::open_or_create(scratch / "cahub.db");
  {
    ReadTransaction snapshot(reader);
    CHECK(in_transaction(reader));
    CHECK(count_rows(reader.sqlite(), "customers") == 0);
    WriteTransaction tx(writer);  // not blocked by the reader: WAL
    insert_org(writer.sqlite());
    tx.commit();
    CHECK(count_rows(reader.sqlite(), "customers") == 0);  // still the snapshot it began with
  }
  CHECK_FALSE(in_transaction(reader));
  CHECK(count_rows(reader.sqlite(), "customers") == 1);
}

TEST_CASE("a read transaction ends when an exception leaves it, and does nothing inside another transaction") {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");
  CHECK_THROWS_AS(
      [&] {
        ReadTransaction snapshot(db);
        throw std::runtime_error("no such order");
      }(),
      std::runtime_error);
  CHECK_FALSE(in_transaction(db));

  // Inside a write transaction it reads that transaction's own writes and leaves it open.
  WriteTransaction tx(db);
  insert_org(db.sqlite());
  {
    ReadTransaction snapshot(db);
    CHECK(count_rows(db.sqlite(), "customers") == 1);
  }
  CHECK(in_transaction(db));
  tx.commit();
  CHECK(count_rows(db.sqlite(), "customers") == 1);
}
