// `cahub bench orders` through the real binary: it drives its own API on loopback, prints the
// figures, and leaves (when asked to keep it) a database in which every order it reported is
// present, the lifecycles are complete and the audit chain verifies. Speed is not asserted: a
// test machine's load says nothing about the code.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "integration/cahub_cli.hpp"
#include "integration/staffed_server.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

RunResult bench(const ScratchFolder& scratch, const std::string& group_commit, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"bench",        "orders",   "--clients", "4",          "--n",
                                "200",          "--group-commit", group_commit, "--folder", scratch.file("bench"),
                                "--rules",      CAHUB_RULES_DIR,  "--plugins",  CAHUB_PLUGINS_DIR};
  args.insert(args.end(), more.begin(), more.end());
  return run(CAHUB_BINARY, args, std::chrono::seconds(600));
}

// What the benchmark left: 200 timed orders plus the untimed first one; 5 % of the 200 (every
// twentieth) and the first one completed, the others still submitted.
void check_database(const ScratchFolder& scratch) {
  const std::string file = scratch.file("bench/cahub.db");
  {
    SQLite::Database db(file, SQLite::OPEN_READWRITE);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.execAndGet("SELECT count(*) FROM orders").getInt() == 201);
    CHECK(db.execAndGet("SELECT count(*) FROM orders WHERE state = 'completed'").getInt() == 11);
    CHECK(db.execAndGet("SELECT count(*) FROM orders WHERE state = 'submitted'").getInt() == 190);
    CHECK(db.execAndGet("SELECT count(*) FROM certificates").getInt() == 11);
    CHECK(db.execAndGet("SELECT count(DISTINCT customer_id) FROM orders").getInt() == 201);
  }
  const auto audit = run(CAHUB_BINARY, {"audit", "verify", "--db", file});
  INFO(audit.out << audit.err);
  CHECK(audit.exit_code == 0);
  CHECK_THAT(audit.out, Contains("audit chain intact"));
}

}  // namespace

TEST_CASE("bench orders with group commit prints its figures and leaves an intact database") {
  ScratchFolder scratch;
  const RunResult r = bench(scratch, "on");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("200 orders created by 4 clients in "));
  CHECK_THAT(r.out, Contains(" orders/s against in-process (group commit on, 4 server threads)"));
  CHECK_THAT(r.out, Contains(" s of CPU in this process (clients and server) over the timed run"));
  CHECK_THAT(r.out, Contains("10 of them taken through the lifecycle"));
  CHECK_THAT(r.out, Contains("request               count     p50 ms     p99 ms"));
  for (const char* kind : {"create", "receive_material", "start_review", "approve", "payment", "issue",
                           "ready_for_pickup", "complete"})
    CHECK_THAT(r.out, Contains(std::string("\n") + kind + " "));
  CHECK_THAT(r.out, Contains("writes per commit"));
  CHECK_THAT(r.out, Contains("database: " + scratch.file("bench/cahub.db") + "\n"));
  check_database(scratch);
}

TEST_CASE("bench orders without group commit reports the same figures as JSON") {
  ScratchFolder scratch;
  const RunResult r = bench(scratch, "off", {"--json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json figures = json::parse(r.out);
  CHECK(figures.at("group_commit") == false);
  CHECK(figures.at("clients") == 4);
  CHECK(figures.at("orders_created") == 200);
  CHECK(figures.at("orders_per_s").get<double>() > 0);
  CHECK(figures.at("lifecycles_completed") == 10);
  CHECK(figures.at("failures") == 0);
  CHECK(figures.at("requests").at("create").at("count") == 200);
  CHECK(figures.at("requests").at("issue").at("count") == 10);
  CHECK(figures.at("requests").at("create").at("p99_ms").get<double>() >=
        figures.at("requests").at("create").at("p50_ms").get<double>());
  CHECK_FALSE(figures.contains("commits"));  // nothing is shared without group commit
  check_database(scratch);
}

TEST_CASE("bench orders refuses a folder that already holds something") {
  ScratchFolder scratch;
  scratch.write("bench/cahub.db", "a real database, perhaps");
  const RunResult r = bench(scratch, "on");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("is not empty"));
  CHECK(read_bytes(scratch / "bench/cahub.db") == "a real database, perhaps");
}

TEST_CASE("bench orders --target drives a running server with its own accounts and reports the client's CPU") {
  StaffedServer desk;
  const std::string url = "http://127.0.0.1:" + std::to_string(desk.server->port());
  ::setenv("CAHUB_BENCH_PASSWORD", "a long passphrase", 1);
  const RunResult r = run(CAHUB_BINARY, {"bench", "orders", "--target", url, "--clerk", "wang.fang", "--reviewer",
                                         "zhao.li", "--clients", "4", "--n", "100", "--json"},
                          std::chrono::seconds(600));
  ::unsetenv("CAHUB_BENCH_PASSWORD");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json figures = json::parse(r.out);
  CHECK(figures.at("against") == url);
  CHECK(figures.at("orders_created") == 100);
  CHECK(figures.at("lifecycles_completed") == 5);
  CHECK(figures.at("failures") == 0);
  CHECK(figures.at("group_commit").is_null());  // the target's setting is not known here
  CHECK(figures.contains("client_cpu_seconds"));
  CHECK_FALSE(figures.contains("process_cpu_seconds"));

  // The orders are in the target's database: 100 timed and the untimed first one.
  const std::string token = desk.sign_in("wang.fang");
  const auto [status, page] = desk.call("GET", "/v1/orders?limit=1", token);
  REQUIRE(status == 200);
  CHECK(page.at("counts").at("submitted").get<int>() + page.at("counts").at("completed").get<int>() == 101);

  // No password, no run; a URL that is not http:// is refused before anything is sent.
  const RunResult no_password = run(CAHUB_BINARY, {"bench", "orders", "--target", url, "--n", "1"});
  CHECK(no_password.exit_code == 2);
  CHECK_THAT(no_password.err, Contains("CAHUB_BENCH_PASSWORD"));
}
