#include <catch2/catch.hpp>

#include <array>
#include <stdexcept>

#include "support/scratch_folder.hpp"
#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "store/store_error.hpp"

using namespace cahub::store;
using namespace cahub::testing;

namespace {

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

struct Fixture {
  ScratchFolder scratch;
  std::filesystem::path file = scratch / "migrate.db";
  SQLite::Database db{file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
};

}  // namespace

TEST_CASE("the shipped migration steps are numbered 1, 2, 3, … and end at the latest version") {
  const auto steps = migrations();
  REQUIRE_FALSE(steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    CHECK(steps[i].version == static_cast<int>(i) + 1);
    CHECK_FALSE(steps[i].description.empty());
  }
  CHECK(latest_schema_version() == steps.back().version);
}

TEST_CASE_METHOD(Fixture, "migration applies only the missing steps, in order") {
  const std::array<Migration, 1> first{{{1, "table a", "CREATE TABLE a (x INTEGER)"}}};
  migrate(db, first, file);
  CHECK(user_version(db) == 1);
  CHECK(db.execAndGet("PRAGMA application_id").getInt() == application_id);
  // Step 1 would fail if it ran again (table a exists); step 3 needs step 2's table.
  const std::array<Migration, 3> all{{{1, "table a", "CREATE TABLE a (x INTEGER)"},
                                      {2, "table b", "CREATE TABLE b (y INTEGER)"},
                                      {3, "a row in b", "INSERT INTO b VALUES (1)"}}};
  migrate(db, all, file);
  CHECK(user_version(db) == 3);
  CHECK(db.execAndGet("SELECT count(*) FROM b").getInt() == 1);
  migrate(db, all, file);  // nothing left to do
  CHECK(db.execAndGet("SELECT count(*) FROM b").getInt() == 1);
}

TEST_CASE_METHOD(Fixture, "a failing step is rolled back entirely and named") {
  const std::array<Migration, 2> steps{{{1, "table a", "CREATE TABLE a (x INTEGER)"},
                                        {2, "table b and a typo", "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1)"}}};
  CHECK_THROWS_MATCHES(migrate(db, steps, file), StoreError,
                       Catch::Predicate<StoreError>([&](const StoreError& e) {
                         const std::string m = e.what();
                         return m.starts_with(file.string() + ": migration to schema version 2 (table b and a typo)") &&
                                m.find("no such table: nowhere") != std::string::npos;
                       }, "names the file, the step and SQLite's reason"));
  CHECK(user_version(db) == 1);  // step 1 stays: each step is its own transaction
  CHECK(db.tableExists("a"));
  CHECK_FALSE(db.tableExists("b"));
}

TEST_CASE_METHOD(Fixture, "a step that leaves a dangling foreign key is rolled back") {
  const std::array<Migration, 1> steps{{{1, "dangling",
                                         "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                         "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));"
                                         "INSERT INTO child VALUES (7)"}}};
  CHECK_THROWS_WITH(migrate(db, steps, file), Catch::Contains("foreign key violation in table child"));
  CHECK(user_version(db) == 0);
  CHECK_FALSE(db.tableExists("child"));
}

TEST_CASE_METHOD(Fixture, "steps that are not numbered 1, 2, 3, … are a programming error") {
  const std::array<Migration, 2> gap{{{1, "a", "CREATE TABLE a (x INTEGER)"}, {3, "b", "CREATE TABLE b (x INTEGER)"}}};
  CHECK_THROWS_AS(migrate(db, gap, file), std::logic_error);
  CHECK(user_version(db) == 0);
}
