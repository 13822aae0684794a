// Rule releases over HTTP against real `cahub serve` processes with rules.source = "store" (issue
// 16): the scenario through the API, two hosts on one database (a publication on one reaches the
// other's quotes), and the CLI's rules commands refusing as the API does.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "integration/service_point.hpp"
#include "support/region_script_edit.hpp"

using namespace cahub::testing;
using nlohmann::json;

namespace {

constexpr const char* kStoreMode = "[rules]\nsource = \"store\"\nwatch_milliseconds = 200\n";

std::string neimenggu_with_cfca_fee(int fen) {
  return cahub::testing::neimenggu_with_cfca_fee(CAHUB_RULES_DIR, fen);
}

struct Api {
  httplib::Client client;
  httplib::Headers auth;
  Api(int port, const std::string& login) : client("127.0.0.1", port) {
    client.set_read_timeout(60);
    auth = {{"Authorization", "Bearer " + sign_in_as(client, login)}};
  }
  json post(const std::string& path, const json& body, int status) {
    auto r = client.Post(path, auth, body.dump(), "application/json");
    REQUIRE(r);
    INFO(path << ": " << r->body);
    REQUIRE(r->status == status);
    return json::parse(r->body);
  }
  json get(const std::string& path, int status = 200) {
    auto r = client.Get(path, auth);
    REQUIRE(r);
    INFO(path << ": " << r->body);
    REQUIRE(r->status == status);
    return json::parse(r->body);
  }
  // CFCA's 1-year new fee in Neimenggu for a quote dated `day`, and the release behind it.
  std::pair<std::int64_t, std::int64_t> cfca_fee_on(const std::string& day) {
    const json q = post("/v1/quote", {{"region", "neimenggu"}, {"ca", "cfca"}, {"business", "new"}, {"today", day}}, 200);
    return {q["fee"]["total_fen"].get<std::int64_t>(), q["rules"]["release"].get<std::int64_t>()};
  }
};

std::string first_of_next_month() {
  const std::time_t now = std::time(nullptr) + 8 * 3600;  // China time
  std::tm tm{};
  gmtime_r(&now, &tm);
  int year = tm.tm_year + 1900, month = tm.tm_mon + 2;
  if (month == 13) month = 1, ++year;
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-01", year, month);
  return text;
}

std::string day_before(const std::string& first) {
  int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(5, 2));
  if (--m == 0) m = 12, --y;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, last);
  return text;
}

}  // namespace

