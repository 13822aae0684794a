// The order store on real SQLite files: idempotent creation, limits across orders (a region's
// limit{}), the full lifecycle with its audit trail, and conflicts between staff acting at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "orders/order_store.hpp"
#include "store/audit_log.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::orders;
using cahub::testing::ScratchFolder;
using nlohmann::json;

namespace {

const Actor clerk{"wang.fang", Role::Clerk};
const Actor reviewer{"zhao.li", Role::Reviewer};

const std::vector<Business> kEveryBusiness = {Business::New,    Business::Add,      Business::Renew,  Business::ReissueLost,
                                              Business::ReissueDamaged, Business::Change, Business::Unlock, Business::Freeze,
                                              Business::Unfreeze, Business::Revoke};

// Central's limit as central.lua declares it: one open order per ID number with BJCA.
OrderLimit one_open_order() {
  return OrderLimit{"one_open_order", "同一证件号只能有一个未完成订单", "One open order per ID number", "central.lua:1",
                    LimitCounts::OpenOrders, LimitAcross::Ca, 1, kEveryBusiness,
                    {Channel::Onsite, Channel::Mail, Channel::Online, Channel::SelfService},
                    {ApplicantKind::Org, ApplicantKind::Person, ApplicantKind::OrgPerson}, {KeyType::Master, KeyType::Secondary}};
}

NewOrder central_new(const std::string& key = "key-1", const std::string& uscc = "91350100M000100Y43") {
  NewOrder o;
  o.idempotency_key = key;
  o.request_hash = std::string(64, 'a');
  o.request = {{"region", "central"}, {"ca", "bjca"}, {"business", "new"}};
  o.business = Business::New;
  o.region = "central";
  o.ca = "bjca";
  o.years = 1;
  o.applicant = {"org", "福州测试有限公司", uscc, ""};
  o.quote = {{"fee", {{"total_fen", 26000}, {"unpriced", json::array()}}}};
  o.total = 26000;
  o.materials = {{"application_form", "数字证书申请表"}, {"licence_copy", "营业执照复印件"}};
  o.due_on = *Date::from_ymd(2026, 11, 26);
  o.limits = {one_open_order()};
  return o;
}

struct Fixture {
  ScratchFolder scratch;
  store::Database db = store::Database::open(scratch / "cahub.db");
  OrderStore orders{db};

  int audit_events() { return db.sqlite().execAndGet("SELECT count(*) FROM audit_events").getInt(); }

