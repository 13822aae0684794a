#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "rows.hpp"
#include "support/scratch_folder.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/store_error.hpp"
#include "store/write_transaction.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

namespace {

bool table_exists(Database& c, const char* name) { return c.sqlite().tableExists(name); }

// What SQLite may create next to a database; none may appear next to a file cahub refused.
void require_no_side_files(const std::filesystem::path& file) {
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    INFO(file.string() + suffix);
    CHECK_FALSE(std::filesystem::exists(file.string() + suffix));
  }
}

}  // namespace

TEST_CASE("a fresh database is created with its folders and gets the whole schema") {
  ScratchFolder scratch;
  const auto file = scratch / "var" / "nested" / "cahub.db";
  Database c = Database::open_or_create(file);
  CHECK(std::filesystem::is_regular_file(file));
  CHECK(c.schema_version() == latest_schema_version());
  CHECK(c.sqlite().execAndGet("PRAGMA application_id").getInt() == application_id);
  for (const char* table : {"customers", "certificates", "orders", "audit_events"}) {
    INFO(table);
    CHECK(table_exists(c, table));
  }
}

TEST_CASE("re-opening a database changes nothing and keeps its rows") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  int schema_cookie = 0;
  {
    Database c = Database::open_or_create(file);
    insert_org(c.sqlite());
    // PRAGMA schema_version is SQLite's own counter of schema changes.
    schema_cookie = c.sqlite().execAndGet("PRAGMA schema_version").getInt();
  }
  Database again = Database::open_or_create(file);
  CHECK(again.schema_version() == latest_schema_version());
  CHECK(again.sqlite().execAndGet("PRAGMA schema_version").getInt() == schema_cookie);
  CHECK(count_rows(again.sqlite(), "customers") == 1);
}

TEST_CASE("the connection's pragmas are really in force") {
  ScratchFolder scratch;
  Database c = Database::open_or_create(scratch / "cahub.db");
  SQLite::Database& db = c.sqlite();
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() == 5000);
  CHECK(c.busy_timeout() == Database::default_busy_timeout);

  // Per-connection pragmas hold on every connection, not just the one that created the file.
  Database other = Database::open_or_create(scratch / "cahub.db", std::chrono::milliseconds(250));
  CHECK(other.sqlite().execAndGet("PRAGMA synchronous").getInt() == 2);
  CHECK(other.sqlite().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(other.sqlite().execAndGet("PRAGMA busy_timeout").getInt() == 250);
  Database third = other.open_another();
  CHECK(third.file() == other.file());
  CHECK(third.sqlite().execAndGet("PRAGMA busy_timeout").getInt() == 250);
  CHECK(third.sqlite().execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE("a database of a newer schema is refused with an upgrade message and left untouched") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE from_the_future (x INTEGER)");
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
  }
  const std::string before = read_bytes(file);
  CHECK_THROWS_MATCHES(Database::open(file), StoreError,
                       Catch::Message(file.string() + " has schema version " + std::to_string(latest_schema_version() + 1) +
                                      "; this cahub knows up to " + std::to_string(latest_schema_version()) +
                                      " — upgrade cahub"));
  CHECK(read_bytes(file) == before);
  require_no_side_files(file);
}

TEST_CASE("a file that is not a SQLite database is refused by name and left byte-identical") {
  ScratchFolder scratch;
  std::string garbage;
  for (int i = 0; i < 600; ++i) garbage += "order 2026-0001: 260.00 CNY\n";  // larger than one page
  for (const std::string& content : {std::string("not a database\n"), garbage}) {
    const auto file = scratch / "orders.txt";
    write_bytes(file, content);
    CHECK_THROWS_MATCHES(Database::open(file), StoreError,
                         Catch::Message(file.string() + " is not a SQLite database; cahub left it untouched. "
                                        "Point paths.database at the cahub database or at a new file."));
    CHECK(read_bytes(file) == content);
    require_no_side_files(file);
  }
}

TEST_CASE("another program's SQLite database is refused and left untouched") {
  ScratchFolder scratch;
  const auto file = scratch / "other.db";
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE contacts (name TEXT)");
  }
  const std::string before = read_bytes(file);
  CHECK_THROWS_WITH(Database::open(file), Catch::StartsWith(file.string() + " is a SQLite database of another program"));
  CHECK(read_bytes(file) == before);
}

TEST_CASE("an empty file becomes a new database") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  write_bytes(file, "");
  CHECK(Database::open_or_create(file).schema_version() == latest_schema_version());
}

TEST_CASE("a database folder that cannot be created is reported with the file") {
  ScratchFolder scratch;
  write_bytes(scratch / "var", "a file where the folder should be");
  const auto file = scratch / "var" / "cahub.db";
  CHECK_THROWS_WITH(Database::open_or_create(file), Catch::StartsWith("cannot create the database " + file.string()));
}

TEST_CASE("a second connection sees a write once it is committed") {
  ScratchFolder scratch;
  Database writer = Database::open_or_create(scratch / "cahub.db");
  Database reader = writer.open_another();
  {
    WriteTransaction transaction(writer);
    insert_org(writer.sqlite());
    CHECK(count_rows(reader.sqlite(), "customers") == 0);  // WAL: the reader is not blocked, and sees the last commit
    transaction.commit();
  }
  CHECK(count_rows(reader.sqlite(), "customers") == 1);
}

TEST_CASE("one connection per thread: concurrent opens of a new file migrate once and all writes land") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  constexpr int threads = 4, customers_each = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      try {
        Database c = Database::open_or_create(file);
        for (int i = 0; i < customers_each; ++i) {
          WriteTransaction transaction(c);
          c.sqlite().exec("INSERT INTO customers (kind, name, id_number, created_at) VALUES ('person', 'expert', '" +
                          std::to_string(100000000000000000LL + t * 1000 + i) + "', '" + timestamp + "')");
          transaction.commit();
        }
      } catch (const std::exception& e) {
        UNSCOPED_INFO(e.what());
        ++failures;
      }
    });
  for (auto& w : workers) w.join();
  CHECK(failures == 0);
  Database c = Database::open_or_create(file);
  CHECK(c.schema_version() == latest_schema_version());
  CHECK(count_rows(c.sqlite(), "customers") == threads * customers_each);
}
