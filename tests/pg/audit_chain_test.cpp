// The audit hash chain on both stores (store/audit_log.hpp): appending inside the change's
// transaction, and verification naming the first event someone edited, deleted or reordered
// behind the guards' back. The same test, SQLite and PostgreSQL; on PostgreSQL, hosts that append
// at once still make one chain.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "store/audit_log.hpp"
#include "store_sides.hpp"

using namespace cahub::store;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

namespace {

template <typename Side>
struct Chain : Side {
  void append(const std::string& kind, int amount) {
    this->write([&](SqlConnection& db) { append_audit_event(db, event(kind, amount)); });
  }
  static AuditEvent event(const std::string& kind, int amount) {
    return {"2026-11-23T09:0" + std::to_string(amount % 10) + ":00+08:00", "clerk.li", std::nullopt, kind,
            {{"amount_fen", amount}}};
  }
  AuditVerdict verify() {
    AuditVerdict v;
    this->read([&](SqlConnection& db) { v = verify_audit_chain(db); });
    return v;
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Chain, "an untouched chain verifies, event by event", "", SqliteSide, PostgresSide) {
  for (int i = 1; i <= 5; ++i) this->append("payment.recorded", i * 100);
  const AuditVerdict v = this->verify();
  CHECK(v.intact);
  CHECK(v.events == 5);
  this->read([&](SqlConnection& db) {
    const auto head = audit_chain_head(db);
    REQUIRE(head);
    CHECK(head->seq == 5);
    CHECK(audit_hash_at(db, 5) == head->hash);
    CHECK_FALSE(audit_hash_at(db, 6));
    std::vector<std::int64_t> seen;
    for_each_audit_event(db, [&](const RecordedAuditEvent& e) {
      seen.push_back(e.seq);
      CHECK(e.event.payload.at("amount_fen") == 100 * e.seq);
      CHECK_FALSE(e.event.order_id);
    });
    CHECK(seen == std::vector<std::int64_t>{1, 2, 3, 4, 5});
  });
}

// PostgreSQL hashes the event in the database (cahub_append_audit_event, schema step 7) from the
// canonical text the host sends: it must be the hash the host computes, whatever the text holds.
TEMPLATE_TEST_CASE_METHOD(Chain, "an event's hash is the host's for any text: Chinese, emoji, quotes, escapes", "",
                          SqliteSide, PostgresSide) {
  const AuditEvent odd{"2026-11-23T09:30:00+08:00", "王芳", std::nullopt, "order.note",
                       {{"note", "撤回：\"引号\" \\ 反斜杠\n换行 🔏"}, {"amount_fen", 26000}, {"nothing", nullptr}}};
  std::int64_t seq = 0;
  this->write([&](SqlConnection& db) { seq = append_audit_event(db, this->event("first", 1)); });
  REQUIRE(seq == 1);
  this->write([&](SqlConnection& db) { seq = append_audit_event(db, odd); });
  CHECK(seq == 2);
  this->append("third", 3);
  const AuditVerdict v = this->verify();
  CHECK(v.intact);
  CHECK(v.events == 3);
  this->read([&](SqlConnection& db) {
    std::string prev;
    for_each_audit_event(db, [&](const RecordedAuditEvent& e) {
      if (e.seq == 2) {
        CHECK(e.event.actor == "王芳");
        CHECK(e.event.payload == odd.payload);
      }
    });
    const auto second = audit_hash_at(db, 2);
    const auto first = audit_hash_at(db, 1);
    REQUIRE(second);
    REQUIRE(first);
    CHECK(*second == chain_hash(*first, canonical_event(2, odd)));
  });
}

TEMPLATE_TEST_CASE_METHOD(Chain, "a chain longer than one batch of a scan is walked whole", "", SqliteSide,
                          PostgresSide) {
  this->write([&](SqlConnection& db) {
    for (int i = 1; i <= 2500; ++i) append_audit_event(db, Chain<TestType>::event("payment.recorded", i));
  });
  const AuditVerdict v = this->verify();
  CHECK(v.intact);
  CHECK(v.events == 2500);
}

TEMPLATE_TEST_CASE_METHOD(Chain, "an edited event is the first bad one", "", SqliteSide, PostgresSide) {
  for (int i = 1; i <= 4; ++i) this->append("payment.recorded", i * 100);
  this->unguarded("UPDATE audit_events SET payload_json = '{\"amount_fen\":1}' WHERE seq = 3");
  const AuditVerdict v = this->verify();
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 3);
  CHECK(v.problem == "its content does not match its hash (edited)");
}

TEMPLATE_TEST_CASE_METHOD(Chain, "a deleted event shows as a gap", "", SqliteSide, PostgresSide) {
  for (int i = 1; i <= 4; ++i) this->append("payment.recorded", i * 100);
  this->unguarded("DELETE FROM audit_events WHERE seq = 2");
  const AuditVerdict v = this->verify();
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 3);
  CHECK(v.problem == "event 2 is missing (deleted)");
}

