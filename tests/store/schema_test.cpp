#include <catch2/catch.hpp>

#include "rows.hpp"
#include "support/scratch_folder.hpp"
#include "store/database.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

namespace {

// Each test gets a fresh database holding one unit customer (id 1).
struct Fixture {
  ScratchFolder scratch;
  Database connection = Database::open_or_create(scratch / "cahub.db");
  SQLite::Database& db = connection.sqlite();
  long long customer = insert_org(db);
};

const auto check_failed = Catch::Contains("CHECK constraint failed");
const auto foreign_key_failed = Catch::Contains("FOREIGN KEY constraint failed");
const auto unique_failed = Catch::Contains("UNIQUE constraint failed");

}  // namespace

TEST_CASE_METHOD(Fixture, "foreign keys are enforced") {
  CHECK_THROWS_WITH(insert_certificate(db, 42), foreign_key_failed);
  CHECK_THROWS_WITH(db.exec(order_insert("customer_id", "42")), foreign_key_failed);
  CHECK_THROWS_WITH(db.exec(order_insert("certificate_id", "42")), foreign_key_failed);
  const long long certificate = insert_certificate(db, customer);
  CHECK_NOTHROW(db.exec(order_insert("certificate_id", std::to_string(certificate))));
  CHECK_THROWS_WITH(db.exec("DELETE FROM customers WHERE id = " + std::to_string(customer)), foreign_key_failed);
}

TEST_CASE_METHOD(Fixture, "a unit needs a USCC and a person an ID number, never the other one") {
  auto insert = [&](const std::string& kind, const std::string& uscc, const std::string& id_number) {
    db.exec("INSERT INTO customers (kind, name, uscc, id_number, created_at) VALUES ('" + kind + "', 'x', " + uscc +
            ", " + id_number + ", '" + timestamp + "')");
  };
  CHECK_THROWS_WITH(insert("org", "NULL", "NULL"), check_failed);
  CHECK_THROWS_WITH(insert("person", "NULL", "NULL"), check_failed);
  CHECK_THROWS_WITH(insert("org", "'91110000100000000X'", "'11010519491231002X'"), check_failed);
  CHECK_THROWS_WITH(insert("person", "'91110000100000000X'", "'11010519491231002X'"), check_failed);
  CHECK_THROWS_WITH(insert("company", "'91110000100000000X'", "NULL"), check_failed);
  CHECK_THROWS_WITH(insert("org", "'9111'", "NULL"), check_failed);  // not 18 characters
  CHECK_NOTHROW(insert("person", "NULL", "'11010519491231002X'"));
  CHECK_NOTHROW(insert("person", "NULL", "'440106200002291234'"));  // many people, no USCC: NULLs do not clash
  CHECK_THROWS_WITH(insert("person", "NULL", "'11010519491231002X'"), unique_failed);
  CHECK_THROWS_WITH(insert_org(db), unique_failed);  // the fixture's USCC again
  CHECK_THROWS_WITH(db.exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES "
                            "('org', 'x', '91110000100000000X', '2026-03-01')"),  // a date is not a timestamp
                    check_failed);
}

TEST_CASE_METHOD(Fixture, "certificate codes, dates and serials are constrained") {
  auto insert = [&](const std::string& column, const std::string& value) {
    std::string sql = "INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, "
                      "status, first_issued) VALUES (1, 'bjca', 'central', 'S1', 'master', '2025-03-01', "
                      "'2026-02-28', 'active', '2025-03-01')";
    if (!column.empty()) {
      const std::string target = column == "key_type" ? "'master'" : column == "status" ? "'active'"
                                 : column == "not_before" ? "'2025-03-01', '2026" : "'2026-02-28'";
      sql.replace(sql.find(target), column == "not_before" ? 12 : target.size(), value);
    }
    db.exec(sql);
  };
  CHECK_THROWS_WITH(insert("key_type", "'main'"), check_failed);
  CHECK_THROWS_WITH(insert("status", "'suspended'"), check_failed);
  CHECK_THROWS_WITH(insert("not_after", "'2026-02-30'"), check_failed);  // not a calendar date
  CHECK_THROWS_WITH(insert("not_after", "'2026-2-28'"), check_failed);   // not canonical
  CHECK_THROWS_WITH(insert("not_after", "'2024-12-31'"), check_failed);  // ends before it begins
  CHECK_NOTHROW(insert("", ""));
  CHECK_THROWS_WITH(insert("", ""), unique_failed);  // same CA, same serial
  CHECK_NOTHROW(db.exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, "
                        "status) VALUES (1, 'hbca', 'qinghai', 'S1', 'secondary', '2025-03-01', '2026-02-28', 'frozen')"));
}

