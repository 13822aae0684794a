// The order repository on both stores (a SQLite file, a PostgreSQL database): typed columns in and out, the region's limits across
// orders counted in the creating transaction (orders/order_limits.hpp, as the desk's writer job
// runs them), version checks between staff acting at once, and a queue that is read through its
// indexes, page by page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <deque>
#include <filesystem>
#include <future>
#include <thread>
#include <type_traits>

#include "orders/order_json.hpp"
#include "orders/order_limits.hpp"
#include "orders/order_repository.hpp"
#include "store/audit_log.hpp"
#include "store_sides.hpp"

using namespace cahub;
using namespace cahub::orders;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;
using nlohmann::json;

namespace {

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

constexpr const char* kUnit = "91350100M000100Y43";
constexpr const char* kOtherUnit = "91350100M000100Y44";
constexpr const char* kPerson = "11010119900307123X";

template <typename Side>
struct Fixture : Side {
  OrderRepository repo{this->connection()};  // reads, each statement on its own
  std::deque<OrderRequest> requests;  // NewOrder points at its request

  // A central BJCA new-certificate order for a unit, 260.00 CNY, two materials, due 2026-11-26.
  NewOrder order(const std::string& key, const std::string& identity = kUnit) {
    OrderRequest& r = requests.emplace_back();
    r.quote.region = "central";
    r.quote.ca = "bjca";
    r.quote.applicant = identity == kPerson ? ApplicantKind::Person : ApplicantKind::Org;
    r.applicant.name = identity == kPerson ? "张三" : identity == kUnit ? "福州测试有限公司" : "厦门样例有限公司";
    (identity == kPerson ? r.applicant.id_number : r.applicant.uscc) = identity;
    r.as_received = {{"region", "central"}};
    r.request_hash = std::string(64, 'a');
    NewOrder o;
    o.idempotency_key = key;
    o.request = &r;
    o.quote_json = R"({"fee":{"total_fen":26000}})";
    o.request_json = r.as_received.dump();
    o.years = 1;
    o.total = 26000;
    o.validity_not_before = Date::from_ymd(2026, 11, 20);
    o.validity_not_after = Date::from_ymd(2027, 11, 19);
    o.validity_basis = "today";
    o.materials = {{"application_form", "数字证书申请表"}, {"licence_copy", "营业执照复印件"}};
    o.due_on = Date::from_ymd(2026, 11, 26);
    o.limits = {one_open_order()};
    return o;
  }
  OrderRequest& request_of(const NewOrder& o) { return const_cast<OrderRequest&>(*o.request); }