  template <typename F>
  std::string refusal(F f) {
    try {
      f();
    } catch (const OrderConflict& e) {
      return e.code();
    } catch (const WorkflowRefusal& e) {
      return e.code();
    }
    return "accepted";
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "an order is accepted once per idempotency key") {
  const CreateResult first = orders.create(central_new(), clerk);
  CHECK(first.created);
  CHECK(first.order.state == OrderState::Submitted);
  CHECK(first.order.accepted_by == "wang.fang");
  CHECK(first.order.public_id.rfind("ORD-", 0) == 0);
  CHECK(first.order.materials.size() == 2);
  CHECK(first.order.total == 26000);

  const CreateResult retry = orders.create(central_new(), clerk);
  CHECK_FALSE(retry.created);
  CHECK(retry.order.public_id == first.order.public_id);
  CHECK(audit_events() == 1);

  NewOrder other = central_new();
  other.request_hash = std::string(64, 'b');
  CHECK(refusal([&] { orders.create(other, clerk); }) == "idempotency_conflict");
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM orders").getInt() == 1);
}

TEST_CASE_METHOD(Fixture, "a declared one-open-order limit per identity number and CA, naming the one that blocks") {
  const auto first = orders.create(central_new("k1"), clerk).order;
  try {
    orders.create(central_new("k2"), clerk);
    FAIL("a second open order was accepted");
  } catch (const OrderConflict& e) {
    CHECK(e.code() == "one_open_order");
    CHECK_THAT(e.what(), Catch::Contains(first.public_id));
    CHECK_THAT(e.what(), Catch::Contains("central.lua:1"));
  }
  NewOrder other_ca = central_new("k3");
  other_ca.ca = "cfca";
  CHECK(orders.create(other_ca, clerk).created);
  orders.apply(first.public_id, Action::Cancel, first.version, clerk);
  CHECK(orders.create(central_new("k4"), clerk).created);
}

TEST_CASE_METHOD(Fixture, "a person's open order blocks by ID number, and a unit's does not block a person") {
  NewOrder person = central_new("p1");
  person.applicant = {"person", "张三", "", "11010119900307123X"};
  const auto first = orders.create(person, clerk).order;
  NewOrder again = person;
  again.idempotency_key = "p2";
  try {
    orders.create(again, clerk);
    FAIL("a second open order for the same ID number was accepted");
  } catch (const OrderConflict& e) {
    CHECK(e.code() == "one_open_order");
    CHECK_THAT(e.what(), Catch::Contains(first.public_id));
  }
  CHECK(orders.create(central_new("u1"), clerk).created);  // a unit, by its USCC: not the same applicant
}

TEST_CASE_METHOD(Fixture, "no limit is imposed that the region does not declare") {
  NewOrder first = central_new("n1");
  first.limits.clear();
  NewOrder second = first;
  second.idempotency_key = "n2";
  CHECK(orders.create(first, clerk).created);
  CHECK(orders.create(second, clerk).created);  // S1 allows several keys, S2 several certificates per unit
}

TEST_CASE_METHOD(Fixture, "a 'held' limit counts open orders and registry certificates still held, across the region") {
  // Qinghai: one master key per unit, whichever CA holds it.
  OrderLimit master{"one_master_key", "一把主锁", "One master key", "qinghai.lua:1", LimitCounts::Held, LimitAcross::Region, 1,
                    {Business::New}, {Channel::Onsite, Channel::Online}, {ApplicantKind::Org}, {KeyType::Master}};
  auto qinghai = [&](const std::string& key, const std::string& ca, KeyType k) {
    NewOrder o = central_new(key);
    o.region = "qinghai";
    o.ca = ca;
    o.key = k;
    o.limits.clear();
    if (k == KeyType::Master) o.limits = {master};  // as the desk hands them: a secondary key is not limited
    return o;
  };
  const auto first = orders.create(qinghai("q1", "bjca", KeyType::Master), clerk).order;
  CHECK(refusal([&] { orders.create(qinghai("q2", "hbca", KeyType::Master), clerk); }) == "one_master_key");
  CHECK(orders.create(qinghai("q3", "bjca", KeyType::Secondary), clerk).created);  // "允许申请多把副锁"
  orders.apply(first.public_id, Action::Cancel, first.version, clerk);
  CHECK(orders.create(qinghai("q4", "hbca", KeyType::Master), clerk).created);  // a cancelled one takes no place

  // A master certificate the registry holds takes the place too; a revoked one does not.
  db.sqlite().exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES "
                   "('org', '另一家', '91350100M000100Y44', '2026-01-01T00:00:00+08:00')");
  db.sqlite().exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                   "SELECT id, 'hbca', 'qinghai', 'AA01', 'master', '2026-01-01', '2027-01-01', 'active' FROM customers "
                   "WHERE uscc = '91350100M000100Y44'");
  NewOrder held = qinghai("q5", "bjca", KeyType::Master);
  held.applicant.uscc = "91350100M000100Y44";
  try {
    orders.create(held, clerk);
    FAIL("a second master key was accepted");
  } catch (const OrderConflict& e) {
    CHECK(e.code() == "one_master_key");
    CHECK_THAT(e.what(), Catch::Contains("hbca certificate AA01 (active)"));
  }
  // A lapsed key is no longer held: it frees the place ("issued" would still count it).
  db.sqlite().exec("UPDATE certificates SET not_before = '2024-01-01', not_after = '2025-01-01' WHERE serial = 'AA01'");
  NewOrder lapsed = held;
  lapsed.idempotency_key = "q6";
  NewOrder issued = lapsed;
  issued.limits[0].counts = LimitCounts::Issued;
  CHECK(refusal([&] { orders.create(issued, clerk); }) == "one_master_key");
  CHECK(orders.create(lapsed, clerk).created);
}