TEST_CASE("a raise published on one host for next month prices the other host's quotes from that day, and a rollback restores it") {
  ScratchServicePoint point({.extra_config = kStoreMode});
  point.init();
  point.add_staff("wang.min", "admin");
  point.add_staff("li.na", "admin");
  const auto host_a = point.serve();
  const auto host_b = point.serve();
  Api wang(host_a->port(), "wang.min"), li(host_a->port(), "li.na"), other_host(host_b->port(), "li.na");
  const std::string next_month = first_of_next_month(), eve = day_before(next_month);
  CHECK(other_host.cfca_fee_on(next_month) == std::pair<std::int64_t, std::int64_t>{25000, 1});

  const json draft = wang.post("/v1/rules/neimenggu/releases",
                               {{"script", neimenggu_with_cfca_fee(28000)}, {"reason", "CFCA fee notice"}}, 201);
  CHECK(draft["number"] == 2);
  CHECK(draft["state"] == "draft");
  CHECK(draft["evaluation"]["check"]["findings"].empty());
  REQUIRE(draft["evaluation"]["diff"]["changes"].size() == 1);
  CHECK(draft["evaluation"]["diff"]["changes"][0]["new"] == "280.00");
  const json submitted = wang.post("/v1/rules/neimenggu/releases/2/submit", {{"version", draft["version"]}}, 200);
  const json own = wang.post("/v1/rules/neimenggu/releases/2/approve", {{"version", submitted["version"]}}, 403);
  CHECK(own["error"]["code"] == "four_eyes");
  const json approved =
      li.post("/v1/rules/neimenggu/releases/2/approve", {{"version", submitted["version"]}, {"reason", "ok"}}, 200);
  const json scheduled = wang.post("/v1/rules/neimenggu/releases/2/publish",
                                   {{"version", approved["version"]}, {"effective_from", next_month}}, 200);
  CHECK(scheduled["status"] == "scheduled");

  // The other host polls the store every 200 ms.
  std::pair<std::int64_t, std::int64_t> seen;
  for (int i = 0; i < 50 && (seen = other_host.cfca_fee_on(next_month)).second != 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(seen == std::pair<std::int64_t, std::int64_t>{28000, 2});
  CHECK(other_host.cfca_fee_on(eve) == std::pair<std::int64_t, std::int64_t>{25000, 1});
  CHECK(wang.cfca_fee_on(next_month) == std::pair<std::int64_t, std::int64_t>{28000, 2});  // at once where published

  // An order accepted today is priced by release 1 and says so, in its frozen quote and its row.
  {
    httplib::Headers headers = wang.auth;
    headers.emplace("Idempotency-Key", "release-order-1");
    const json body{{"region", "neimenggu"}, {"ca", "cfca"}, {"business", "new"},
                    {"applicant_details", {{"name", "呼和浩特测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
    auto r = wang.client.Post("/v1/orders", headers, body.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    CHECK(json::parse(r->body)["quote"]["rules"]["release"] == 1);
    SQLite::Database db(point.database().string());
    CHECK(db.execAndGet("SELECT rules_release FROM orders").getInt64() == 1);
  }

  const json rollback = wang.post("/v1/rules/neimenggu/rollback", {{"to", 1}, {"reason", "notice withdrawn"}}, 201);
  CHECK(rollback["number"] == 3);
  CHECK(rollback["status"] == "in_force");
  CHECK(wang.cfca_fee_on(next_month) == std::pair<std::int64_t, std::int64_t>{25000, 3});
  const json history = wang.get("/v1/rules/neimenggu/releases");
  CHECK(history["in_force"] == 3);
  CHECK(history["releases"][1]["status"] == "superseded");
  const json shown = wang.get("/v1/rules/neimenggu/releases/2");
  CHECK(shown["events"].size() == 4);
  CHECK(shown["decided_by"] == "li.na");

  host_a->stop();
  host_b->stop();
  const RunResult verify = point.cahub({"audit", "verify"});
  INFO(verify.out << verify.err);
  CHECK(verify.out.find("tables differ") == std::string::npos);
  CHECK(verify.out.find("rule_releases") == std::string::npos);
}

TEST_CASE("bad release requests get one clear error and write nothing") {
  ScratchServicePoint point({.extra_config = kStoreMode});
  point.init();
  point.add_staff("wang.min", "admin");
  point.add_staff("chen.jie", "clerk");
  const auto host = point.serve();
  Api wang(host->port(), "wang.min"), clerk(host->port(), "chen.jie");
  CHECK(wang.post("/v1/rules/neimenggu/releases", {{"script", "x"}}, 400)["error"]["code"] == "reason_required");
  CHECK(wang.post("/v1/rules/neimenggu/releases", {{"script", 5}, {"reason", "r"}}, 400)["error"]["code"] == "bad_field");
  CHECK(wang.post("/v1/rules/neimenggu/releases", {{"script", "x"}, {"reason", "r"}, {"colour", 1}}, 400)["error"]["code"] ==
        "unknown_field");
  CHECK(wang.post("/v1/rules/neimenggu/releases", {{"script", std::string(1024 * 1024 + 1, 'x')}, {"reason", "r"}},
                  400)["error"]["field"] == "script");
  CHECK(clerk.post("/v1/rules/neimenggu/releases", {{"script", "x"}, {"reason", "r"}}, 403)["error"]["code"] ==
        "forbidden");
  CHECK(wang.get("/v1/rules/neimenggu/releases/99", 404)["error"]["code"] == "unknown_release");
  CHECK(wang.get("/v1/rules/neimenggu/releases/0x1", 400)["error"]["code"] == "bad_release");
  CHECK(wang.post("/v1/rules/neimenggu/releases/1/publish", {{"version", 1}, {"effective_from", "2027-02-30"}},
                  400)["error"]["code"] == "bad_date");
  // Nothing was written: release 1 is all there is, and the chain holds only its import.
  CHECK(wang.get("/v1/rules/neimenggu/releases")["releases"].size() == 1);
  const json broken = wang.post("/v1/rules/neimenggu/evaluate", {{"script", "region { id = \"neimenggu\""}}, 200);
  REQUIRE_FALSE(broken["check"]["findings"].empty());
  CHECK(broken["check"]["findings"][0]["line"].get<int>() >= 1);
}

TEST_CASE("the CLI's rules commands take the desk's path: four eyes, history, export") {
  ScratchServicePoint point({.extra_config = kStoreMode});
  point.init();
  point.add_staff("wang.min", "admin");
  point.add_staff("li.na", "admin");
  const std::string script = (point.folder() / "neimenggu.lua").string();
  {
    std::ofstream out(script);
    out << neimenggu_with_cfca_fee(26000);
  }
  const std::string password = "a long passphrase\n";
  RunResult r = point.cahub({"rules", "import", script, "--reason", "from git", "--as", "wang.min"}, password);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("release 2 of neimenggu: draft") != std::string::npos);
  REQUIRE(point.cahub({"rules", "submit", "neimenggu", "2", "--as", "wang.min"}, password).exit_code == 0);
  r = point.cahub({"rules", "approve", "neimenggu", "2", "--as", "wang.min"}, password);
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("four_eyes") != std::string::npos);
  REQUIRE(point.cahub({"rules", "approve", "neimenggu", "2", "--as", "li.na"}, password).exit_code == 0);
  REQUIRE(point.cahub({"rules", "publish", "neimenggu", "2", "--as", "li.na"}, password).exit_code == 0);
  const RunResult exported = point.cahub({"rules", "export", "neimenggu"});
  CHECK(exported.out == neimenggu_with_cfca_fee(26000));
  const RunResult history = point.cahub({"rules", "history", "neimenggu", "--json"});
  REQUIRE(history.exit_code == 0);
  const json h = json::parse(history.out);
  CHECK(h["in_force"] == 2);
  CHECK(h["releases"][0]["published_by"] == "li.na");
}