  // Runs `work` with a repository on a write transaction of the store, which then commits.
  template <typename Work> auto writing(Work work) {
    return store::write(this->sql_store(), [&](store::SqlConnection& db) {
      OrderRepository w(db);
      return work(w);
    });
  }
  // What the desk's writer job does: limits and the insert, in one transaction.
  OrderRef accept(const NewOrder& o) {
    return store::write(this->sql_store(), [&](store::SqlConnection& db) {
      refuse_beyond_limits(db, o);
      return OrderRepository(db).insert(o, "wang.fang", store::now_china_time()).ref;
    });
  }
  std::int64_t move(const OrderRef& ref, OrderState to) {
    return writing([&](OrderRepository& w) { return w.advance(ref, to, store::now_china_time()); });
  }
  void exec(const std::string& sql) { cahub::testing::exec(*this, sql); }
  template <typename F> std::string conflict(F f) {
    try {
      f();
    } catch (const OrderConflict& e) {
      return e.code();
    }
    return "accepted";
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Fixture, "an order goes in typed and comes out typed", "", SqliteSide, PostgresSide) {
  NewOrder o = this->order("k1");
  this->request_of(o).previous_serial = "";
  const OrderRef ref = this->accept(o);
  CHECK(ref.public_id.rfind("ORD-", 0) == 0);
  CHECK(ref.version == 1);
  const Order got = this->repo.get(ref.public_id);
  CHECK(got.state == OrderState::Submitted);
  CHECK(got.accepted_by == "wang.fang");
  CHECK(got.priced);
  CHECK(got.total == 26000);
  CHECK(got.validity.not_after == Date::from_ymd(2027, 11, 19));
  CHECK(got.validity.basis == "today");
  CHECK(got.applicant.identity == kUnit);
  CHECK(got.applicant.kind == ApplicantKind::Org);
  CHECK(got.materials.size() == 2);
  CHECK_FALSE(got.materials_complete);
  CHECK(got.due_on == "2026-11-26");
  CHECK_THROWS_AS(this->repo.get("ORD-2026-999999"), OrderNotFound);
  const auto earlier = this->repo.find_by_idempotency_key("k1");
  REQUIRE(earlier);
  CHECK(earlier->public_id == ref.public_id);
  CHECK_FALSE(this->repo.find_by_idempotency_key("k2"));
}

// The answer to a creation is built from what was inserted (inserted_order), not read back: it
// must be what get() reads, field for field, as the API shows it, for every shape of this->order.
TEMPLATE_TEST_CASE_METHOD(Fixture, "the order insert() wrote, built in memory, is the order get() reads back", "", SqliteSide, PostgresSide) {
  auto same_as_read = [&](NewOrder o, const json& quote) {
    o.quote_json = quote.dump();
    const std::string now = store::now_china_time();
    const OrderRepository::Inserted inserted =
        this->writing([&](OrderRepository& w) { return w.insert(o, "wang.fang", now); });
    const json built = order_json(inserted_order(o, inserted, "wang.fang", now, quote));
    const json read = order_json(this->repo.get(inserted.ref.public_id));
    INFO(built.dump(2) << "\n---\n" << read.dump(2));
    CHECK(built == read);
  };
  const json quote = {{"eligible", true}, {"fee", {{"total_fen", 26000}, {"ratio", 0.85}}},
                      {"validity", {{"not_published", true}, {"convention", "one year"}}}, {"reasons", json::array()}};

  same_as_read(this->order("s1"), quote);  // a unit, priced, two materials, a validity and a due date

  NewOrder bare = this->order("s2", kPerson);  // a person; unpriced; nothing published; no materials
  bare.priced = false;
  bare.total = 0;
  bare.years.reset();
  bare.validity_not_before.reset();
  bare.validity_not_after.reset();
  bare.validity_basis.clear();
  bare.materials.clear();
  bare.due_on.reset();
  bare.limits.clear();
  same_as_read(bare, json::object());

  NewOrder held = this->order("s3", kOtherUnit);  // a unit's certificate held by a person, revoked, by serial
  OrderRequest& r = this->request_of(held);
  r.quote.applicant = ApplicantKind::OrgPerson;
  r.quote.business = Business::Revoke;
  r.quote.channel = Channel::Mail;
  r.quote.key = KeyType::Secondary;
  r.applicant.person_name = "李四";
  r.applicant.id_number = kPerson;
  r.previous_serial = "3F0A01";
  r.revocation_reason = RevocationReason::KeyCompromise;
  r.as_received = {{"business", "revoke"}, {"nested", {{"a", 1.5}, {"b", json::array({1, "二"})}}}};
  held.request_json = r.as_received.dump();
  held.materials = {{"form", "申请表"}, {"licence", "营业执照"}, {"form", "again"}};  // a repeated code: the first stays
  held.limits.clear();
  same_as_read(held, quote);

  // A customer already on record keeps its recorded name, whatever a later order spells.
  NewOrder again = this->order("s4", kOtherUnit);
  this->request_of(again).applicant.name = "另一个名字";
  again.limits.clear();
  same_as_read(again, quote);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "an unpriced order has no total, and terms set one along with a validity", "", SqliteSide, PostgresSide) {
  NewOrder o = this->order("u1");
  o.priced = false;
  o.validity_not_after.reset();
  const OrderRef ref = this->accept(o);
  CHECK_FALSE(this->repo.get(ref.public_id).priced);
  this->writing([&](OrderRepository& w) {
    w.insert_terms(ref.id, {12000, 2, Date::from_ymd(2026, 12, 7), Date::from_ymd(2028, 12, 6), "2026 price list"},
                   "zhao.li", store::now_china_time());
    return 0;
  });
  const Order got = this->repo.get(ref.public_id);
  CHECK(got.priced);
  CHECK(got.total == 12000);
  CHECK(got.validity.not_after == Date::from_ymd(2028, 12, 6));
  CHECK(got.validity.basis == "set_by_staff");
  CHECK(got.validity.set_by == "zhao.li");
  REQUIRE(got.terms.size() == 1);
  CHECK(got.terms[0].reason == "2026 price list");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a declared one-open-order limit per identity number and CA, naming the one that blocks", "", SqliteSide, PostgresSide) {
  const OrderRef first = this->accept(this->order("k1"));
  try {
    this->accept(this->order("k2"));
    FAIL("a second open order was accepted");
  } catch (const OrderConflict& e) {
    CHECK(e.code() == "one_open_order");
    CHECK_THAT(e.what(), Catch::Contains(first.public_id));
    CHECK_THAT(e.what(), Catch::Contains("central.lua:1"));
  }
  NewOrder other_ca = this->order("k3");
  this->request_of(other_ca).quote.ca = "cfca";
  CHECK(this->accept(other_ca).id > 0);
  this->move(first, OrderState::Cancelled);
  CHECK(this->accept(this->order("k4")).id > 0);
  // A person is not the unit: the person's ID number has its own place.
  this->accept(this->order("p1", kPerson));
  CHECK(this->conflict([&] { this->accept(this->order("p2", kPerson)); }) == "one_open_order");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "no limit is imposed that the region does not declare", "", SqliteSide, PostgresSide) {
  NewOrder first = this->order("n1");
  first.limits.clear();
  NewOrder second = this->order("n2");
  second.limits.clear();
  this->accept(first);
  CHECK(this->accept(second).id > 0);  // S1 allows several keys, S2 several certificates per unit
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a 'held' limit counts open orders and registry certificates still held, across the region", "", SqliteSide, PostgresSide) {
  // Qinghai: one master key per unit, whichever CA holds it.
  OrderLimit master{"one_master_key", "一把主锁", "One master key", "qinghai.lua:1", LimitCounts::Held, LimitAcross::Region, 1,
                    {Business::New}, {Channel::Onsite, Channel::Online}, {ApplicantKind::Org}, {KeyType::Master}};
  auto qinghai = [&](const std::string& key, const std::string& ca, KeyType k, const char* unit = kUnit) {
    NewOrder o = this->order(key, unit);
    this->request_of(o).quote.region = "qinghai";
    this->request_of(o).quote.ca = ca;
    this->request_of(o).quote.key = k;
    o.limits.clear();
    if (k == KeyType::Master) o.limits = {master};  // as the desk hands them: a secondary key is not limited
    return o;
  };
  const OrderRef first = this->accept(qinghai("q1", "bjca", KeyType::Master));
  CHECK(this->conflict([&] { this->accept(qinghai("q2", "hbca", KeyType::Master)); }) == "one_master_key");
  CHECK(this->accept(qinghai("q3", "bjca", KeyType::Secondary)).id > 0);  // "允许申请多把副锁"
  this->move(first, OrderState::Cancelled);
  CHECK(this->accept(qinghai("q4", "hbca", KeyType::Master)).id > 0);  // a cancelled one takes no place

  // A master certificate the registry holds takes the place too; a lapsed one only for "issued".
  this->exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES "
                   "('org', '另一家', '91350100M000100Y44', '2026-01-01T00:00:00+08:00')");
  this->exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status) "
                   "SELECT id, 'hbca', 'qinghai', 'AA01', 'master', '2026-01-01', '2099-01-01', 'active' FROM customers "
                   "WHERE uscc = '91350100M000100Y44'");
  try {
    this->accept(qinghai("q5", "bjca", KeyType::Master, kOtherUnit));
    FAIL("a second master key was accepted");
  } catch (const OrderConflict& e) {
    CHECK(e.code() == "one_master_key");
    CHECK_THAT(e.what(), Catch::Contains("hbca certificate AA01 (active)"));
  }
  this->exec("UPDATE certificates SET not_before = '2024-01-01', not_after = '2025-01-01' WHERE serial = 'AA01'");
  NewOrder issued = qinghai("q6", "bjca", KeyType::Master, kOtherUnit);
  issued.limits[0].counts = LimitCounts::Issued;
  CHECK(this->conflict([&] { this->accept(issued); }) == "one_master_key");
  CHECK(this->accept(qinghai("q7", "bjca", KeyType::Master, kOtherUnit)).id > 0);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "W1: a state changes only at the version it was decided on, and of two at once one wins", "", SqliteSide, PostgresSide) {
  const OrderRef ref = this->accept(this->order("v1"));
  CHECK(this->move(ref, OrderState::UnderReview) == 2);
  CHECK(this->conflict([&] { this->move(ref, OrderState::Cancelled); }) == "version_conflict");  // decided on version 1
  // Two reviewers approving at once, each on its own connection: exactly one wins.
  const OrderRef at2{ref.id, ref.public_id, 2};
  std::atomic<int> won{0}, conflicts{0};
  std::vector<std::thread> reviewers;
  for (int i = 0; i < 2; ++i)
    reviewers.emplace_back([&] {
      const auto own = this->another_host();
      try {
        own->write([&](store::SqlConnection& c) {
          OrderRepository(c).advance(at2, OrderState::AwaitingPayment, store::now_china_time());
        });
        ++won;
      } catch (const OrderConflict&) {
        ++conflicts;
      }
    });
  for (auto& t : reviewers) t.join();
  CHECK(won == 1);
  CHECK(conflicts == 1);
  CHECK(this->repo.get(ref.public_id).version == 3);
}