TEST_CASE_METHOD(Fixture, "a revoked certificate takes no place, whatever the limit counts") {
  OrderLimit once{"one_unit_application", "一条", "One application", "neimenggu.lua:1", LimitCounts::Issued,
                  LimitAcross::Ca, 1, {Business::New}, {Channel::Online}, {ApplicantKind::Org}, {KeyType::Master}};
  NewOrder o = central_new("r1");
  o.region = "neimenggu";
  o.ca = "nmgca";
  o.channel = Channel::Online;
  o.limits = {once};
  db.sqlite().exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES "
                   "('org', '福州测试有限公司', '91350100M000100Y43', '2026-01-01T00:00:00+08:00')");
  db.sqlite().exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                   "SELECT id, 'nmgca', 'neimenggu', 'BB01', 'master', '2024-01-01', '2025-01-01', 'revoked' FROM customers");
  CHECK(orders.create(o, clerk).created);
}

TEST_CASE_METHOD(Fixture, "a new certificate order through its whole life, every step audited") {
  auto o = orders.create(central_new(), clerk).order;
  o = orders.apply(o.public_id, Action::StartReview, o.version, reviewer);
  CHECK(refusal([&] { orders.apply(o.public_id, Action::Approve, o.version, reviewer); }) == "materials_missing");
  CHECK(refusal([&] { orders.apply(o.public_id, Action::Reject, o.version, reviewer); }) == "reason_required");
  o = orders.apply(o.public_id, Action::Reject, o.version, reviewer, "营业执照复印件未加盖公章");
  CHECK(o.state == OrderState::Rejected);
  o = orders.apply(o.public_id, Action::Resubmit, o.version, clerk);
  o = orders.receive_material(o.public_id, "application_form", clerk);
  o = orders.receive_material(o.public_id, "licence_copy", clerk, "licence.pdf", 180000);
  CHECK(o.materials_complete());
  o = orders.apply(o.public_id, Action::StartReview, o.version, reviewer);
  o = orders.apply(o.public_id, Action::Approve, o.version, reviewer);
  CHECK(o.state == OrderState::AwaitingPayment);
  o = orders.record_payment(o.public_id, o.version, {"wechat", 26000, "", "", "", ""}, clerk);
  CHECK(o.state == OrderState::Paid);
  for (Action a : {Action::StartIssuing, Action::MarkIssued, Action::Ship, Action::Complete})
    o = orders.apply(o.public_id, a, o.version, clerk);
  CHECK(o.state == OrderState::Completed);
  CHECK(o.payments.size() == 1);
  const auto verdict = store::verify_audit_chain(db);
  CHECK(verdict.intact);
  CHECK(verdict.events == 13);  // submitted, 2 reviews, reject, resubmit, 2 materials, approve, payment, 4 steps
  SQLite::Statement reject(db.sqlite(), "SELECT payload_json FROM audit_events WHERE kind = 'order.reject'");
  REQUIRE(reject.executeStep());
  CHECK_THAT(reject.getColumn(0).getString(), Catch::Contains("营业执照复印件未加盖公章"));
}

TEST_CASE_METHOD(Fixture, "the clerk who accepted cannot approve, whatever role they sign in with") {
  auto o = orders.create(central_new(), clerk).order;
  o = orders.receive_material(o.public_id, "application_form", clerk);
  o = orders.receive_material(o.public_id, "licence_copy", clerk);
  o = orders.apply(o.public_id, Action::StartReview, o.version, reviewer);
  const Actor same_person{"wang.fang", Role::Reviewer};
  CHECK(refusal([&] { orders.apply(o.public_id, Action::Approve, o.version, same_person); }) == "four_eyes");
  CHECK(orders.get(o.public_id).state == OrderState::UnderReview);
}

