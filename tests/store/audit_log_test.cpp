// The audit hash chain's hash, computed again by the openssl command line, and China time. What
// the chain does on either store (appending, verifying, tampering found) is tests/pg/audit_chain_test.cpp.
#include <catch2/catch.hpp>

#include "store/audit_log.hpp"
#include "store/database.hpp"
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
};

}  // namespace

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

TEST_CASE("China time carries its offset") {
  const std::string now = now_china_time();
  CHECK(now.size() == 25);
  CHECK(now.substr(19) == "+08:00");
}