TEST_CASE_METHOD(Fixture, "order codes and values are constrained") {
  CHECK_NOTHROW(db.exec(order_insert()));
  CHECK_THROWS_WITH(db.exec(order_insert("public_id", "'ORD-2026-0001'")), unique_failed);
  auto other = [](const std::string& column, const std::string& value) {
    // A second, otherwise valid order; the public id and idempotency key are its own.
    std::string sql = order_insert(column, value);
    if (column != "public_id") sql.replace(sql.find("'ORD-2026-0001'"), 15, "'ORD-2026-0002'");
    if (column != "idempotency_key") sql.replace(sql.find("'key-1'"), 7, "'key-2'");
    return sql;
  };
  CHECK_THROWS_WITH(db.exec(other("business", "'renewal'")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("channel", "'post'")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("key_type", "'main'")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("years", "0")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("version", "0")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("state", "''")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("quote_json", "'{\"total_fen\": 26000'")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("request_hash", "'" + std::string(64, 'A') + "'")), check_failed);
  CHECK_THROWS_WITH(db.exec(other("idempotency_key", "'key-1'")), unique_failed);
  // STRICT: a value of the wrong type is an error, not stored as text.
  CHECK_THROWS_WITH(db.exec(other("years", "'two'")), Catch::Contains("cannot store TEXT value in INTEGER column"));
  CHECK_NOTHROW(db.exec(other("years", "NULL")));  // e.g. unlock sets no validity
}

TEST_CASE_METHOD(Fixture, "an accepted order's quote is frozen") {
  db.exec(order_insert());
  db.exec("UPDATE orders SET quote_json = '{\"total_fen\":26000}', state = 'accepted', version = 2 WHERE id = 1");
  CHECK_THROWS_WITH(db.exec("UPDATE orders SET quote_json = '{\"total_fen\":18000}' WHERE id = 1"),
                    Catch::Contains("orders.quote_json is frozen once accepted"));
  CHECK_THROWS_WITH(db.exec("UPDATE orders SET quote_json = NULL WHERE id = 1"),
                    Catch::Contains("orders.quote_json is frozen once accepted"));
  CHECK_NOTHROW(db.exec("UPDATE orders SET state = 'paid', version = 3 WHERE id = 1"));
}

TEST_CASE_METHOD(Fixture, "audit events form an append-only hash chain") {
  auto append = [&](const std::string& prev, const std::string& hash) {
    db.exec("INSERT INTO audit_events (at, actor, order_id, kind, payload_json, prev_hash, hash) VALUES ('" +
            std::string(timestamp) + "', 'clerk:wang', NULL, 'customer.created', '{\"id\":1}', '" + prev + "', '" +
            hash + "')");
  };
  CHECK_THROWS_WITH(append(some_hash, some_hash), Catch::Contains("prev_hash must be the hash of the last event"));
  CHECK_NOTHROW(append(zero_hash, some_hash));
  const std::string next = std::string(63, 'b') + "1";
  CHECK_THROWS_WITH(append(zero_hash, next), Catch::Contains("prev_hash must be the hash of the last event"));
  CHECK_THROWS_WITH(append(some_hash, "not-a-hash"), check_failed);
  CHECK_NOTHROW(append(some_hash, next));
  CHECK_THROWS_WITH(db.exec("UPDATE audit_events SET actor = 'someone else' WHERE seq = 1"),
                    Catch::Contains("append-only"));
  CHECK_THROWS_WITH(db.exec("DELETE FROM audit_events WHERE seq = 2"), Catch::Contains("append-only"));
  CHECK(count_rows(db, "audit_events") == 2);
  CHECK_THROWS_WITH(db.exec("INSERT INTO audit_events (at, actor, kind, payload_json, prev_hash, hash) VALUES ('" +
                            std::string(timestamp) + "', 'x', 'k', 'not json', '" + next + "', '" +
                            std::string(64, 'c') + "')"),
                    check_failed);
}