TEST_CASE_METHOD(Fixture, "a payment must match the quote unless a reviewer records why") {
  auto o = orders.create(central_new(), clerk).order;
  o = orders.receive_material(o.public_id, "application_form", clerk);
  o = orders.receive_material(o.public_id, "licence_copy", clerk);
  o = orders.apply(o.public_id, Action::StartReview, o.version, reviewer);
  o = orders.apply(o.public_id, Action::Approve, o.version, reviewer);
  const int before = audit_events();
  CHECK(refusal([&] { orders.record_payment(o.public_id, o.version, {"cash", 20000, "", "", "", ""}, clerk); }) ==
        "amount_mismatch");
  CHECK(refusal([&] { orders.record_payment(o.public_id, o.version, {"cash", 20000, "", "老客户优惠", "", ""}, clerk); }) ==
        "forbidden");
  // A bank transfer without its voucher is refused by the schema, and nothing of it is written.
  CHECK_THROWS(orders.record_payment(o.public_id, o.version, {"bank_transfer", 26000, "", "", "", ""}, clerk));
  CHECK(audit_events() == before);
  CHECK(orders.get(o.public_id).state == OrderState::AwaitingPayment);
  o = orders.record_payment(o.public_id, o.version, {"cash", 20000, "", "老客户优惠（经审批）", "", ""}, reviewer);
  CHECK(o.state == OrderState::Paid);
  CHECK(o.payments.at(0).adjustment_reason == "老客户优惠（经审批）");
}

TEST_CASE_METHOD(Fixture, "an unpriced order waits: it cannot be paid until priced") {
  NewOrder unpriced = central_new();
  unpriced.quote = {{"fee", {{"total_fen", nullptr}, {"unpriced", {"central.lua: fee for new via online"}}}}};
  unpriced.priced = false;
  auto o = orders.create(unpriced, clerk).order;
  CHECK_FALSE(o.priced);
  o = orders.receive_material(o.public_id, "application_form", clerk);
  o = orders.receive_material(o.public_id, "licence_copy", clerk);
  o = orders.apply(o.public_id, Action::StartReview, o.version, reviewer);
  o = orders.apply(o.public_id, Action::Approve, o.version, reviewer);
  CHECK(refusal([&] { orders.record_payment(o.public_id, o.version, {"wechat", 0, "", "", "", ""}, clerk); }) ==
        "unpriced");
}

TEST_CASE_METHOD(Fixture, "two reviewers approving at once: exactly one wins, the other gets a conflict") {
  auto o = orders.create(central_new(), clerk).order;
  o = orders.receive_material(o.public_id, "application_form", clerk);
  o = orders.receive_material(o.public_id, "licence_copy", clerk);
  o = orders.apply(o.public_id, Action::StartReview, o.version, reviewer);
  std::atomic<int> won{0}, conflicts{0};
  std::vector<std::thread> reviewers;
  for (int i = 0; i < 4; ++i)
    reviewers.emplace_back([&, i] {
      store::Database mine = db.open_another();
      OrderStore store(mine);
      try {
        store.apply(o.public_id, Action::Approve, o.version, Actor{"reviewer" + std::to_string(i), Role::Reviewer});
        ++won;
      } catch (const OrderConflict& e) {
        if (e.code() == "version_conflict") ++conflicts;
      }
    });
  for (auto& t : reviewers) t.join();
  CHECK(won == 1);
  CHECK(conflicts == 3);
  CHECK(orders.get(o.public_id).state == OrderState::AwaitingPayment);
  CHECK(store::verify_audit_chain(db).intact);
}

