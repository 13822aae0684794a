// The tables against a replay of the audit trail (host/audit/): a row edited behind the chain's
// back (`UPDATE payments SET amount_fen = 1`), a row no event created and a row that is gone are
// each named, with the column, what the events say and what the table holds.
#include <catch2/catch.hpp>

#include <algorithm>

#include "audit/audit_replay.hpp"
#include "audit/replay_model.hpp"
#include "rows.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/write_transaction.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::audit;
using namespace cahub::store;
using Catch::Matchers::Contains;
using cahub::testing::ScratchFolder;
using nlohmann::json;

namespace {

constexpr const char* kAt = "2026-11-23T09:30:00+08:00";
constexpr const char* kUscc = "91350100M000100Y43";

std::vector<std::string> texts(const ReplayVerdict& v) {
  std::vector<std::string> out;
  for (const auto& d : v.differences) out.push_back(d.text());
  return out;
}

// A service point with two staff, one order taken through approval, payment and issue, and an
// imported certificate: every row written together with the event that says so.
struct ServicePoint {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");

  ServicePoint() {
    WriteTransaction tx(db);
    add_staff("wang.fang", "王芳", "clerk");
    add_staff("zhao.li", "赵丽", "reviewer");
    const long long customer = testing::insert_org(db.sqlite(), kUscc);
    db.sqlite().exec("INSERT INTO orders (id, public_id, business, region, ca, customer_id, channel, key_type, state, "
                     "version, request_hash, created_at, updated_at, total_fen, applicant_identity, approved_by) VALUES "
                     "(1, 'ORD-2026-000001', 'new', 'central', 'bjca', " + std::to_string(customer) +
                     ", 'onsite', 'master', 'issued', 4, '" + testing::some_hash + "', '" + kAt + "', '" + kAt +
                     "', 26000, '" + kUscc + "', 'zhao.li')");
    event("wang.fang", 1, "order.submitted",
          {{"order", "ORD-2026-000001"}, {"business", "new"}, {"region", "central"}, {"ca", "bjca"},
           {"applicant", kUscc}, {"total_fen", 26000}, {"state", "submitted"}, {"key_type", "master"},
           {"previous_serial", nullptr}, {"validity_not_after", nullptr}});
    event("zhao.li", 1, "order.approve",
          {{"order", "ORD-2026-000001"}, {"from", "under_review"}, {"to", "awaiting_payment"}, {"action", "approve"}});
    db.sqlite().exec(std::string("INSERT INTO payments (order_id, method, amount_fen, recorded_by, recorded_at) VALUES "
                                 "(1, 'wechat', 26000, 'wang.fang', '") + kAt + "')");
    event("wang.fang", 1, "payment.recorded",
          {{"order", "ORD-2026-000001"}, {"method", "wechat"}, {"amount_fen", 26000}, {"voucher", nullptr}, {"to", "paid"}});
    db.sqlite().exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                     "VALUES (" + std::to_string(customer) + ", 'bjca', 'central', '5A0D01', 'master', '2026-11-23', "
                     "'2027-11-22', 'active')");
    event("wang.fang", 1, "certificate.issued",
          {{"order", "ORD-2026-000001"}, {"serial", "5A0D01"}, {"not_before", "2026-11-23"},
           {"not_after", "2027-11-22"}, {"to", "issued"}, {"revoked_serial", nullptr}});
    db.sqlite().exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                     "VALUES (" + std::to_string(customer) + ", 'netca', 'central', 'ab12', 'secondary', '2025-01-01', "
                     "'2026-12-31', 'active')");
    event("zhao.li", std::nullopt, "certificate.imported",
          {{"ca", "netca"}, {"region", "central"}, {"serial", "ab12"}, {"holder", kUscc}, {"not_before", "2025-01-01"},
           {"not_after", "2026-12-31"}, {"status", "active"}, {"key_type", "secondary"}});
    tx.commit();
  }

  void add_staff(const std::string& login, const std::string& name, const std::string& role) {
    SQLite::Statement insert(db.sqlite(), "INSERT INTO staff (login, display_name, role, password_hash, created_at) "
                                          "VALUES (?, ?, ?, 'pbkdf2-sha256$1$00$00', ?)");
    insert.bind(1, login);
    insert.bind(2, name);
    insert.bind(3, role);
    insert.bind(4, kAt);
    insert.exec();
    event("cli", std::nullopt, "staff.added", {{"login", login}, {"role", role}, {"display_name", name}});
  }

  void event(const std::string& actor, std::optional<std::int64_t> order, const std::string& kind, json payload) {
    append_audit_event(db, {kAt, actor, order, kind, std::move(payload)});
  }
  void sql(const std::string& statement) { db.sqlite().exec(statement); }
};

}  // namespace

