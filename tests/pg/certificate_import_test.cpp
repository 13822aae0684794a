// Importing a certificate issued elsewhere into the registry (orders/certificate_import.hpp), on
// both stores.
#include <catch2/catch.hpp>

#include "orders/certificate_import.hpp"
#include "store/audit_log.hpp"
#include "store_sides.hpp"

using namespace cahub;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

namespace {

template <typename Side>
struct Fixture : Side {
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
  std::int64_t count(const std::string& sql) { return cahub::testing::count(*this, sql); }
  orders::RegisteredCertificate import(const orders::ImportedCertificate& c, const orders::Actor& actor) {
    return orders::import_certificate(this->sql_store(), c, actor, today);
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Fixture, "an imported certificate is in the registry without an order, and in the audit trail", "", SqliteSide, PostgresSide) {
  const auto c = this->import(this->held("A1", "2026-12-09"), this->reviewer);
  CHECK(c.serial == "A1");
  CHECK(c.status == "active");
  CHECK(c.order_id.empty());
  CHECK(c.customer_name == "福州测试有限公司");
  CHECK(orders::expiring_certificates(this->connection(), this->today, 30).size() == 1);
  // Its holder is the same customer a later order for that USCC finds.
  CHECK(this->count("SELECT count(*) FROM customers") == 1);
  orders::CertificateFilter by_name;
  by_name.holder = "福州";
  CHECK(orders::registered_certificates(this->connection(), by_name).size() == 1);
  this->sql_store().read([&](store::SqlConnection& db) {
    CHECK(store::audit_events_of(db, 0).empty());  // no order's
    const auto head = store::audit_chain_head(db);
    REQUIRE(head);
    CHECK(head->seq == 1);
    std::string kind;
    store::for_each_audit_event(db, [&](const store::RecordedAuditEvent& e) { kind = e.event.kind; });
    CHECK(kind == "certificate.imported");
    CHECK(store::verify_audit_chain(db).intact);
  });
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a certificate past its last day is imported as expired", "", SqliteSide, PostgresSide) {
  CHECK(this->import(this->held("A1", "2026-11-22"), this->reviewer).status == "expired");
  CHECK(orders::expiring_certificates(this->connection(), this->today, 30).empty());
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a clerk may not import, and a known serial is not imported twice", "", SqliteSide, PostgresSide) {
  CHECK(this->refusal([&] { this->import(this->held("A1", "2026-12-09"), {"wang.fang", orders::Role::Clerk}); }) ==
        "forbidden");
  this->import(this->held("A1", "2026-12-09"), this->reviewer);
  CHECK(this->refusal([&] { this->import(this->held("A1", "2027-12-09"), this->reviewer); }) ==
        "certificate_exists");
  CHECK(this->count("SELECT count(*) FROM certificates") == 1);
}