TEST_CASE_METHOD(Fixture, "the queue filters by state, region, CA and applicant and is sorted by due date") {
  NewOrder late = central_new("a", "91350100M000100Y43");
  late.due_on = *Date::from_ymd(2026, 12, 1);
  NewOrder soon = central_new("b", "911100001000000000");
  soon.applicant.name = "北京另一家公司";
  soon.due_on = *Date::from_ymd(2026, 11, 24);
  orders.create(late, clerk);
  orders.create(soon, clerk);
  const auto all = orders.list({});
  REQUIRE(all.size() == 2);
  CHECK(all[0].applicant.name == "北京另一家公司");
  CHECK(orders.list({OrderState::Submitted, "central", "bjca", "另一家"}).size() == 1);
  CHECK(orders.list({OrderState::Paid, "", "", ""}).empty());
  CHECK(orders.list({std::nullopt, "", "", "91350100M000100Y43"}).size() == 1);
  CHECK_THROWS_AS(orders.get("ORD-2026-999999"), OrderNotFound);
  CHECK_THROWS_AS(orders.receive_material(all[0].public_id, "no_such_material", clerk), OrderNotFound);
}

namespace {
// Takes an order to paid, as the counter would.
OrderRecord paid_order(OrderStore& orders, const NewOrder& o) {
  auto r = orders.create(o, clerk).order;
  for (const auto& m : o.materials) r = orders.receive_material(r.public_id, m.code, clerk);
  r = orders.apply(r.public_id, Action::StartReview, r.version, reviewer);
  r = orders.apply(r.public_id, Action::Approve, r.version, reviewer);
  return orders.record_payment(r.public_id, r.version, {"wechat", r.total, "", "", "", ""}, clerk);
}

NewOrder with_validity(NewOrder o, json not_after = "2027-11-22") {
  o.quote["validity"] = {{"not_before", "2026-11-23"}, {"not_after", not_after}, {"basis", "today"}};
  return o;
}
}  // namespace

TEST_CASE_METHOD(Fixture, "issuing asks the provider first and records the certificate with the order in one step") {
  auto o = paid_order(orders, with_validity(central_new()));
  json asked;
  o = orders.issue_certificate(o.public_id, o.version, clerk, [&](const json& request) {
    asked = request;
    return json{{"serial", "5B8300ADDADF1AAB"}, {"not_before", "2026-11-23"}, {"not_after", "2027-11-22"},
                {"certificate_pem", "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"}};
  });
  CHECK(asked.at("op") == "issue");
  CHECK(asked.at("order_id") == o.public_id);
  CHECK(asked.at("subject").at("uscc") == "91350100M000100Y43");
  CHECK(asked.at("not_after") == "2027-11-22");
  CHECK(o.state == OrderState::Issued);
  REQUIRE(o.certificate);
  CHECK(o.certificate->serial == "5B8300ADDADF1AAB");
  CHECK(o.certificate->status == "active");
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM audit_events WHERE kind = 'certificate.issued'").getInt() == 1);
  CHECK(store::verify_audit_chain(db).intact);
}

TEST_CASE_METHOD(Fixture, "a provider failure while issuing changes nothing: the order stays paid") {
  auto o = paid_order(orders, with_validity(central_new()));
  const int events = audit_events();
  CHECK_THROWS_WITH(orders.issue_certificate(o.public_id, o.version, clerk,
                                             [](const json&) -> json { throw std::runtime_error("BJCA gateway down"); }),
                    "BJCA gateway down");
  const auto after = orders.get(o.public_id);
  CHECK(after.state == OrderState::Paid);
  CHECK(after.version == o.version);
  CHECK_FALSE(after.certificate);
  CHECK(audit_events() == events);
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM certificates").getInt() == 0);
}

TEST_CASE_METHOD(Fixture, "no certificate without a published validity, and not before payment") {
  auto unpublished = paid_order(orders, with_validity(central_new("k1"), nullptr));
  bool asked = false;
  const auto never = [&](const json&) -> json {
    asked = true;
    return json::object();
  };
  CHECK(refusal([&] { orders.issue_certificate(unpublished.public_id, unpublished.version, clerk, never); }) ==
        "validity_not_published");
  auto fresh = orders.create(with_validity(central_new("k2", "911100001000000000")), clerk).order;
  CHECK(refusal([&] { orders.issue_certificate(fresh.public_id, fresh.version, clerk, never); }) == "not_allowed_now");
  CHECK_FALSE(asked);
}
