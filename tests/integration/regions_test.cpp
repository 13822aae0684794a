// Staff who belong to regions (issue 16), on the real binary: a Qinghai clerk, reviewer and
// region administrator ask every order, certificate and rules route about an Inner Mongolia
// order and get what docs/api.md ("Regions") says — 404 as for a missing order when they address
// it by id, 403 "region_not_yours" when they name the region, lists without it — while an Inner
// Mongolia clerk passes the region gate and the administrators of all regions (the first one,
// and accounts made without --regions, as every account made before regions existed) see both.
// Then the same on the command line.

#include <catch2/catch.hpp>

#include "integration/staff_session.hpp"
#include "integration/staffed_server.hpp"
#include "support/process.hpp"

using namespace cahub::testing;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const json kNeimenggu = {{"region", "neimenggu"}, {"ca", "szca"}, {"business", "new"}, {"channel", "online"},
                         {"applicant", "org"},
                         {"applicant_details", {{"name", "呼和浩特测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
const json kQinghai = {{"region", "qinghai"}, {"ca", "bjca"}, {"business", "new"}, {"channel", "onsite"},
                       {"key", "secondary"},
                       {"applicant_details", {{"name", "西宁测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
const std::string kPdf = "%PDF-1.7\n" + std::string(500, 'x') + "\n%%EOF\n";

struct Answer {
  int status = 0;
  json body;
  std::string code() const { return body.is_object() && body.contains("error") ? body["error"].value("code", "") : ""; }
};

// A service point with staff of three kinds: of all regions (chen.jie, wang.fang, zhao.li from
// StaffedServer), of Inner Mongolia (nmg.clerk), of Qinghai (qh.clerk, qh.reviewer, qh.admin);
// an order of each region and a certificate of each region in the registry.
struct RegionalDesk : StaffedServer {
  std::map<std::string, std::string> tokens;
  std::string nmg_order, qh_order, material;

  RegionalDesk() {
    const std::string admin = sign_in("chen.jie");
    for (const auto& [login, role, regions] :
         {std::tuple{"nmg.clerk", "clerk", json::array({"neimenggu"})}, std::tuple{"qh.clerk", "clerk", json::array({"qinghai"})},
          std::tuple{"qh.reviewer", "reviewer", json::array({"qinghai"})},
          std::tuple{"qh.admin", "admin", json::array({"qinghai"})}}) {
      const auto [status, account] = call("POST", "/v1/staff", admin,
                                          {{"login", login}, {"name", login}, {"role", role},
                                           {"password", kStaffPassphrase}, {"regions", regions}});
      INFO(account.dump());
      REQUIRE(status == 201);
      CHECK(account.at("regions") == regions);
    }
    for (const char* login : {"chen.jie", "wang.fang", "nmg.clerk", "qh.clerk", "qh.reviewer", "qh.admin"})
      tokens[login] = sign_in(login);
    auto [nmg_status, nmg] = call("POST", "/v1/orders", tokens["nmg.clerk"], kNeimenggu, "nmg-1");
    INFO(nmg.dump());
    REQUIRE(nmg_status == 201);
    nmg_order = nmg.at("id");
    material = nmg.at("materials")[0].at("code");
    REQUIRE(send("PUT", "/v1/orders/" + nmg_order + "/materials/" + material + "/file?name=licence.pdf", "nmg.clerk",
                  kPdf).status == 200);
    auto [qh_status, qh] = call("POST", "/v1/orders", tokens["qh.clerk"], kQinghai, "qh-1");
    INFO(qh.dump());
    REQUIRE(qh_status == 201);
    qh_order = qh.at("id");
    import_certificate("neimenggu", "szca", "0A0001", "chen.jie");
    import_certificate("qinghai", "bjca", "0B0001", "chen.jie");
  }

  void import_certificate(const std::string& region, const std::string& ca, const std::string& serial,
                          const std::string& as) {
    const RunResult r = cahub_as(as, {"certs", "import", "--ca", ca, "--region", region, "--serial", serial,
                                      "--not-before", "2026-01-05", "--not-after", "2027-01-04", "--unit-name",
                                      "测试有限公司", "--uscc", "91350100M000100Y43", "--key", "secondary"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }

  Answer send(const std::string& method, const std::string& path, const std::string& login, const std::string& body) {
    const httplib::Headers headers{{"Authorization", "Bearer " + tokens.at(login)}, {"Idempotency-Key", "k-" + login}};
    auto r = method == "GET"    ? client->Get(path, headers)
             : method == "PUT"  ? client->Put(path, headers, body,
                                              path.find("/file") != std::string::npos ? "application/octet-stream"
                                                                                      : "application/json")
                                : client->Post(path, headers, body, "application/json");
    REQUIRE(r);
    if (r->get_header_value("Content-Type").rfind("application/json", 0) != 0) return {r->status, json()};
    return {r->status, json::parse(r->body)};
  }

  // `cahub ARGS` as `login` (--as, the password in CAHUB_PASSWORD), or as the database file's
  // reader when `login` is empty.
  RunResult cahub_as(const std::string& login, std::vector<std::string> args) {
    std::vector<std::string> full{"-u", "CAHUB_TOKEN", "CAHUB_PASSWORD=" + std::string(kStaffPassphrase), CAHUB_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    full.insert(full.end(), {"--config", var.file("cahub.toml"), "--rules", CAHUB_RULES_DIR, "--plugins",
                             CAHUB_PLUGINS_DIR});
    if (!login.empty()) full.insert(full.end(), {"--as", login});
    return run("env", full, std::chrono::seconds(120));
  }

  json order_of(const std::string& id) { return call("GET", "/v1/orders/" + id, tokens["chen.jie"]).second; }
};

struct Route {
  std::string method, path, body;
};

// Every route that addresses the order `id` (material `code`) by its id, with a body it would take.
std::vector<Route> order_routes(const std::string& id, const std::string& code, std::int64_t version) {
  const std::string v = std::to_string(version);
  const std::string o = "/v1/orders/" + id;
  return {{"GET", o, ""},
          {"GET", o + "/events", ""},
          {"GET", o + "/materials/" + code + "/file", ""},
          {"GET", o + "/certificate.pem", ""},
          {"POST", o + "/actions/start_review", R"({"version": )" + v + "}"},
          {"POST", o + "/actions/cancel", R"({"version": )" + v + "}"},
          {"POST", o + "/materials/" + code, R"({"file_name": "licence.pdf", "file_bytes": 100})"},
          {"PUT", o + "/materials/" + code + "/file?name=licence.pdf", kPdf},
          {"POST", o + "/payments", R"({"version": )" + v + R"(, "method": "cash", "amount_fen": 100})"},
          {"POST", o + "/terms", R"({"version": )" + v + R"(, "total_fen": 100, "reason": "phone"})"},
          {"POST", o + "/issue", R"({"version": )" + v + "}"},
          {"POST", o + "/carry_out", R"({"version": )" + v + "}"}};
}

std::vector<std::string> field_of(const json& list, const std::string& field) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.at(field));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("another region's order answers 404 on every route, as a missing one, and is left as it was") {
  RegionalDesk desk;
  const json before = desk.order_of(desk.nmg_order);
  for (const char* login : {"qh.clerk", "qh.reviewer", "qh.admin"}) {
    for (const Route& r : order_routes(desk.nmg_order, desk.material, before.at("version"))) {
      INFO(login << " " << r.method << " " << r.path);
      const Answer other = desk.send(r.method, r.path, login, r.body);
      CHECK(other.status == 404);
      CHECK(other.code() == "not_found");
      // Word for word what an order that does not exist gets: its existence is not revealed.
      std::string missing_path = r.path;
      missing_path.replace(missing_path.find(desk.nmg_order), desk.nmg_order.size(), "ORD-2099-999999");
      const Answer missing = desk.send(r.method, missing_path, login, r.body);
      CHECK(missing.status == 404);
      std::string message = other.body["error"].value("message", "");
      if (const auto at = message.find(desk.nmg_order); at != std::string::npos)
        message.replace(at, desk.nmg_order.size(), "ORD-2099-999999");
      CHECK(message == missing.body["error"].value("message", "?"));
    }
  }
  const json after = desk.order_of(desk.nmg_order);
  CHECK(after.at("version") == before.at("version"));
  CHECK(after.at("state") == before.at("state"));
  CHECK(after.at("materials") == before.at("materials"));
  CHECK(after.at("payments") == before.at("payments"));
}

TEST_CASE("an Inner Mongolia clerk and the administrators of all regions pass the region gate on every route") {
  RegionalDesk desk;
  const json order = desk.order_of(desk.nmg_order);
  for (const char* login : {"nmg.clerk", "chen.jie", "wang.fang"}) {
    for (const Route& r : order_routes(desk.nmg_order, desk.material, order.at("version"))) {
      if (r.method != "GET") continue;  // the writes would move the order on for the next one
      INFO(login << " " << r.method << " " << r.path);
      const Answer a = desk.send(r.method, r.path, login, r.body);
      if (r.path.find("certificate.pem") != std::string::npos) {
        CHECK(a.status == 404);  // the order exists; it has issued nothing yet
        CHECK_THAT(a.body["error"].value("message", ""), Contains("has issued no certificate"));
        continue;
      }
      CHECK(a.status == 200);
    }
  }
  // The writes: each is the workflow's to answer (a clerk may not start a review; terms are a
  // reviewer's), never a 404.
  for (const Route& r : order_routes(desk.nmg_order, desk.material, order.at("version"))) {
    if (r.method == "GET") continue;
    INFO(r.method << " " << r.path);
    const Answer a = desk.send(r.method, r.path, "nmg.clerk", r.body);
    CHECK(a.status != 404);
    CHECK(a.status != 401);
  }
  CHECK(desk.order_of(desk.nmg_order).at("state") == "cancelled");  // the clerk's cancel went through
}

TEST_CASE("naming a region one does not cover is 403 region_not_yours, and lists hold only one's regions") {
  RegionalDesk desk;
  for (const char* login : {"qh.clerk", "qh.reviewer", "qh.admin"}) {
    INFO(login);
    const Answer create = desk.send("POST", "/v1/orders", login, kNeimenggu.dump());
    CHECK(create.status == 403);
    CHECK(create.code() == "region_not_yours");
    json quote = kNeimenggu;
    quote.erase("applicant_details");
    const Answer quoted = desk.send("POST", "/v1/quote", login, quote.dump());
    CHECK(quoted.status == 403);
    CHECK(quoted.code() == "region_not_yours");
    json own = quote;
    own["region"] = "qinghai";
    own["ca"] = "bjca";
    own["channel"] = "onsite";
    CHECK(desk.send("POST", "/v1/quote", login, own.dump()).status == 200);

    const Answer orders = desk.send("GET", "/v1/orders", login, "");
    REQUIRE(orders.status == 200);
    CHECK(field_of(orders.body.at("orders"), "region") == std::vector<std::string>{"qinghai"});
    CHECK(desk.send("GET", "/v1/orders?region=neimenggu", login, "").body.at("orders").empty());
    const Answer certificates = desk.send("GET", "/v1/certificates", login, "");
    REQUIRE(certificates.status == 200);
    CHECK(field_of(certificates.body.at("certificates"), "serial") == std::vector<std::string>{"0B0001"});
    CHECK(desk.send("GET", "/v1/certificates?q=0A0001", login, "").body.at("certificates").empty());
    const Answer rules = desk.send("GET", "/v1/rules", login, "");
    REQUIRE(rules.status == 200);
    CHECK(field_of(rules.body.at("regions"), "id") == std::vector<std::string>{"qinghai"});
    CHECK(desk.send("GET", "/v1/me", login, "").body.at("regions") == json::array({"qinghai"}));
    // The whole audit chain: staff of all regions only; the accounts: an administrator of all regions.
    CHECK(desk.send("GET", "/v1/audit/verify", login, "").code() == "forbidden");
    CHECK(desk.send("GET", "/v1/staff", login, "").code() == "forbidden");
    CHECK(desk.send("PUT", "/v1/staff/qh.clerk/regions", login, R"({"regions": "*"})").code() == "forbidden");
  }
  const Answer nmg = desk.send("GET", "/v1/orders", "nmg.clerk", "");
  CHECK(field_of(nmg.body.at("orders"), "region") == std::vector<std::string>{"neimenggu"});
  for (const char* login : {"chen.jie", "wang.fang"}) {
    INFO(login);
    CHECK(field_of(desk.send("GET", "/v1/orders", login, "").body.at("orders"), "region") ==
          std::vector<std::string>{"neimenggu", "qinghai"});
    CHECK(field_of(desk.send("GET", "/v1/certificates", login, "").body.at("certificates"), "serial") ==
          std::vector<std::string>{"0A0001", "0B0001"});
    CHECK(desk.send("GET", "/v1/rules", login, "").body.at("regions").size() >= 5);
    CHECK(desk.send("GET", "/v1/me", login, "").body.at("regions") == "*");
  }
  CHECK(desk.send("GET", "/v1/audit/verify", "chen.jie", "").status == 200);
  CHECK(desk.send("GET", "/v1/audit/verify", "wang.fang", "").status == 200);  // a clerk of all regions, as before
}

TEST_CASE("a platform administrator gives an account its regions, which hold from its next request") {
  RegionalDesk desk;
  const Answer bad = desk.send("PUT", "/v1/staff/qh.clerk/regions", "chen.jie", R"({"regions": ["Neimenggu"]})");
  CHECK(bad.status == 400);
  CHECK(bad.code() == "bad_regions");
  CHECK(desk.send("PUT", "/v1/staff/qh.clerk/regions", "chen.jie", R"({"regions": []})").code() == "bad_regions");
  CHECK(desk.send("PUT", "/v1/staff/nobody/regions", "chen.jie", R"({"regions": "*"})").status == 404);
  const Answer widened =
      desk.send("PUT", "/v1/staff/qh.clerk/regions", "chen.jie", R"({"regions": ["qinghai", "neimenggu"]})");
  REQUIRE(widened.status == 200);
  CHECK(widened.body.at("regions") == json::array({"neimenggu", "qinghai"}));
  CHECK(desk.send("GET", "/v1/orders/" + desk.nmg_order, "qh.clerk", "").status == 200);  // the same session
  const Answer last = desk.send("PUT", "/v1/staff/chen.jie/regions", "chen.jie", R"({"regions": ["qinghai"]})");
  CHECK(last.status == 409);
  CHECK(last.code() == "last_admin");
  const Answer staff = desk.send("GET", "/v1/staff", "chen.jie", "");
  for (const auto& account : staff.body.at("staff"))
    if (account.at("login") == "qh.clerk") CHECK(account.at("regions") == json::array({"neimenggu", "qinghai"}));
  // And the audit trail replays every account's regions.
  const RunResult verified = desk.cahub_as("", {"audit", "verify"});
  INFO(verified.out);
  CHECK(verified.exit_code == 0);
}

TEST_CASE("the order and certificate commands read and act within the named staff member's regions") {
  RegionalDesk desk;
  const std::int64_t version = desk.order_of(desk.nmg_order).at("version");
  for (const char* login : {"qh.clerk", "qh.reviewer", "qh.admin"}) {
    INFO(login);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"order", "show", desk.nmg_order},
          std::vector<std::string>{"order", "certificate", desk.nmg_order},
          std::vector<std::string>{"order", "act", desk.nmg_order, "cancel", "--version", std::to_string(version)},
          std::vector<std::string>{"order", "material", desk.nmg_order, "--all"},
          std::vector<std::string>{"order", "pay", desk.nmg_order, "--version", std::to_string(version), "--method",
                                   "cash", "--amount-fen", "100"}}) {
      INFO(args[1]);
      const RunResult r = desk.cahub_as(login, args);
      CHECK(r.exit_code == 4);
      CHECK_THAT(r.err, Contains("cahub: not_found: no order " + desk.nmg_order));
    }
    const RunResult list = desk.cahub_as(login, {"order", "list", "--json"});
    INFO(list.err);
    REQUIRE(list.exit_code == 0);
    CHECK(field_of(json::parse(list.out).at("orders"), "region") == std::vector<std::string>{"qinghai"});
    const RunResult certs = desk.cahub_as(login, {"certs", "list", "--json"});
    REQUIRE(certs.exit_code == 0);
    CHECK(field_of(json::parse(certs.out).at("certificates"), "serial") == std::vector<std::string>{"0B0001"});
  }
  const RunResult import = desk.cahub_as("qh.admin", {"certs", "import", "--ca", "szca", "--region", "neimenggu",
                                                      "--serial", "0A0002", "--not-before", "2026-01-05",
                                                      "--not-after", "2027-01-04", "--unit-name", "测试有限公司",
                                                      "--uscc", "91350100M000100Y43"});
  CHECK(import.exit_code == 6);
  CHECK_THAT(import.err, Contains("cahub: region_not_yours"));
  const RunResult created = desk.cahub_as("qh.clerk", {"order", "create", "--region", "neimenggu", "--ca", "szca",
                                                       "--business", "new", "--channel", "online", "--unit-name",
                                                       "呼和浩特测试有限公司", "--uscc", "91350100M000100Y43",
                                                       "--idempotency-key", "cli-1"});
  CHECK(created.exit_code == 6);
  CHECK_THAT(created.err, Contains("cahub: region_not_yours"));

  // The Inner Mongolia clerk, and the database file's reader (no one named), see the order.
  CHECK(desk.cahub_as("nmg.clerk", {"order", "show", desk.nmg_order}).exit_code == 0);
  const RunResult reader = desk.cahub_as("", {"order", "list", "--json"});
  REQUIRE(reader.exit_code == 0);
  CHECK(field_of(json::parse(reader.out).at("orders"), "region") == std::vector<std::string>{"neimenggu", "qinghai"});
  const RunResult act = desk.cahub_as("nmg.clerk", {"order", "act", desk.nmg_order, "cancel", "--version",
                                                    std::to_string(version)});
  INFO(act.err);
  CHECK(act.exit_code == 0);
}

TEST_CASE("staff commands: accounts added with regions, given others, listed, by an administrator of all regions only") {
  RegionalDesk desk;
  const RunResult bad = desk.cahub_as("chen.jie", {"staff", "regions", "qh.clerk", "qinghai,Bad"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("cahub: bad_regions"));
  const RunResult refused = desk.cahub_as("qh.admin", {"staff", "regions", "qh.clerk", "*"});
  CHECK(refused.exit_code == 6);
  CHECK_THAT(refused.err, Contains("cahub: forbidden"));
  const RunResult given = desk.cahub_as("chen.jie", {"staff", "regions", "qh.clerk", "neimenggu,qinghai"});
  INFO(given.err);
  CHECK(given.exit_code == 0);
  CHECK_THAT(given.out, Contains("works in regions neimenggu,qinghai"));
  const RunResult last = desk.cahub_as("chen.jie", {"staff", "regions", "chen.jie", "qinghai"});
  CHECK(last.exit_code == 5);
  CHECK_THAT(last.err, Contains("cahub: last_admin"));

  const RunResult r = run("env", {"-u", "CAHUB_TOKEN", "CAHUB_PASSWORD=" + std::string(kStaffPassphrase), CAHUB_BINARY,
                                  "staff", "add", "li.na", "--name", "李娜", "--role", "reviewer", "--regions",
                                  "qinghai,neimenggu", "--as", "chen.jie", "--config", desk.var.file("cahub.toml")},
                          std::chrono::seconds(60), std::string(kStaffPassphrase) + "\n");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const RunResult listed = desk.cahub_as("", {"staff", "list", "--json"});
  REQUIRE(listed.exit_code == 0);
  std::map<std::string, json> regions;
  INFO(listed.out);
  const json accounts = json::parse(listed.out);
  for (const auto& a : accounts.at("staff")) regions[a.at("login")] = a.at("regions");
  CHECK(regions["li.na"] == json::array({"neimenggu", "qinghai"}));
  CHECK(regions["qh.clerk"] == json::array({"neimenggu", "qinghai"}));
  CHECK(regions["chen.jie"] == "*");
  CHECK(regions["wang.fang"] == "*");
  CHECK_THAT(desk.cahub_as("", {"staff", "list"}).out, Contains("neimenggu,qinghai"));
  const RunResult verified = desk.cahub_as("", {"audit", "verify"});
  INFO(verified.out);
  CHECK(verified.exit_code == 0);
}