TEST_CASE_METHOD(ServicePoint, "tables written with their events agree with the replay") {
  const ReplayVerdict v = replay_audit_trail(db);
  INFO(texts(v).size());
  CHECK(v.agrees());
  CHECK(v.rows.at("orders") == 1);
  CHECK(v.rows.at("payments") == 1);
  CHECK(v.rows.at("staff") == 2);
  CHECK(v.rows.at("certificates") == 2);
}

TEST_CASE_METHOD(ServicePoint, "each row edited outside the chain is named with its column, the events' value and the table's") {
  sql("UPDATE payments SET amount_fen = 1");
  sql("UPDATE orders SET state = 'cancelled'");
  sql("UPDATE staff SET role = 'admin' WHERE login = 'wang.fang'");
  sql("UPDATE certificates SET not_after = '2036-11-22' WHERE serial = '5A0D01'");
  sql("UPDATE certificates SET status = 'active', region = 'qinghai' WHERE serial = 'ab12'");
  sql("UPDATE orders SET approved_by = 'wang.fang', total_fen = 1");
  const ReplayVerdict v = replay_audit_trail(db);
  REQUIRE(verify_audit_chain(db).intact);  // the chain alone sees none of it
  CHECK_FALSE(v.agrees());
  CHECK_THAT(texts(v), Catch::Matchers::UnorderedEquals(std::vector<std::string>{
      "orders ORD-2026-000001: approved_by is \"wang.fang\", the events say \"zhao.li\"",
      "orders ORD-2026-000001: state is \"cancelled\", the events say \"issued\"",
      "orders ORD-2026-000001: total_fen is 1, the events say 26000",
      "payments ORD-2026-000001 payment 1 (id 1): amount_fen is 1, the events say 26000",
      "staff wang.fang: role is \"admin\", the events say \"clerk\"",
      "certificates bjca 5A0D01: not_after is \"2036-11-22\", the events say \"2027-11-22\"",
      "certificates netca AB12: region is \"qinghai\", the events say \"central\"",
  }));
}

TEST_CASE_METHOD(ServicePoint, "a row no event created and a row the events created that is gone are named") {
  sql("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES "
      "('mallory', 'M', 'admin', 'pbkdf2-sha256$1$00$00', '2026-11-23T09:30:00+08:00')");
  sql("DELETE FROM payments");
  sql("INSERT INTO payments (order_id, method, amount_fen, recorded_by, recorded_at) VALUES "
      "(1, 'cash', 5, 'wang.fang', '2026-11-23T09:30:00+08:00')");
  sql("DELETE FROM certificates WHERE serial = 'ab12'");
  const ReplayVerdict v = replay_audit_trail(db);
  CHECK_THAT(texts(v), Catch::Matchers::UnorderedEquals(std::vector<std::string>{
      "staff mallory: no event created this row",
      "payments ORD-2026-000001 payment 1 (id 1): method is \"cash\", the events say \"wechat\"",
      "payments ORD-2026-000001 payment 1 (id 1): amount_fen is 5, the events say 26000",
      "certificates netca AB12: the events created this row, the table no longer has it",
  }));
}