// What `cahub serve` reconciles at start on a store other hosts share: only the orders nobody has
// touched for a while (cli/api_service.cpp), not one another host is asking its provider about.
TEMPLATE_TEST_CASE_METHOD(Fixture, "orders in flight: all of them, or those untouched since a given time", "", SqliteSide, PostgresSide) {
  NewOrder first = this->order("k1");
  first.limits = {};
  NewOrder second = this->order("k2");
  second.limits = {};
  const OrderRef a = this->accept(first);
  const OrderRef b = this->accept(second);
  this->writing([&](OrderRepository& w) { return w.advance(a, OrderState::Issuing, "2026-12-01T10:00:00+08:00"); });
  this->writing([&](OrderRepository& w) { return w.advance(b, OrderState::CarryingOut, "2026-12-01T10:20:00+08:00"); });
  using Ids = std::vector<std::string>;
  CHECK(this->repo.in_flight() == Ids{a.public_id, b.public_id});
  CHECK(this->repo.in_flight("2026-12-01T10:10:00+08:00") == Ids{a.public_id});
  CHECK(this->repo.in_flight("2026-12-01T10:00:00+08:00").empty());  // changed at that very moment: not yet
  CHECK(this->repo.in_flight("2026-12-01T10:30:00+08:00") == Ids{a.public_id, b.public_id});
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "the queue filters, sorts by due date, counts per state and pages by cursor", "", SqliteSide, PostgresSide) {
  for (int i = 0; i < 7; ++i) {
    NewOrder o = this->order("q" + std::to_string(i), i % 2 ? kUnit : kOtherUnit);
    o.limits.clear();
    o.due_on = i == 3 ? std::nullopt : Date::from_ymd(2026, 12, 10 - i);
    this->accept(o);
  }
  OrderPage page = this->repo.list({}, std::nullopt, 3);
  REQUIRE(page.orders.size() == 3);
  CHECK(page.orders[0].due_on == "2026-12-04");  // the most urgent first
  REQUIRE(page.next);
  std::vector<std::string> seen;
  for (std::optional<OrderCursor> after; ; after = page.next) {
    page = this->repo.list({}, after, 3);
    for (const Order& o : page.orders) seen.push_back(o.due_on.empty() ? "undated" : o.due_on);
    if (!page.next) break;
  }
  CHECK(seen == std::vector<std::string>{"2026-12-04", "2026-12-05", "2026-12-06", "2026-12-08", "2026-12-09",
                                         "2026-12-10", "undated"});
  const OrderPage unit = this->repo.list({std::nullopt, "", "", kUnit}, std::nullopt, 50);
  CHECK(unit.orders.size() == 3);
  CHECK(unit.counts == std::vector<std::pair<OrderState, std::int64_t>>{{OrderState::Submitted, 3}});
  CHECK(this->repo.list({std::nullopt, "", "", "测试"}, std::nullopt, 50).orders.size() == 3);  // part of the name
  CHECK(this->repo.list({OrderState::Paid, "", "", ""}, std::nullopt, 50).orders.empty());
  CHECK_FALSE(OrderCursor::parse("garbage"));
  CHECK_FALSE(OrderCursor::parse("2026-02-30.5"));
  CHECK(OrderCursor::parse("2026-12-04.17")->id == 17);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "the queue holds and counts only the regions the caller covers", "", SqliteSide, PostgresSide) {
  for (const auto& [key, region] : {std::pair{"r1", "central"}, std::pair{"r2", "neimenggu"}, std::pair{"r3", "qinghai"},
                                    std::pair{"r4", "neimenggu"}}) {
    NewOrder o = this->order(key);
    o.limits.clear();
    this->request_of(o).quote.region = region;
    this->accept(o);
  }
  const auto regions_of = [](const OrderPage& page) {
    std::vector<std::string> out;
    for (const Order& o : page.orders) out.push_back(o.region);
    std::sort(out.begin(), out.end());
    return out;
  };
  OrderFilter nmg;
  nmg.regions = RegionScope::only({"neimenggu"});
  const OrderPage only_nmg = this->repo.list(nmg, std::nullopt, 50);
  CHECK(regions_of(only_nmg) == std::vector<std::string>{"neimenggu", "neimenggu"});
  CHECK(only_nmg.counts == std::vector<std::pair<OrderState, std::int64_t>>{{OrderState::Submitted, 2}});

  OrderFilter two;
  two.regions = RegionScope::parse("qinghai,central");
  CHECK(regions_of(this->repo.list(two, std::nullopt, 50)) == std::vector<std::string>{"central", "qinghai"});
  // A region asked for by name but not covered: nothing, not that region's orders.
  two.region = "neimenggu";
  CHECK(this->repo.list(two, std::nullopt, 50).orders.empty());
  CHECK(this->repo.list(two, std::nullopt, 50).counts.empty());
  two.region = "qinghai";
  CHECK(regions_of(this->repo.list(two, std::nullopt, 50)) == std::vector<std::string>{"qinghai"});
  // Paging keeps the scope: one order a page, two pages, both Inner Mongolia's.
  OrderPage page = this->repo.list(nmg, std::nullopt, 1);
  REQUIRE(page.next);
  const OrderPage rest = this->repo.list(nmg, page.next, 1);
  CHECK(regions_of(rest) == std::vector<std::string>{"neimenggu"});
  CHECK_FALSE(rest.next);
  // All regions, as an account made before regions existed has: every this->order.
  CHECK(this->repo.list({}, std::nullopt, 50).orders.size() == 4);
}