TEMPLATE_TEST_CASE_METHOD(Chain, "the first event deleted and the rest renumbered still shows", "", SqliteSide,
                          PostgresSide) {
  for (int i = 1; i <= 3; ++i) this->append("payment.recorded", i * 100);
  // Remove event 1 and shift the others down: no gap, but the links no longer fit.
  this->unguarded("DELETE FROM audit_events WHERE seq = 1");
  this->unguarded("UPDATE audit_events SET seq = seq - 1");
  const AuditVerdict v = this->verify();
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 1);
  CHECK(v.problem == "it does not follow the event before it (an event was deleted or reordered)");
}

TEMPLATE_TEST_CASE_METHOD(Chain, "two events swapped are reordered", "", SqliteSide, PostgresSide) {
  for (int i = 1; i <= 4; ++i) this->append("payment.recorded", i * 100);
  this->unguarded("UPDATE audit_events SET seq = 100 WHERE seq = 2");
  this->unguarded("UPDATE audit_events SET seq = 2 WHERE seq = 3");
  this->unguarded("UPDATE audit_events SET seq = 3 WHERE seq = 100");
  const AuditVerdict v = this->verify();
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 2);
}

TEMPLATE_TEST_CASE_METHOD(Chain, "an event appended in a transaction that rolls back leaves no trace", "", SqliteSide,
                          PostgresSide) {
  this->append("order.submitted", 1);
  // No commit: the change it recorded did not happen, so neither did the event.
  this->write_uncommitted([&](SqlConnection& db) { append_audit_event(db, Chain<TestType>::event("order.approved", 2)); });
  CHECK(this->verify().events == 1);
  this->append("order.approved", 2);
  const AuditVerdict v = this->verify();
  CHECK(v.intact);
  CHECK(v.events == 2);
}

// Several hosts on one PostgreSQL: each appends on its own connection, in transactions that
// overlap. The chain's advisory lock lets one at a time read the end and append after it, so no
// append is refused and the chain is one total order.
TEST_CASE("hosts appending to one PostgreSQL at once make one chain, and none is refused") {
  PostgresSide side;
  constexpr int hosts = 4, appends = 50;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(hosts);
  for (int h = 0; h < hosts; ++h)
    threads.emplace_back([&, h] {
      try {
        auto host = cahub::store::postgres::PgStore::open(side.url);
        for (int i = 0; i < appends; ++i) {
          pqxx::work tx(host.connection());
          cahub::store::postgres::PgSession db(tx, side.url.shown());
          append_audit_event(db, {"2026-11-23T09:00:00+08:00", "host." + std::to_string(h), std::nullopt,
                                  "payment.recorded", {{"amount_fen", i}}});
          tx.commit();
        }
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(h)] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors) CHECK(e.empty());
  AuditVerdict v;
  side.read([&](SqlConnection& db) { v = verify_audit_chain(db); });
  CHECK(v.intact);
  CHECK(v.events == hosts * appends);
}