TEST_CASE("the staff events replay into login, role, display name, disabled and regions") {
  ReplayModel model;
  std::int64_t seq = 0;
  auto apply = [&](const std::string& kind, json payload) {
    model.apply({++seq, {kAt, "chen.jie", std::nullopt, kind, std::move(payload)}});
  };
  apply("staff.added", {{"login", "wang.fang"}, {"role", "clerk"}, {"display_name", "王芳"}});
  apply("staff.added", {{"login", "zhao.li"}, {"role", "reviewer"}, {"display_name", "赵丽"}});
  apply("staff.disabled", {{"login", "wang.fang"}});
  apply("staff.role_changed", {{"login", "zhao.li"}, {"role", "admin"}});
  apply("staff.disabled", {{"login", "zhao.li"}});
  apply("staff.enabled", {{"login", "zhao.li"}});
  apply("staff.disabled", {{"login", "nobody"}});
  apply("staff.added", {{"login", "li.na"}, {"role", "clerk"}, {"display_name", "李娜"}, {"regions", "qinghai"}});
  apply("staff.regions_changed", {{"login", "li.na"}, {"regions", "neimenggu,qinghai"}});
  apply("staff.regions_changed", {{"login", "zhao.li"}, {"regions", "central"}});
  const ExpectedTable& staff = model.table("staff");
  // Added before regions existed (no "regions" in the payload): migrated to all of them.
  CHECK(staff.at("wang.fang") ==
        ExpectedColumns{{"role", "clerk"}, {"display_name", "王芳"}, {"disabled", 1}, {"regions", "*"}});
  CHECK(staff.at("zhao.li") ==
        ExpectedColumns{{"role", "admin"}, {"display_name", "赵丽"}, {"disabled", 0}, {"regions", "central"}});
  CHECK(staff.at("li.na") == ExpectedColumns{{"role", "clerk"}, {"display_name", "李娜"}, {"disabled", 0},
                                             {"regions", "neimenggu,qinghai"}});
  REQUIRE(model.orphans().size() == 1);
  CHECK_THAT(model.orphans()[0], Contains("event 7 (staff.disabled) speaks of staff account nobody"));
}

TEST_CASE_METHOD(ServicePoint, "an account whose regions were widened by hand is named, and one changed by event is not") {
  {
    WriteTransaction tx(db);
    sql("UPDATE staff SET regions = 'qinghai' WHERE login = 'wang.fang'");
    event("chen.jie", std::nullopt, "staff.regions_changed", {{"login", "wang.fang"}, {"regions", "qinghai"}});
    tx.commit();
  }
  CHECK(replay_audit_trail(db).agrees());
  sql("UPDATE staff SET regions = '*' WHERE login = 'wang.fang'");
  sql("UPDATE staff SET regions = 'neimenggu' WHERE login = 'zhao.li'");
  CHECK_THAT(texts(replay_audit_trail(db)), Catch::Matchers::UnorderedEquals(std::vector<std::string>{
      "staff wang.fang: regions is \"*\", the events say \"qinghai\"",
      "staff zhao.li: regions is \"neimenggu\", the events say \"*\"",
  }));
}

TEST_CASE_METHOD(ServicePoint, "a disabled account whose row was re-enabled by hand is named") {
  {
    WriteTransaction tx(db);
    sql("UPDATE staff SET disabled = 1 WHERE login = 'wang.fang'");
    event("chen.jie", std::nullopt, "staff.disabled", {{"login", "wang.fang"}});
    tx.commit();
  }
  CHECK(replay_audit_trail(db).agrees());
  sql("UPDATE staff SET disabled = 0 WHERE login = 'wang.fang'");
  CHECK(texts(replay_audit_trail(db)) == std::vector<std::string>{"staff wang.fang: disabled is 0, the events say 1"});
}

