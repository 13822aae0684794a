// The audit hash chain on a real SQLite file: appending inside the change's transaction, and
// verify() naming the first event someone edited, deleted or reordered behind the triggers' back.
#include <catch2/catch.hpp>

#include "store/audit_log.hpp"
#include "store/write_transaction.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using cahub::testing::ScratchFolder;

namespace {

struct Fixture {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");

  void append(const std::string& kind, int amount) {
    WriteTransaction tx(db);
    append_audit_event(db, {"2026-11-23T09:0" + std::to_string(amount % 10) + ":00+08:00", "clerk.li", std::nullopt,
                            kind, {{"amount_fen", amount}}});
    tx.commit();
  }
  // What someone with the sqlite3 shell could do: drop the guards, then change rows.
  void tamper(const std::string& sql) {
    db.sqlite().exec("DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;");
    db.sqlite().exec(sql);
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "an untouched chain verifies, event by event") {
  for (int i = 1; i <= 5; ++i) append("payment.recorded", i * 100);
  const AuditVerdict v = verify_audit_chain(db);
  CHECK(v.intact);
  CHECK(v.events == 5);
}

TEST_CASE_METHOD(Fixture, "the hash is SHA-256 of the previous hash and the canonical event") {
  append("order.submitted", 7);
  SQLite::Statement row(db.sqlite(), "SELECT hash FROM audit_events WHERE seq = 1");
  REQUIRE(row.executeStep());
  const std::string canonical =
      R"({"actor":"clerk.li","at":"2026-11-23T09:07:00+08:00","kind":"order.submitted","order_id":null,"payload":{"amount_fen":7},"seq":1})";
  CHECK(canonical_event(1, {"2026-11-23T09:07:00+08:00", "clerk.li", std::nullopt, "order.submitted",
                            {{"amount_fen", 7}}}) == canonical);
  // Computed again by the openssl command line, not by our code.
  const auto input = scratch.write("input", std::string(64, '0') + "\n" + canonical);
  const auto digest = cahub::testing::run("openssl", {"dgst", "-sha256", "-r", input.string()});
  REQUIRE(digest.exit_code == 0);
  CHECK(row.getColumn(0).getString() == digest.out.substr(0, 64));
}

TEST_CASE_METHOD(Fixture, "an edited event is the first bad one") {
  for (int i = 1; i <= 4; ++i) append("payment.recorded", i * 100);
  tamper("UPDATE audit_events SET payload_json = '{\"amount_fen\":1}' WHERE seq = 3");
  const AuditVerdict v = verify_audit_chain(db);
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 3);
  CHECK(v.problem == "its content does not match its hash (edited)");
}

TEST_CASE_METHOD(Fixture, "a deleted event shows as a gap") {
  for (int i = 1; i <= 4; ++i) append("payment.recorded", i * 100);
  tamper("DELETE FROM audit_events WHERE seq = 2");
  const AuditVerdict v = verify_audit_chain(db);
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 3);
  CHECK(v.problem == "event 2 is missing (deleted)");
}

TEST_CASE_METHOD(Fixture, "the last event deleted and the rest renumbered still shows") {
  for (int i = 1; i <= 3; ++i) append("payment.recorded", i * 100);
  // Remove event 1 and shift the others down: no gap, but the links no longer fit.
  tamper("DELETE FROM audit_events WHERE seq = 1; UPDATE audit_events SET seq = seq - 1;");
  const AuditVerdict v = verify_audit_chain(db);
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 1);
  CHECK(v.problem == "it does not follow the event before it (an event was deleted or reordered)");
}

TEST_CASE_METHOD(Fixture, "two events swapped are reordered") {
  for (int i = 1; i <= 4; ++i) append("payment.recorded", i * 100);
  tamper("UPDATE audit_events SET seq = 100 WHERE seq = 2; UPDATE audit_events SET seq = 2 WHERE seq = 3; "
         "UPDATE audit_events SET seq = 3 WHERE seq = 100;");
  const AuditVerdict v = verify_audit_chain(db);
  CHECK_FALSE(v.intact);
  CHECK(v.first_bad_seq == 2);
}

TEST_CASE_METHOD(Fixture, "an event appended in a transaction that rolls back leaves no trace") {
  append("order.submitted", 1);
  {
    WriteTransaction tx(db);
    append_audit_event(db, {now_china_time(), "clerk.li", std::nullopt, "order.approved", {}});
  }  // no commit: the change it recorded did not happen, so neither did the event
  const AuditVerdict v = verify_audit_chain(db);
  CHECK(v.intact);
  CHECK(v.events == 1);
  append("order.approved", 2);
  CHECK(verify_audit_chain(db).events == 2);
}

TEST_CASE("China time carries its offset") {
  const std::string now = now_china_time();
  CHECK(now.size() == 25);
  CHECK(now.substr(19) == "+08:00");
}
