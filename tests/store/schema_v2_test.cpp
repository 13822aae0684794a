// Schema version 2 (staff, sessions, order materials, payments) on real SQLite files, and the
// upgrade of a version-1 database that already holds orders.
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

struct Fixture {
  ScratchFolder scratch;
  Database connection = Database::open_or_create(scratch / "cahub.db");
  SQLite::Database& db = connection.sqlite();
};

const auto check_failed = Catch::Contains("CHECK constraint failed");

std::string staff_insert(const std::string& login, const std::string& role = "clerk",
                         const std::string& hash = "pbkdf2-sha256$600000$00$00") {
  return "INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES ('" + login + "', '王', '" +
         role + "', '" + hash + "', '" + timestamp + "')";
}

}  // namespace

TEST_CASE("a version-1 database with orders is upgraded in place and keeps them") {
  ScratchFolder scratch;
  const auto file = scratch / "old.db";
  {
    SQLite::Database v1(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(v1, migrations().first(1), file);
    v1.exec("PRAGMA foreign_keys = ON");
    insert_org(v1);
    v1.exec(order_insert());
  }
  Database upgraded = Database::open_or_create(file);
  CHECK(upgraded.schema_version() == latest_schema_version());
  CHECK(count_rows(upgraded.sqlite(), "orders") == 1);
  CHECK(upgraded.sqlite().execAndGet("SELECT accepted_by IS NULL AND request_json IS NULL FROM orders").getInt() == 1);
}

TEST_CASE_METHOD(Fixture, "staff logins are plain lower-case words with one of three roles") {
  CHECK_NOTHROW(db.exec(staff_insert("clerk.wang")));
  CHECK_THROWS_WITH(db.exec(staff_insert("clerk.wang")), Catch::Contains("UNIQUE constraint failed"));
  CHECK_THROWS_WITH(db.exec(staff_insert("Admin")), check_failed);
  CHECK_THROWS_WITH(db.exec(staff_insert("a b")), check_failed);
  CHECK_THROWS_WITH(db.exec(staff_insert("root", "superuser")), check_failed);
  // A plain-text password cannot even be stored.
  CHECK_THROWS_WITH(db.exec(staff_insert("li", "clerk", "hunter2")), check_failed);
}

TEST_CASE_METHOD(Fixture, "a bank transfer needs its voucher and amounts are never negative") {
  insert_org(db);
  db.exec(order_insert());
  auto pay = [&](const std::string& method, const std::string& amount, const std::string& voucher) {
    db.exec("INSERT INTO payments (order_id, method, amount_fen, voucher, recorded_by, recorded_at) VALUES (1, '" +
            method + "', " + amount + ", " + voucher + ", 'clerk.wang', '" + timestamp + "')");
  };
  CHECK_NOTHROW(pay("wechat", "26000", "NULL"));
  CHECK_THROWS_WITH(pay("bank_transfer", "26000", "NULL"), check_failed);
  CHECK_NOTHROW(pay("bank_transfer", "26000", "'voucher-2026-001.pdf'"));
  CHECK_THROWS_WITH(pay("cash", "-1", "NULL"), check_failed);
  CHECK_THROWS_WITH(pay("bitcoin", "1", "NULL"), check_failed);
  CHECK_THROWS_WITH(db.exec("INSERT INTO payments (order_id, method, amount_fen, recorded_by, recorded_at) "
                            "VALUES (99, 'cash', 1, 'x', 'y')"),
                    Catch::Contains("FOREIGN KEY constraint failed"));
}

TEST_CASE_METHOD(Fixture, "a material is received with who received it, or not at all") {
  insert_org(db);
  db.exec(order_insert());
  CHECK_NOTHROW(db.exec("INSERT INTO order_materials (order_id, code, name) VALUES (1, 'licence_copy', '营业执照复印件')"));
  CHECK_NOTHROW(db.exec(std::string("UPDATE order_materials SET received_at = '") + timestamp +
                        "', received_by = 'clerk.wang' WHERE code = 'licence_copy'"));
  CHECK_THROWS_WITH(db.exec("INSERT INTO order_materials (order_id, code, name, received_at) VALUES (1, 'form', '申请表', "
                            "'2026-03-01T09:30:00+08:00')"),
                    check_failed);
}
