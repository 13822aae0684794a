// The certificate registry (orders/certificate_registry.hpp) on both stores: the renewal window,
// the one search box, "one master key per unit", and the regions a caller covers.
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <type_traits>

#include "orders/certificate_registry.hpp"
#include "store_sides.hpp"

using namespace cahub;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

namespace {

template <typename Side>
struct Fixture : Side {
  void exec(const std::string& sql) { cahub::testing::exec(*this, sql); }
  void certificate(const std::string& uscc, const std::string& name, const std::string& serial,
                   const std::string& not_after, const std::string& status = "active") {
    exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', '" + name + "', '" + uscc +
         "', '2026-01-01T09:00:00+08:00') ON CONFLICT DO NOTHING");
    exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
         "SELECT id, 'bjca', 'central', '" + serial + "', 'master', '2025-12-01', '" + not_after + "', '" + status +
         "' FROM customers WHERE uscc = '" + uscc + "'");
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Fixture, "certificates inside the window, per unit, active ones only", "", SqliteSide, PostgresSide) {
  const Date today = *Date::from_ymd(2026, 11, 23);
  this->certificate("91350100M000100Y43", "福州测试有限公司", "A1", "2026-12-10");
  this->certificate("91350100M000100Y43", "福州测试有限公司", "A2", "2026-11-23");  // its last day: 0 days left
  this->certificate("911100001000000000", "北京测试有限公司", "B1", "2026-12-23");  // exactly 30 days
  this->certificate("911100001000000000", "北京测试有限公司", "B2", "2026-12-24");  // 31: outside
  this->certificate("911100001000000000", "北京测试有限公司", "B3", "2026-11-22");  // already expired
  this->certificate("911100001000000000", "北京测试有限公司", "B4", "2026-12-01", "revoked");
  const auto list = orders::expiring_certificates(this->connection(), today, 30);
  REQUIRE(list.size() == 3);
  CHECK(list[0].customer_name == "北京测试有限公司");
  CHECK(list[0].serial == "B1");
  CHECK(list[0].days_left == 30);
  CHECK(list[1].serial == "A2");
  CHECK(list[1].days_left == 0);
  CHECK(list[2].serial == "A1");
  CHECK(orders::expiring_certificates(this->connection(), today, 0).size() == 1);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "one search text finds a holder's number, part of a name or a serial, any case", "", SqliteSide, PostgresSide) {
  this->certificate("91350100M000100Y43", "Fuzhou Testing Co", "3F0A01", "2026-12-10");
  this->certificate("91350100M000100Y43", "Fuzhou Testing Co", "3F0A02", "2026-12-20", "frozen");
  this->certificate("911100001000000000", "北京测试有限公司", "B1", "2026-12-23");
  this->exec("INSERT INTO customers (kind, name, id_number, created_at) VALUES ('person', '张三', "
                   "'11010519491231002X', '2026-01-01T09:00:00+08:00')");
  this->exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                   "SELECT id, 'bjca', 'central', 'P1', 'master', '2025-12-01', '2026-12-01', 'active' "
                   "FROM customers WHERE id_number = '11010519491231002X'");
  auto serials = [&](const std::string& any, const std::string& status = {}) {
    orders::CertificateFilter f;
    f.any = any;
    f.status = status;
    std::vector<std::string> out;
    for (const auto& c : orders::registered_certificates(this->connection(), f)) out.push_back(c.serial);
    return out;
  };
  using List = std::vector<std::string>;
  CHECK(serials("").size() == 4);
  CHECK(serials("91350100M000100Y43") == List{"3F0A01", "3F0A02"});
  CHECK(serials("testing") == List{"3F0A01", "3F0A02"});  // part of the name, in another case
  CHECK(serials("测试") == List{"B1"});
  CHECK(serials("3f0a02") == List{"3F0A02"});
  CHECK(serials("11010519491231002x") == List{"P1"});  // the X as a clerk may type it
  CHECK(serials("3F0A").empty());                       // a serial matches whole, not in part
  CHECK(serials("Fuzhou", "frozen") == List{"3F0A02"});
  orders::CertificateFilter person;
  person.serial = "P1";
  CHECK(orders::registered_certificates(this->connection(), person).at(0).holder_kind == "person");
  CHECK(orders::registered_certificates(this->connection(), {}).at(0).holder_kind == "org");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "whether a unit holds a master key in a region: active or frozen, any CA, by one index", "", SqliteSide, PostgresSide) {
  const std::string unit = "91350100M000100Y43";
  CHECK_FALSE(orders::holds_master_key(this->connection(), unit, "central"));  // not in the registry at all
  this->certificate(unit, "福州测试有限公司", "R1", "2026-12-10", "revoked");
  this->certificate(unit, "福州测试有限公司", "E1", "2026-12-10", "expired");
  CHECK_FALSE(orders::holds_master_key(this->connection(), unit, "central"));
  this->exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                   "SELECT id, 'hbca', 'central', 'S1', 'secondary', '2025-12-01', '2026-12-10', 'active' "
                   "FROM customers WHERE uscc = '" + unit + "'");
  CHECK_FALSE(orders::holds_master_key(this->connection(), unit, "central"));  // a secondary key is not the master
  this->certificate(unit, "福州测试有限公司", "F1", "2026-12-10", "frozen");
  CHECK(orders::holds_master_key(this->connection(), unit, "central"));
  CHECK_FALSE(orders::holds_master_key(this->connection(), unit, "qinghai"));            // another region
  CHECK_FALSE(orders::holds_master_key(this->connection(), "911100001000000000", "central"));  // another unit
  CHECK_FALSE(orders::holds_master_key(this->connection(), "", "central"));
  this->certificate("911100001000000000", "北京测试有限公司", "A1", "2026-12-10");
  CHECK(orders::holds_master_key(this->connection(), "911100001000000000", "central"));

  // Asked on every order creation: found through the customers' unique indexes and the
  // certificates' customer index, never by reading every this->certificate.
  // (SQLite's plan: PostgreSQL's planner reads a table this small whole whatever its indexes.)
  if constexpr (std::is_same_v<TestType, SqliteSide>) {
    SQLite::Statement plan(this->db.sqlite(), std::string("EXPLAIN QUERY PLAN ") + orders::holds_master_key_statement());
    std::string steps;
    while (plan.executeStep()) steps += plan.getColumn(3).getString() + "\n";
    INFO(steps);
    CHECK_THAT(steps, Catch::Contains("USING INDEX sqlite_autoindex_customers_1 (uscc=?)"));
    CHECK_THAT(steps, Catch::Contains("USING INDEX certificates_by_customer (customer_id=?)"));
    CHECK_THAT(steps, !Catch::Contains("SCAN c"));  // neither table read whole
  }
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a caller of some regions lists and finds only their certificates", "", SqliteSide, PostgresSide) {
  const Date today = *Date::from_ymd(2026, 11, 23);
  this->certificate("91350100M000100Y43", "福州测试有限公司", "C1", "2026-12-10");  // central
  this->certificate("91350100M000100Y43", "福州测试有限公司", "N1", "2026-12-11");
  this->certificate("91350100M000100Y43", "福州测试有限公司", "Q1", "2026-12-12");
  this->exec("UPDATE certificates SET region = 'neimenggu' WHERE serial = 'N1'");
  this->exec("UPDATE certificates SET region = 'qinghai' WHERE serial = 'Q1'");
  auto serials = [&](orders::CertificateFilter f, const std::string& regions) {
    f.regions = orders::RegionScope::parse(regions);
    std::vector<std::string> out;
    for (const auto& c : orders::registered_certificates(this->connection(), f)) out.push_back(c.serial);
    return out;
  };
  CHECK(serials({}, "*") == std::vector<std::string>{"C1", "N1", "Q1"});
  CHECK(serials({}, "qinghai") == std::vector<std::string>{"Q1"});
  CHECK(serials({}, "qinghai,neimenggu") == std::vector<std::string>{"N1", "Q1"});
  orders::CertificateFilter by_serial;
  by_serial.any = "n1";
  CHECK(serials(by_serial, "qinghai").empty());  // as unknown as a serial nobody holds
  CHECK(serials(by_serial, "neimenggu") == std::vector<std::string>{"N1"});
  std::vector<std::string> expiring;
  for (const auto& e : orders::expiring_certificates(this->connection(), today, 30, orders::RegionScope::only({"neimenggu", "central"})))
    expiring.push_back(e.serial);
  CHECK(expiring == std::vector<std::string>{"C1", "N1"});
}
