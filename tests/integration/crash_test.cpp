// Killing `cahub serve` (SIGKILL) in the middle of a load of order creations leaves a database in
// which every acknowledged order is present, PRAGMA integrity_check is ok and the audit chain
// verifies: an order is acknowledged only after its commit (WAL, synchronous=FULL).
#include <catch2/catch.hpp>

#include <httplib.h>
#include <signal.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "identifiers/synthetic_uscc.hpp"
#include "integration/cahub_cli.hpp"
#include "integration/staff_session.hpp"
#include "integration/test_identities.hpp"

using namespace cahub::testing;
using nlohmann::json;

TEST_CASE("SIGKILL under load loses no acknowledged order and leaves the audit chain intact") {
  // With group commit (the default) an acknowledgement waits for the COMMIT its request shared
  // with others; without it, for its own.
  const bool group_commit = GENERATE(true, false);
  INFO("group commit " << (group_commit ? "on" : "off"));
  ScratchFolder var;
  var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") +
                              "\"\n[store]\ngroup_commit = " + (group_commit ? "true" : "false") + "\n");
  db_init({"--config", var.file("cahub.toml")});
  add_staff(var.file("cahub.toml"), "wang.fang", "clerk");
  ServerProcess server(CAHUB_BINARY, {"serve", "--port", "0", "--threads", "4", "--config", var.file("cahub.toml"),
                                      "--rules", CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
  httplib::Client login("127.0.0.1", server.port());
  login.set_read_timeout(60);  // the sign-in's slow password hash, under a sanitizer on a busy machine
  auto signed_in = login.Post("/v1/login", R"({"login":"wang.fang","password":"a long passphrase"})", "application/json");
  REQUIRE(signed_in);
  REQUIRE(signed_in->status == 200);
  const std::string token = json::parse(signed_in->body).at("token");

  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c)
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", server.port());
      client.set_connection_timeout(2);
      client.set_read_timeout(5);
      for (int i = 0; !stop; ++i) {
        const int n = c * 100000 + i;
        const json body = {{"region", "central"}, {"ca", "bjca"}, {"business", "new"}, {"channel", "onsite"},
                           {"applicant_details", {{"name", "单位" + std::to_string(n)}, {"uscc", cahub::identifiers::synthetic_uscc(static_cast<std::uint32_t>(n))}}}};
        auto r = client.Post("/v1/orders",
                             {{"Authorization", "Bearer " + token}, {"Idempotency-Key", "crash-" + std::to_string(n)}},
                             body.dump(), "application/json");
        if (!r) return;  // the server is gone
        if (r->status == 201) {
          std::lock_guard lock(mutex);
          acknowledged.push_back(json::parse(r->body).at("id"));
        }
      }
    });
  // Let the load run, then pull the plug while requests are in flight.
  for (int waited = 0; waited < 200; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 40) break;
  }
  ::kill(server.pid(), SIGKILL);
  stop = true;
  for (auto& t : clients) t.join();
  server.stop();  // reaps it
  INFO(acknowledged.size() << " orders acknowledged before the kill");
  REQUIRE(acknowledged.size() >= 10);

  {
    SQLite::Database db(var.file("cahub.db"), SQLite::OPEN_READWRITE);  // read-write: recovers the WAL
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    for (const std::string& id : acknowledged) {
      SQLite::Statement found(db, "SELECT count(*) FROM orders WHERE public_id = ?");
      found.bind(1, id);
      found.executeStep();
      INFO(id);
      CHECK(found.getColumn(0).getInt() == 1);
    }
  }
  const auto audit = run(CAHUB_BINARY, {"audit", "verify", "--db", var.file("cahub.db")});
  INFO(audit.out << audit.err);
  CHECK(audit.exit_code == 0);
  CHECK_THAT(audit.out, Catch::Contains("audit chain intact"));
}
