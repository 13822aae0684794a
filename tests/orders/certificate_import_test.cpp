#include <catch2/catch.hpp>

#include "orders/certificate_import.hpp"
#include "store/audit_log.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using cahub::testing::ScratchFolder;

namespace {

struct Fixture {
  ScratchFolder scratch;
  store::Database db = store::Database::open_or_create(scratch / "cahub.db");
  const Date today = *Date::from_ymd(2026, 11, 23);
  const orders::Actor reviewer{"zhao.li", orders::Role::Reviewer};

  orders::ImportedCertificate held(const std::string& serial, const std::string& not_after) const {
    orders::ImportedCertificate c;
    c.holder = {true, "福州测试有限公司", "91350100M000100Y43"};
    c.ca = "bjca";
    c.region = "central";
    c.serial = serial;
    c.not_before = *Date::from_ymd(2025, 12, 10);
    c.not_after = *Date::parse(not_after);
    return c;
  }

  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const CodedError& e) {
      return e.code();
    }
    return "accepted";
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "an imported certificate is in the registry without an order, and in the audit trail") {
  const auto c = orders::import_certificate(db, held("A1", "2026-12-09"), reviewer, today);
  CHECK(c.serial == "A1");
  CHECK(c.status == "active");
  CHECK(c.order_id.empty());
  CHECK(c.customer_name == "福州测试有限公司");
  CHECK(orders::expiring_certificates(db, today, 30).size() == 1);
  // Its holder is the same customer a later order for that USCC finds.
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM customers").getInt() == 1);
  orders::CertificateFilter by_name;
  by_name.holder = "福州";
  CHECK(orders::registered_certificates(db, by_name).size() == 1);
  CHECK(db.sqlite().execAndGet("SELECT kind FROM audit_events ORDER BY seq DESC LIMIT 1").getString() ==
        "certificate.imported");
  CHECK(store::verify_audit_chain(db).intact);
}

TEST_CASE_METHOD(Fixture, "a certificate past its last day is imported as expired") {
  CHECK(orders::import_certificate(db, held("A1", "2026-11-22"), reviewer, today).status == "expired");
  CHECK(orders::expiring_certificates(db, today, 30).empty());
}

TEST_CASE_METHOD(Fixture, "a clerk may not import, and a known serial is not imported twice") {
  CHECK(refusal([&] { orders::import_certificate(db, held("A1", "2026-12-09"), {"wang.fang", orders::Role::Clerk}, today); }) ==
        "forbidden");
  orders::import_certificate(db, held("A1", "2026-12-09"), reviewer, today);
  CHECK(refusal([&] { orders::import_certificate(db, held("A1", "2027-12-09"), reviewer, today); }) ==
        "certificate_exists");
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM certificates").getInt() == 1);
}