// The plan SQLite chooses for a statement, one line per step. (SQLite's only: PostgreSQL's planner
// reads tables this small whole, whatever their indexes.)
static std::string query_plan(store::Database& db, const std::string& sql, const std::string& applicant) {
  SQLite::Statement plan(db.sqlite(), "EXPLAIN QUERY PLAN " + sql);
  if (!applicant.empty()) plan.bind(":applicant", applicant);
  std::string out;
  while (plan.executeStep()) out += plan.getColumn(3).getString() + "\n";
  return out;
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "GET /v1/orders?applicant= is read through an index, not a scan of every order", "", SqliteSide, PostgresSide) {
  if constexpr (std::is_same_v<TestType, SqliteSide>) {
    store::Database& db = this->db;
  for (const bool with_cursor : {false, true}) {
    const std::string plan = query_plan(db, OrderRepository::list_statement({std::nullopt, "", "", kUnit}, with_cursor),
                                        kUnit);
    INFO(plan);
    CHECK_THAT(plan, Catch::Contains("USING INDEX orders_by_applicant"));
    CHECK_THAT(plan, !Catch::Contains("SCAN o "));
    CHECK_THAT(plan, !Catch::Contains("TEMP B-TREE"));  // the index gives the order too
  }
  // The queue by state: its own index, in due this->order.
  const std::string by_state = query_plan(db, OrderRepository::list_statement({OrderState::Submitted, "", "", ""}, true), "");
  INFO(by_state);
  CHECK_THAT(by_state, Catch::Contains("USING INDEX orders_queue"));
  CHECK_THAT(by_state, !Catch::Contains("TEMP B-TREE"));
  // A clerk's queue (some regions, bound one by one) keeps both indexes and their this->order.
  OrderFilter scoped{OrderState::Submitted, "", "", ""};
  scoped.regions = RegionScope::parse("neimenggu,qinghai");
  const std::string region_state = query_plan(db, OrderRepository::list_statement(scoped, true), "");
  INFO(region_state);
  CHECK_THAT(region_state, Catch::Contains("USING INDEX orders_queue"));
  CHECK_THAT(region_state, !Catch::Contains("TEMP B-TREE"));
  CHECK_THAT(OrderRepository::list_statement(scoped, false), Catch::Contains("o.region IN (:region0, :region1)"));
  scoped.state.reset();
  const std::string region_all = query_plan(db, OrderRepository::list_statement(scoped, false), "");
  INFO(region_all);
  CHECK_THAT(region_all, !Catch::Contains("TEMP B-TREE"));
  }
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "re-uploading a material 20 times keeps one file, in the table and on disk", "", SqliteSide, PostgresSide) {
  const OrderRef ref = this->accept(this->order("up1"));
  const auto file_count = [&] { return cahub::testing::count(*this, "SELECT count(*) FROM material_files"); };
  // The database's size on disk; SQLite's only (PostgreSQL's space is the server's business).
  const auto db_bytes = [&]() -> std::uintmax_t {
    if constexpr (std::is_same_v<TestType, SqliteSide>) {
      this->db.sqlite().exec("PRAGMA wal_checkpoint(TRUNCATE)");
      return std::filesystem::file_size(this->scratch / "cahub.db");
    }
    return 0;
  };
  const std::size_t kScan = 200'000;
  const auto upload = [&](int i) {
    UploadedFile f{"licence-" + std::to_string(i) + ".pdf", "application/pdf",
                   "%PDF-" + std::string(kScan, static_cast<char>('a' + i % 26))};
    const std::string sha = this->writing([&](OrderRepository& w) {
      REQUIRE(w.tick_material(ref.id, "licence_copy", "wang.fang", store::now_china_time(), f.file_name,
                              static_cast<std::int64_t>(f.content.size())));
      return w.replace_material_file(ref.id, "licence_copy", f, "wang.fang", store::now_china_time());
    });
    return std::pair{f, sha};
  };
  upload(0);
  const auto after_first = db_bytes();
  std::pair<UploadedFile, std::string> last;
  for (int i = 1; i < 20; ++i) last = upload(i);
  CHECK(file_count() == 1);
  // Freed pages are reused: the database holds about one scan, not twenty (SQLite's file).
  CHECK(db_bytes() <= after_first + 2 * kScan);
  const MaterialFile kept = this->repo.material_file(ref.public_id, "licence_copy");
  CHECK(kept.file_name == "licence-19.pdf");
  CHECK(kept.content == last.first.content);
  CHECK(kept.sha256 == last.second);

  // Another material of the same order keeps its own file.
  UploadedFile form{"form.pdf", "application/pdf", "%PDF-form"};
  this->writing([&](OrderRepository& w) {
    return w.replace_material_file(ref.id, "application_form", form, "wang.fang", store::now_china_time());
  });
  CHECK(file_count() == 2);
  CHECK(this->repo.material_file(ref.public_id, "licence_copy").file_name == "licence-19.pdf");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a replacement that does not commit leaves the earlier file in place", "", SqliteSide, PostgresSide) {
  const OrderRef ref = this->accept(this->order("up2"));
  UploadedFile first{"one.pdf", "application/pdf", "%PDF-one"};
  this->writing([&](OrderRepository& w) {
    return w.replace_material_file(ref.id, "licence_copy", first, "wang.fang", store::now_china_time());
  });
  // Rolled back: as if the process died before the commit.
  this->write_uncommitted([&](store::SqlConnection& db) {
    OrderRepository(db).replace_material_file(ref.id, "licence_copy", {"two.pdf", "application/pdf", "%PDF-two"},
                                              "wang.fang", store::now_china_time());
  });
  CHECK(this->repo.material_file(ref.public_id, "licence_copy").content == "%PDF-one");
}

// Two hosts accepting an order for one applicant at once: under READ COMMITTED each would count
// the other's order as not there yet, and both would pass one_open_order. The count runs one
// creation at a time (Serial::order_limits), so the second waits, then counts the first.
TEST_CASE("on PostgreSQL one open order per applicant holds across hosts") {
  Fixture<PostgresSide> f;
  const NewOrder first = f.order("h1");
  pqxx::connection other_host(f.scratch.url());
  pqxx::work open(other_host);  // the first host, between its insert and its commit
  cahub::store::postgres::PgSession session(open, "other host");
  refuse_beyond_limits(session, first);
  const OrderRef inserted = OrderRepository(session).insert(first, "wang.fang", store::now_china_time()).ref;

  const NewOrder second = f.order("h2");
  auto second_host = std::async(std::launch::async, [&] { return f.conflict([&] { f.accept(second); }); });
  CHECK(second_host.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);  // waiting its turn
  open.commit();
  CHECK(second_host.get() == "one_open_order");
  CHECK(f.repo.get(inserted.public_id).state == OrderState::Submitted);
  CHECK(cahub::testing::count(f, "SELECT count(*) FROM orders") == 1);
}
