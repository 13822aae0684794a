// Schema version 4: the order's typed columns, filled in from the frozen quote, the request and
// the terms staff set when a version-3 database is upgraded, so that every read after the upgrade
// sees what the JSON said.
#include <catch2/catch.hpp>

#include "rows.hpp"
#include "store/database.hpp"
#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

TEST_CASE("a version-3 database's orders get their typed columns from their quote, request and terms") {
  ScratchFolder scratch;
  const auto file = scratch / "v3.db";
  {
    SQLite::Database v3(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(v3, migrations().first(3), file);
    insert_org(v3);
    const std::string quote = R"('{"fee":{"total_fen":26000},"validity":{"not_before":"2026-03-01","not_after":"2027-02-28","basis":"today"}}')";
    const std::string request =
        R"('{"applicant":"org_person","previous_serial":"3F0A","revocation_reason":"key_compromise","applicant_details":{"person_name":"张三","id_number":"11010119900307123X"}}')";
    v3.exec(order_insert("quote_json", quote));
    v3.exec("UPDATE orders SET request_json = " + request + ", state = 'awaiting_payment'");
    // An unpriced second order whose total and validity a reviewer set later.
    v3.exec("UPDATE orders SET public_id = 'ORD-2026-0000', idempotency_key = 'key-0'");  // room for the second
    v3.exec(order_insert("quote_json", R"('{"fee":{"total_fen":null}}')"));
    v3.exec("INSERT INTO order_terms (order_id, total_fen, years, not_before, not_after, reason, set_by, set_at) "
            "VALUES (2, 12000, 2, '2026-03-02', '2028-03-01', 'price list', 'zhao.li', '" + std::string(timestamp) + "')");
  }
  Database upgraded = Database::open_or_create(file);
  REQUIRE(upgraded.schema_version() == latest_schema_version());
  SQLite::Statement first(upgraded.sqlite(),
                          "SELECT total_fen, validity_not_after, validity_basis, previous_serial, revocation_reason, "
                          "applicant_kind, applicant_identity, holder_name, holder_id_number FROM orders WHERE id = 1");
  REQUIRE(first.executeStep());
  CHECK(first.getColumn(0).getInt64() == 26000);
  CHECK(first.getColumn(1).getString() == "2027-02-28");
  CHECK(first.getColumn(2).getString() == "today");
  CHECK(first.getColumn(3).getString() == "3F0A");
  CHECK(first.getColumn(4).getString() == "key_compromise");
  CHECK(first.getColumn(5).getString() == "org_person");
  CHECK(first.getColumn(6).getString() == "91350100M000100Y43");
  CHECK(first.getColumn(7).getString() == "张三");
  CHECK(first.getColumn(8).getString() == "11010119900307123X");
  SQLite::Statement second(upgraded.sqlite(),
                           "SELECT total_fen, validity_not_after, validity_basis, validity_set_by FROM orders WHERE id = 2");
  REQUIRE(second.executeStep());
  CHECK(second.getColumn(0).getInt64() == 12000);
  CHECK(second.getColumn(1).getString() == "2028-03-01");
  CHECK(second.getColumn(2).getString() == "set_by_staff");
  CHECK(second.getColumn(3).getString() == "zhao.li");
}
