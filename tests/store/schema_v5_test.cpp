// Schema version 5: rule releases, staff regions. Accounts made before regions existed keep every
// region, so an upgrade changes nobody's work; a release's text is frozen once it leaves draft,
// and no release is ever deleted.
#include <catch2/catch.hpp>

#include "rows.hpp"
#include "store/database.hpp"
#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

namespace {

const std::string kSha = std::string(64, 'a');

void insert_release(SQLite::Database& db, int number, const std::string& state) {
  db.exec("INSERT INTO rule_releases (region, number, state, script, script_sha256, author, reason, created_at, "
          "evaluation_json, published_by, published_at) VALUES ('neimenggu', " + std::to_string(number) + ", '" + state +
          "', 'region { id = \"neimenggu\" }', '" + kSha + "', 'wang.min', 'imported', '" + std::string(timestamp) +
          "', '{}', " + (state == "published" ? "'wang.min', '" + std::string(timestamp) + "'" : "NULL, NULL") + ")");
}

}  // namespace

TEST_CASE("a version-4 database's staff keep every region after the upgrade") {
  ScratchFolder scratch;
  const auto file = scratch / "v4.db";
  {
    SQLite::Database v4(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(v4, migrations().first(4), file);
    v4.exec("INSERT INTO staff (login, display_name, role, password_hash, created_at) "
            "VALUES ('chen.jie', '陈杰', 'clerk', 'pbkdf2-sha256$x', '" + std::string(timestamp) + "')");
  }
  Database upgraded = Database::open_or_create(file);
  REQUIRE(upgraded.schema_version() == latest_schema_version());
  CHECK(upgraded.sqlite().execAndGet("SELECT regions FROM staff WHERE login = 'chen.jie'").getString() == "*");
}

TEST_CASE("staff regions are '*' or region ids separated by commas") {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");
  const auto add = [&](const std::string& login, const std::string& regions) {
    db.sqlite().exec("INSERT INTO staff (login, display_name, role, password_hash, created_at, regions) VALUES ('" +
                     login + "', 'x', 'clerk', 'pbkdf2-sha256$x', '" + std::string(timestamp) + "', '" + regions + "')");
  };
  CHECK_NOTHROW(add("a", "neimenggu,qinghai"));
  CHECK_NOTHROW(add("b", "*"));
  for (const char* bad : {"", "neimenggu,", ",qinghai", "nei menggu", "Qinghai", "a,,b"})
    CHECK_THROWS(add("c", bad));
}

TEST_CASE("a release's text is frozen once it leaves draft, and no release is deleted") {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");
  auto& sql = db.sqlite();
  insert_release(sql, 1, "draft");
  CHECK_NOTHROW(sql.exec("UPDATE rule_releases SET script = 'changed while a draft' WHERE number = 1"));
  CHECK_NOTHROW(sql.exec("UPDATE rule_releases SET state = 'submitted' WHERE number = 1"));
  CHECK_THROWS(sql.exec("UPDATE rule_releases SET script = 'changed after submission' WHERE number = 1"));
  CHECK_THROWS(sql.exec("UPDATE rule_releases SET script_sha256 = '" + std::string(64, 'b') + "' WHERE number = 1"));
  CHECK_THROWS(sql.exec("DELETE FROM rule_releases WHERE number = 1"));
  insert_release(sql, 2, "published");
  CHECK_THROWS(insert_release(sql, 2, "draft"));  // one number per region
  CHECK_THROWS(sql.exec("UPDATE rule_releases SET published_at = NULL WHERE number = 2"));
  CHECK_THROWS(sql.exec("UPDATE rule_releases SET effective_from = '2027-02-30' WHERE number = 2"));
  CHECK_NOTHROW(sql.exec("UPDATE rule_releases SET effective_from = '2027-01-01' WHERE number = 2"));
}
