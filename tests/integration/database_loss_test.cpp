// Issue 15, "a lost database goes unnoticed": no command creates a database behind the
// operator's back, and a database deleted, replaced or read-only under `cahub serve` turns
// /healthz 503 within seconds and refuses writes with `store_unavailable`, logged once.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "identifiers/synthetic_uscc.hpp"
#include "integration/service_point.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

httplib::Result create_order(httplib::Client& client, const std::string& token, int n) {
  const json body = {{"region", "central"}, {"ca", "bjca"}, {"business", "new"}, {"channel", "onsite"},
                     {"applicant_details",
                      {{"name", "单位" + std::to_string(n)},
                       {"uscc", cahub::identifiers::synthetic_uscc(static_cast<std::uint32_t>(n))}}}};
  return client.Post("/v1/orders", {{"Authorization", "Bearer " + token}, {"Idempotency-Key", "loss-" + std::to_string(n)}},
                     body.dump(), "application/json");
}

std::string error_code(const httplib::Result& r) { return json::parse(r->body)["error"]["code"].get<std::string>(); }

long long count_orders_in(const fs::path& file) {
  const RunResult r = run_cahub({"order", "list", "--json", "--db", file.string()});
  return r.exit_code == 0 ? static_cast<long long>(json::parse(r.out).at("orders").size()) : -1;
}

void remove_database(const fs::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
}

}  // namespace

TEST_CASE("no command creates a missing database: each says database_missing, exit 8, and leaves nothing") {
  ScratchServicePoint point;
  const std::vector<std::vector<std::string>> commands = {
      {"audit", "verify"},
      {"order", "list"},
      {"order", "show", "1"},
      {"certs", "list"},
      {"certs", "expiring", "--within", "30d"},
      {"staff", "sign-in", "wang.fang"},
      {"staff", "add", "wang.fang", "--name", "王芳", "--role", "clerk"},
      {"order", "act", "1", "cancel", "--version", "1", "--as", "wang.fang"},
      {"serve", "--port", "0"},
      {"backup", (point.folder() / "backup").string()},
  };
  for (const auto& args : commands) {
    INFO(args[0] + " " + args[1]);
    const RunResult r = point.cahub(args, "a long passphrase\n");
    CHECK(r.exit_code == 8);
    CHECK_THAT(r.err, Contains("cahub: database_missing: " + point.database().string() + " does not exist"));
    CHECK_THAT(r.err, Contains("cahub db init"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(point.database().parent_path()));  // not the file, not its folder
    CHECK_FALSE(fs::exists(point.folder() / "backup"));
  }

  // The first start is explicit, and says what it did; a second init changes nothing.
  const RunResult made = point.cahub({"db", "init"});
  CHECK(made.exit_code == 0);
  CHECK_THAT(made.out, Contains("created " + point.database().string()));
  const RunResult again = point.cahub({"db", "init"});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Contains("is already a cahub database"));
  const RunResult audit = point.cahub({"audit", "verify"});
  CHECK(audit.exit_code == 0);
  CHECK_THAT(audit.out, Contains("audit chain intact: 0 events"));

  // An empty file in its place is no database either.
  remove_database(point.database());
  std::ofstream(point.database()).flush();
  const RunResult empty = point.cahub({"order", "list"});
  CHECK(empty.exit_code == 8);
  CHECK_THAT(empty.err, Contains("database_missing"));
  CHECK(fs::file_size(point.database()) == 0);
}

