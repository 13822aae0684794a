// A lost database is never replaced by an empty one, its files stay private, and a database
// deleted, replaced or read-only under a running server refuses writes (issue 15).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "rows.hpp"
#include "store/database.hpp"
#include "store/database_health.hpp"
#include "store/database_watch.hpp"
#include "store/private_files.hpp"
#include "store/serving_lock.hpp"
#include "store/store_error.hpp"
#include "store/write_transaction.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Runs `body` with the process umask at 000, as a careless service unit would start cahub.
template <typename Body> void under_umask_000(Body body) {
  const mode_t before = ::umask(0);
  try {
    body();
  } catch (...) {
    ::umask(before);
    throw;
  }
  ::umask(before);
}

std::string code_of_refusal(const fs::path& file) {
  try {
    (void)Database::open(file);
  } catch (const StoreError& e) {
    return e.code();
  }
  return "opened";
}

}  // namespace

TEST_CASE("open refuses a missing database with database_missing and creates nothing, not even its folder") {
  ScratchFolder scratch;
  const auto file = scratch / "var" / "cahub.db";
  CHECK(code_of_refusal(file) == "database_missing");
  CHECK_THROWS_WITH(Database::open(file), Catch::StartsWith(file.string() + " does not exist: `cahub db init`"));
  CHECK_FALSE(fs::exists(scratch / "var"));
}

TEST_CASE("open refuses an empty file, which only `cahub db init` makes a database") {
  ScratchFolder scratch;
  const auto file = scratch.write("cahub.db", "");
  CHECK(code_of_refusal(file) == "database_missing");
  CHECK(fs::file_size(file) == 0);
  CHECK(Database::open_or_create(file).schema_version() > 0);
  CHECK(code_of_refusal(file) == "opened");
}

TEST_CASE("open_or_create makes the database and its companions 0600 and new folders 0700 under umask 000") {
  ScratchFolder scratch;
  const auto file = scratch / "var" / "deep" / "cahub.db";
  under_umask_000([&] {
    Database db = Database::open_or_create(file);
    WriteTransaction tx(db);
    insert_org(db.sqlite());
    tx.commit();
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(file.string() + "-wal") == 0600);
    CHECK(mode_of(file.string() + "-shm") == 0600);
    CHECK(mode_of(scratch / "var") == 0700);
    CHECK(mode_of(scratch / "var" / "deep") == 0700);
  });
}

TEST_CASE("opening a database others may read makes it and its companions private") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  { Database db = Database::open_or_create(file); }
  ::chmod(file.c_str(), 0644);
  Database db = Database::open(file);
  CHECK(mode_of(file) == 0600);
  CHECK(mode_of(file.string() + "-wal") == 0600);
}

TEST_CASE("private_files: folders 0700 whatever the umask, an existing file left alone") {
  ScratchFolder scratch;
  under_umask_000([&] {
    make_private_folders(scratch / "a" / "b");
    CHECK(mode_of(scratch / "a") == 0700);
    CHECK(mode_of(scratch / "a" / "b") == 0700);
    CHECK(create_private_file(scratch / "a" / "f"));
    CHECK(mode_of(scratch / "a" / "f") == 0600);
  });
  scratch.write("a/f", "kept");
  CHECK_FALSE(create_private_file(scratch / "a" / "f"));
  CHECK(read_bytes(scratch / "a" / "f") == "kept");
}

TEST_CASE("a write is refused with store_unavailable while the database is not sound, and taken again after") {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");
  Database other = db.open_another();
  auto& health = const_cast<DatabaseHealth&>(db.health());
  REQUIRE(&health == &other.health());  // one per file, shared by its connections
  health.set(DatabaseCondition::ReadOnly);
  try {
    WriteTransaction refused(other);
    FAIL("the write transaction began");
  } catch (const StoreUnavailable& e) {
    CHECK(e.code() == "store_unavailable");
    CHECK(e.kind() == cahub::ErrorKind::Unavailable);
    CHECK(e.condition() == DatabaseCondition::ReadOnly);
    CHECK(std::string(e.what()).find(scratch.path().string()) == std::string::npos);  // no path for a client
  }
  health.set(DatabaseCondition::Sound);
  WriteTransaction taken(other);
  insert_org(other.sqlite());
  taken.commit();
  CHECK(count_rows(db.sqlite(), "customers") == 1);
}

TEST_CASE("the watch sees a deleted database and keeps it missing even when a file comes back") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  Database db = Database::open_or_create(file);
  int reports = 0;
  DatabaseWatch watch(file, std::chrono::milliseconds(0),
                      [&](DatabaseCondition, DatabaseCondition, const std::string&) { ++reports; });
  CHECK(watch.look() == DatabaseCondition::Sound);
  CHECK(reports == 0);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
  CHECK(watch.look() == DatabaseCondition::Missing);
  CHECK(watch.look() == DatabaseCondition::Missing);
  CHECK(reports == 1);  // reported once, not on every look
  CHECK_THROWS_AS(WriteTransaction(db), StoreUnavailable);
  { Database fresh = Database::open_or_create(file); }
  CHECK(watch.look() == DatabaseCondition::Missing);
}

TEST_CASE("the watch sees a database replaced by another file, or its write-ahead log removed") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  SECTION("replaced") {
    Database db = Database::open_or_create(file);
    DatabaseWatch watch(file, std::chrono::milliseconds(0), nullptr);
    { Database other = Database::open_or_create(scratch / "other.db"); }
    fs::rename(scratch / "other.db", file);
    CHECK(watch.look() == DatabaseCondition::Replaced);
  }
  SECTION("its log removed") {
    Database db = Database::open_or_create(file);
    DatabaseWatch watch(file, std::chrono::milliseconds(0), nullptr);
    REQUIRE(fs::exists(file.string() + "-wal"));
    fs::remove(file.string() + "-wal");
    CHECK(watch.look() == DatabaseCondition::Missing);
  }
}

TEST_CASE("the watch's own thread notices within its period") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  Database db = Database::open_or_create(file);
  std::atomic<int> reports{0};
  DatabaseWatch watch(file, std::chrono::milliseconds(20),
                      [&](DatabaseCondition now, DatabaseCondition before, const std::string& seen) {
                        CHECK(now == DatabaseCondition::Missing);
                        CHECK(before == DatabaseCondition::Sound);
                        CHECK(seen.find(file.string()) != std::string::npos);
                        ++reports;
                      });
  fs::remove(file);
  for (int i = 0; i < 200 && db.health().sound(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(db.health().condition() == DatabaseCondition::Missing);
  CHECK(reports == 1);
}

TEST_CASE("a restore's lock is refused while a server holds the database, and the other way round") {
  ScratchFolder scratch;
  const auto file = scratch / "cahub.db";
  {
    ServingLock serving(file, ServingLock::Mode::Serving);
    ServingLock another_server(file, ServingLock::Mode::Serving);  // servers share it
    try {
      ServingLock restoring(file, ServingLock::Mode::Restoring);
      FAIL("a restore took the lock of a served database");
    } catch (const StoreError& e) {
      CHECK(e.code() == "database_in_use");
    }
  }
  ServingLock restoring(file, ServingLock::Mode::Restoring);
  CHECK(mode_of(ServingLock::file_for(file)) == 0600);
  CHECK_THROWS_AS(ServingLock(file, ServingLock::Mode::Serving), StoreError);
}
