#include <catch2/catch.hpp>

#include "orders/certificate_registry.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using cahub::testing::ScratchFolder;

namespace {

struct Fixture {
  ScratchFolder scratch;
  store::Database db = store::Database::open(scratch / "cahub.db");

  void certificate(const std::string& uscc, const std::string& name, const std::string& serial,
                   const std::string& not_after, const std::string& status = "active") {
    db.sqlite().exec("INSERT OR IGNORE INTO customers (kind, name, uscc, created_at) VALUES ('org', '" + name + "', '" +
                     uscc + "', '2026-01-01T09:00:00+08:00')");
    db.sqlite().exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                     "SELECT id, 'bjca', 'central', '" + serial + "', 'master', '2025-12-01', '" + not_after + "', '" +
                     status + "' FROM customers WHERE uscc = '" + uscc + "'");
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "certificates inside the window, per unit, active ones only") {
  const Date today = *Date::from_ymd(2026, 11, 23);
  certificate("91350100M000100Y43", "福州测试有限公司", "A1", "2026-12-10");
  certificate("91350100M000100Y43", "福州测试有限公司", "A2", "2026-11-23");  // its last day: 0 days left
  certificate("911100001000000000", "北京测试有限公司", "B1", "2026-12-23");  // exactly 30 days
  certificate("911100001000000000", "北京测试有限公司", "B2", "2026-12-24");  // 31: outside
  certificate("911100001000000000", "北京测试有限公司", "B3", "2026-11-22");  // already expired
  certificate("911100001000000000", "北京测试有限公司", "B4", "2026-12-01", "revoked");
  const auto list = orders::expiring_certificates(db, today, 30);
  REQUIRE(list.size() == 3);
  CHECK(list[0].customer_name == "北京测试有限公司");
  CHECK(list[0].serial == "B1");
  CHECK(list[0].days_left == 30);
  CHECK(list[1].serial == "A2");
  CHECK(list[1].days_left == 0);
  CHECK(list[2].serial == "A1");
  CHECK(orders::expiring_certificates(db, today, 0).size() == 1);
}
