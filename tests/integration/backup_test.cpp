// Issue 15, "backup and restore": `cahub backup` copies a service point while `cahub bench
// orders` drives the real server (order creations and whole lifecycles through issuance), and
// `cahub restore` brings the copy back as a service point whose audit chain verifies, whose orders
// and audit events are one moment of the load, whose CAs hold every certificate its orders name,
// and which `cahub serve` starts on.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "integration/service_point.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

long long count(const fs::path& database, const std::string& table) {
  SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
  db.setBusyTimeout(5000);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace

TEST_CASE("a backup taken under load restores to one consistent moment that verifies and serves") {
  ScratchServicePoint point;
  point.init();
  point.add_staff("wang.fang", "clerk");
  point.add_staff("zhao.li", "reviewer");
  const auto server = point.serve();
  const std::string url = "http://127.0.0.1:" + std::to_string(server->port());

  // Creations first, then half of them through review, payment and issuance: the backup is taken
  // while certificates are being issued, so the CAs' state changes under it too.
  std::atomic<bool> load_done{false};
  RunResult load;
  std::thread bench([&] {
    load = run("env", {"CAHUB_BENCH_PASSWORD=a long passphrase", CAHUB_BINARY, "bench", "orders", "--target", url,
                       "--clerk", "wang.fang", "--reviewer", "zhao.li", "--clients", "4", "--n", "600",
                       "--lifecycle-percent", "50", "--config", point.config()},
               std::chrono::seconds(900));
    load_done = true;
  });
  for (int i = 0; i < 6000 && !load_done && count(point.database(), "certificates") < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));

  const fs::path backup = point.folder() / "backup";
  const long long events_before = count(point.database(), "audit_events");
  const RunResult taken = point.cahub({"backup", backup.string()});
  const long long events_after = count(point.database(), "audit_events");
  const bool under_load = !load_done;
  bench.join();
  INFO(taken.err);
  REQUIRE(taken.exit_code == 0);
  INFO(load.err);
  CHECK(load.exit_code == 0);
  CHECK(under_load);                     // the load was still running when the backup had finished
  CHECK(events_after > events_before);  // and it wrote while the backup ran

  // One moment of the load: between what was committed before the backup began and after it ended.
  const json manifest = json::parse(read_bytes(backup / "manifest.json"));
  const long long orders = manifest.at("orders");
  const long long events = manifest.at("audit_events");
  CHECK(events >= events_before);
  CHECK(events <= events_after);
  CHECK(count(backup / "cahub.db", "orders") == orders);
  CHECK(count(backup / "cahub.db", "audit_events") == events);
  CHECK(manifest.at("cas").size() >= 1);
  CHECK_THAT(taken.out, Contains(std::to_string(orders) + " orders"));

  // Not over the served database, nor over one that exists without --force.
  const RunResult busy = point.cahub({"restore", backup.string(), "--force"});
  CHECK(busy.exit_code == 8);
  CHECK_THAT(busy.err, Contains("cahub: database_in_use: "));

  ScratchServicePoint elsewhere;
  const RunResult restored = elsewhere.cahub({"restore", backup.string()});
  INFO(restored.err);
  REQUIRE(restored.exit_code == 0);
  CHECK_THAT(restored.out, Contains(std::to_string(orders) + " orders"));
  CHECK(count(elsewhere.database(), "orders") == orders);
  CHECK(count(elsewhere.database(), "audit_events") == events);

  const RunResult verified = elsewhere.cahub({"audit", "verify"});
  INFO(verified.out + verified.err);
  CHECK(verified.exit_code == 0);
  CHECK_THAT(verified.out, Contains("audit chain intact"));

  // The CA state is not behind the database: each certificate an order issued is in its CA's ledger.
  SQLite::Database restored_db(elsewhere.database().string(), SQLite::OPEN_READONLY);
  SQLite::Statement issued(restored_db, "SELECT ca, serial FROM certificates");
  int certificates = 0;
  while (issued.executeStep()) {
    const std::string ca = issued.getColumn(0).getString(), serial = issued.getColumn(1).getString();
    INFO(ca + " " + serial);
    SQLite::Database ledger((elsewhere.var() / "ca" / ca / "ledger.sqlite").string(), SQLite::OPEN_READONLY);
    SQLite::Statement found(ledger, "SELECT count(*) FROM certificates WHERE serial = upper(?)");
    found.bind(1, serial);
    REQUIRE(found.executeStep());
    CHECK(found.getColumn(0).getInt() == 1);
    ++certificates;
  }
  CHECK(certificates >= 3);  // the lifecycles issued some before the backup

  const RunResult again = elsewhere.cahub({"restore", backup.string()});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Contains("cahub: target_exists: "));

  // It serves: the orders the copy caught mid-issuance are reconciled at start from the CA's record.
  const auto restarted = elsewhere.serve();
  httplib::Client client("127.0.0.1", restarted->port());
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("restore refuses what is not a backup and restores over a stopped service point with --force") {
  ScratchServicePoint point;
  point.init();
  point.add_staff("wang.fang", "clerk");
  const fs::path backup = point.folder() / "backup";
  REQUIRE(point.cahub({"backup", backup.string()}).exit_code == 0);
  const RunResult twice = point.cahub({"backup", backup.string()});
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.err, Contains("cahub: backup_exists: "));

  const RunResult not_backup = point.cahub({"restore", point.var().string(), "--force"});
  CHECK(not_backup.exit_code == 2);
  CHECK_THAT(not_backup.err, Contains("cahub: backup_invalid: "));

  point.add_staff("li.na", "clerk");  // after the backup: gone once it is restored
  CHECK(count(point.database(), "staff") == 3);  // site.admin, wang.fang, li.na
  const RunResult forced = point.cahub({"restore", backup.string(), "--force"});
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(count(point.database(), "staff") == 2);
  CHECK_FALSE(fs::exists(point.database().string() + ".restoring"));
  CHECK(point.cahub({"audit", "verify"}).exit_code == 0);
}