TEST_CASE("events written before payloads said everything replay on what they do say") {
  ReplayModel model;
  std::int64_t seq = 0;
  auto apply = [&](const std::string& kind, json payload) {
    model.apply({++seq, {kAt, "zhao.li", 1, kind, std::move(payload)}});
  };
  // The payloads as cahub wrote them before this replay existed: no "to", no key_type, no voucher.
  apply("order.submitted", {{"order", "ORD-1"}, {"business", "reissue_lost"}, {"region", "central"}, {"ca", "bjca"},
                            {"applicant", kUscc}, {"total_fen", nullptr}});
  apply("order.terms_set", {{"order", "ORD-1"}, {"reason", "published nowhere"}, {"total_fen", 0}});
  const ExpectedTable& orders = model.table("orders");
  CHECK(orders.at("ORD-1").at("state") == "submitted");
  CHECK(orders.at("ORD-1").at("total_fen") == 0);
  CHECK_FALSE(orders.at("ORD-1").contains("key_type"));
  apply("order.approve", {{"order", "ORD-1"}, {"from", "under_review"}, {"to", "awaiting_payment"}});
  apply("order.terms_set", {{"order", "ORD-1"}, {"reason", "free after all"}, {"total_fen", 0}});
  CHECK(orders.at("ORD-1").at("state") == "approved");  // nothing left to pay
  apply("payment.recorded", {{"order", "ORD-1"}, {"method", "cash"}, {"amount_fen", 0}});
  CHECK(orders.at("ORD-1").at("state") == "paid");
  CHECK_FALSE(model.table("payments").at("ORD-1 payment 1").contains("voucher"));
  CHECK(model.table("payments").at("ORD-1 payment 1").at("adjustment_reason").is_null());
  apply("certificate.imported", {{"ca", "bjca"}, {"serial", "old1"}, {"holder", kUscc}, {"status", "active"}});
  apply("certificate.issued", {{"order", "ORD-1"}, {"serial", "new1"}, {"not_before", "2026-11-23"},
                               {"not_after", "2027-11-22"}});
  CHECK(orders.at("ORD-1").at("state") == "issued");
  // A reissue revoked the certificate it replaced, and the old event does not say which: unknown.
  CHECK_FALSE(model.table("certificates").at("bjca OLD1").contains("status"));
  CHECK(model.table("certificates").at("bjca NEW1").at("status") == "active");
  apply("certificate.revoke", {{"order", "ORD-1"}, {"serial", "new1"}, {"status", "revoked"}, {"registered", true}});
  CHECK(orders.at("ORD-1").at("state") == "completed");
  CHECK(model.table("certificates").at("bjca NEW1").at("status") == "revoked");
  apply("order.ship", {{"order", "ORD-404"}, {"to", "shipped"}});
  REQUIRE(model.orphans().size() == 1);
  CHECK_THAT(model.orphans()[0], Contains("speaks of order ORD-404, which no order.submitted event created"));
}

TEST_CASE("a newer issue names the certificate it revoked, and the replay revokes exactly that one") {
  ReplayModel model;
  std::int64_t seq = 0;
  auto apply = [&](const std::string& kind, json payload) {
    model.apply({++seq, {kAt, "zhao.li", 1, kind, std::move(payload)}});
  };
  apply("certificate.imported", {{"ca", "bjca"}, {"serial", "old1"}, {"holder", kUscc}, {"status", "active"}});
  apply("certificate.imported", {{"ca", "bjca"}, {"serial", "old2"}, {"holder", kUscc}, {"status", "active"}});
  apply("order.submitted", {{"order", "ORD-1"}, {"business", "change"}, {"region", "central"}, {"ca", "bjca"},
                            {"applicant", kUscc}, {"key_type", "master"}});
  apply("certificate.issued", {{"order", "ORD-1"}, {"serial", "new1"}, {"not_before", "2026-11-23"},
                               {"not_after", "2027-11-22"}, {"to", "issued"}, {"revoked_serial", "old1"}});
  const ExpectedTable& certificates = model.table("certificates");
  CHECK(certificates.at("bjca OLD1").at("status") == "revoked");
  CHECK(certificates.at("bjca OLD2").at("status") == "active");
  CHECK(certificates.at("bjca NEW1").at("key_type") == "master");
  CHECK(certificates.at("bjca NEW1").at("holder") == kUscc);
}