TEST_CASE("a database deleted under cahub serve: /healthz 503 within seconds, writes refused, logged once") {
  ScratchServicePoint point;
  point.init();
  point.add_staff("wang.fang", "clerk");
  const auto server = point.serve();
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = sign_in_as(client, "wang.fang");
  auto healthy = client.Get("/healthz");
  REQUIRE(healthy);
  CHECK(healthy->status == 200);
  auto before = create_order(client, token, 1);
  REQUIRE(before);
  CHECK(before->status == 201);

  remove_database(point.database());
  const auto deleted_at = std::chrono::steady_clock::now();
  auto health = health_within(client, 503, std::chrono::seconds(5));
  REQUIRE(health);
  CHECK(health->status == 503);
  CHECK(std::chrono::steady_clock::now() - deleted_at < std::chrono::seconds(5));
  const json answer = json::parse(health->body);
  CHECK(answer["status"] == "unavailable");
  CHECK(answer["store"] == "missing");
  CHECK(answer["error"]["code"] == "store_unavailable");
  CHECK(health->body.find(point.folder().string()) == std::string::npos);  // no path for a client

  // Every kind of write: an order (through the group committer) and a sign-in (its session).
  auto order = create_order(client, token, 2);
  REQUIRE(order);
  CHECK(order->status == 503);
  CHECK(error_code(order) == "store_unavailable");
  auto login = client.Post("/v1/login", json{{"login", "wang.fang"}, {"password", "a long passphrase"}}.dump(),
                           "application/json");
  REQUIRE(login);
  CHECK(login->status == 503);
  CHECK(error_code(login) == "store_unavailable");

  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // more looks of the watch
  CHECK(client.Get("/healthz")->status == 503);
  const std::string log = point.log();
  CHECK(occurrences(log, "database unusable: ") == 1);
  CHECK_THAT(log, Contains(point.database().string() + " is gone"));
  CHECK_FALSE(fs::exists(point.database()));  // the server did not make a new one either
}

TEST_CASE("a database replaced under cahub serve: /healthz 503 'replaced' and writes refused") {
  ScratchServicePoint point;
  point.init();
  point.add_staff("wang.fang", "clerk");
  const auto server = point.serve();
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = sign_in_as(client, "wang.fang");

  // Another database moved over the path, as a careless restore with the server running would.
  RunResult other = run_cahub({"db", "init", "--db", (point.folder() / "other.db").string()});
  REQUIRE(other.exit_code == 0);
  fs::rename(point.folder() / "other.db", point.database());
  auto health = health_within(client, 503, std::chrono::seconds(5));
  REQUIRE(health);
  CHECK(health->status == 503);
  CHECK(json::parse(health->body)["store"] == "replaced");
  // Refused, never written to either file: 503 on a worker whose connection is the old file's, and
  // 503 on one that would open its first connection now (it never opens the new file).
  for (int i = 0; i < 8; ++i) {
    auto order = create_order(client, token, 3 + i);
    REQUIRE(order);
    INFO(point.log());
    CHECK(order->status == 503);
    CHECK(error_code(order) == "store_unavailable");
  }
  CHECK(count_orders_in(point.database()) == 0);
}

TEST_CASE("a read-only database: serve refuses to start, and made read-only while serving answers 503 until writable again") {
  ScratchServicePoint point({.unprivileged = true});
  point.init();
  point.add_staff("wang.fang", "clerk");
  const fs::path db = point.database();

  ::chmod(db.c_str(), 0400);
  const RunResult refused = point.cahub({"serve", "--port", "0"});
  CHECK(refused.exit_code == 8);
  CHECK_THAT(refused.err, Contains("cahub: database_read_only: " + db.string() + " cannot be written"));
  const RunResult add = point.cahub({"staff", "add", "li.na", "--name", "李娜", "--role", "clerk"}, "a long passphrase\n");
  CHECK(add.exit_code == 8);
  CHECK_THAT(add.err, Contains("database_read_only"));

  ::chmod(db.c_str(), 0600);
  const auto server = point.serve();
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = sign_in_as(client, "wang.fang");
  ::chmod(db.c_str(), 0400);
  auto health = health_within(client, 503, std::chrono::seconds(5));
  REQUIRE(health);
  CHECK(health->status == 503);
  CHECK(json::parse(health->body)["store"] == "read_only");
  auto order = create_order(client, token, 4);
  REQUIRE(order);
  CHECK(order->status == 503);
  CHECK(error_code(order) == "store_unavailable");

  ::chmod(db.c_str(), 0600);
  auto mended = health_within(client, 200, std::chrono::seconds(5));
  REQUIRE(mended);
  CHECK(mended->status == 200);
  auto after = create_order(client, token, 5);
  REQUIRE(after);
  CHECK(after->status == 201);
  CHECK(occurrences(point.log(), "database unusable: ") == 1);
  CHECK(occurrences(point.log(), "can be written again") == 1);
}
