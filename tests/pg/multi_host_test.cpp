// Three `cahub serve` hosts on one PostgreSQL database (issue 17, "A multi-host test"), with
// clients spread across them as a load balancer would: what each host promises alone must hold
// when the request that competes with it arrives at another host.
//
// Each host has its own folder (configuration, var); only the database is shared. Staff are added
// once, through the first host's configuration, and sign in at any host.
#include <catch2/catch.hpp>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "integration/service_point.hpp"
#include "integration/staff_session.hpp"
#include "integration/test_identities.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"
#include "support/scratch_pg_database.hpp"

using namespace cahub::testing;
using nlohmann::json;

namespace {

constexpr int kHosts = 3;
constexpr const char* kPassphrase = "a long passphrase";

// An order at Central's BJCA counter for unit `unit`: priced, no limit across orders.
json counter_order(int unit) {
  return {{"region", "central"},
          {"ca", "bjca"},
          {"business", "new"},
          {"channel", "onsite"},
          {"applicant", "org"},
          {"applicant_details", {{"name", "多主机测试" + std::to_string(unit) + "有限公司"}, {"uscc", uscc_for(unit)}}}};
}

// The same on BJCA's platform, where one ID number may have one open application
// (rules/central.lua, limit one_open_order).
json online_order(int unit) {
  json o = counter_order(unit);
  o["channel"] = "online";
  return o;
}

struct Answer {
  int status = -1;  // -1: no answer (the connection failed)
  json body;
};

// Runs `first` and `second` on two threads lined up by a latch, so that the requests really
// overlap at their hosts; what each answered.
template <typename First, typename Second>
std::pair<Answer, Answer> at_once(First first, Second second) {
  std::latch start(2);
  Answer a, b;
  std::thread other([&] {
    start.arrive_and_wait();
    b = second();
  });
  start.arrive_and_wait();
  a = first();
  other.join();
  return {a, b};
}

// The operator's key-encryption key, the same on every host (docs/deployment.md): the CA keys
// in the database are sealed with it.
constexpr const char* kKek = "8f0e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100";

// One host: its folder and configuration naming the shared database, and its server. Its var
// folder is named but must never be made: a host on a shared store keeps nothing there.
class Host {
 public:
  explicit Host(const std::string& url) {
    const auto kek = folder_.write("kek", std::string(kKek) + "\n");
    std::filesystem::permissions(kek, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    folder_.write("cahub.toml", "[paths]\nvar = \"" + (folder_ / "var").string() + "\"\ndatabase = \"" +
                                    (folder_ / "unused.db").string() + "\"\n[store]\nurl = \"" + url +
                                    "\"\n[keys]\nkek_file = \"" + kek.string() + "\"\n");
  }
  std::string config() const { return folder_.file("cahub.toml"); }
  bool var_made() const { return std::filesystem::exists(folder_ / "var"); }

  void start() {
    server_ = std::make_unique<ServerProcess>(
        CAHUB_BINARY, std::vector<std::string>{"serve", "--port", "0", "--config", config(), "--rules",
                                               CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
  }
  int port() const { return server_->port(); }
  void kill_hard() { ::kill(server_->pid(), SIGKILL); }
  bool sqlite_file_made() const { return std::filesystem::exists(folder_ / "unused.db"); }

 private:
  ScratchFolder folder_;
  std::unique_ptr<ServerProcess> server_;
};

// A client of one host, signed in as `login`.
class Client {
 public:
  Client(int port, const std::string& login) : http_("127.0.0.1", port) {
    http_.set_read_timeout(60);
    http_.set_write_timeout(60);
    auto r = http_.Post("/v1/login", json{{"login", login}, {"password", kPassphrase}}.dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    token_ = json::parse(r->body).at("token");
  }

  Answer post(const std::string& path, const json& body, const std::string& key = {}) {
    httplib::Headers headers{{"Authorization", "Bearer " + token_}};
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    Answer a;
    if (auto r = http_.Post(path, headers, body.dump(), "application/json")) {
      a.status = r->status;
      a.body = json::parse(r->body, nullptr, false);
    }
    return a;
  }
  Answer get(const std::string& path) {
    Answer a;
    if (auto r = http_.Get(path, {{"Authorization", "Bearer " + token_}})) {
      a.status = r->status;
      a.body = json::parse(r->body, nullptr, false);
    }
    return a;
  }
  // A text resource (a PEM), as a relying party fetches it: no sign-in.
  std::string text(const std::string& path, bool signed_in = false) {
    httplib::Headers headers;
    if (signed_in) headers.emplace("Authorization", "Bearer " + token_);
    auto r = http_.Get(path, headers);
    REQUIRE(r);
    INFO(path << ": " << r->body);
    REQUIRE(r->status == 200);
    return r->body;
  }

 private:
  httplib::Client http_;
  std::string token_;
};

// One database, its schema and staff made through the first host's configuration, and three
// hosts serving it.
struct SharedStore {
  ScratchPgDatabase database;
  std::vector<std::unique_ptr<Host>> hosts;

  SharedStore() {
    for (int i = 0; i < kHosts; ++i) hosts.push_back(std::make_unique<Host>(database.url()));
    const RunResult init = run(CAHUB_BINARY, {"db", "init", "--config", hosts[0]->config()});
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    REQUIRE(run_staff_add(hosts[0]->config(), "chen.jie", "admin").exit_code == 0);
    for (const auto& [login, role] :
         {std::pair{"wang.fang", "clerk"}, std::pair{"li.na", "clerk"}, std::pair{"zhao.li", "reviewer"}}) {
      const RunResult r = run_staff_add(hosts[0]->config(), login, role, "chen.jie");
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    for (auto& h : hosts) h->start();
  }

  std::int64_t count(const std::string& sql) {
    pqxx::connection c(database.url());
    pqxx::work tx(c);
    return tx.exec1(sql)[0].as<std::int64_t>();
  }
};

}  // namespace

TEST_CASE("hosts on one PostgreSQL: the same idempotency key sent to two hosts at once makes one order") {
  SharedStore shared;
  Client a(shared.hosts[0]->port(), "wang.fang");
  Client b(shared.hosts[1]->port(), "wang.fang");
  constexpr int kKeys = 15;
  for (int n = 1; n <= kKeys; ++n) {
    const json order = counter_order(n);
    const std::string key = "same-key-" + std::to_string(n);
    const auto [first, second] =
        at_once([&] { return a.post("/v1/orders", order, key); }, [&] { return b.post("/v1/orders", order, key); });
    INFO(first.body.dump() << "\n" << second.body.dump());
    REQUIRE((first.status == 201 || first.status == 200));
    REQUIRE((second.status == 201 || second.status == 200));
    CHECK(first.status + second.status == 401);  // one created (201), one answered with it (200)
    CHECK(first.body.at("id") == second.body.at("id"));
  }
  CHECK(shared.count("SELECT count(*) FROM orders") == kKeys);
}

TEST_CASE("hosts on one PostgreSQL: one open application per ID number holds across hosts") {
  SharedStore shared;
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < kHosts; ++i) clients.push_back(std::make_unique<Client>(shared.hosts[i]->port(), "wang.fang"));
  constexpr int kRounds = 8;
  for (int round = 1; round <= kRounds; ++round) {
    std::latch start(kHosts);
    std::vector<Answer> answers(kHosts);
    std::vector<std::thread> racers;
    for (int i = 0; i < kHosts; ++i)
      racers.emplace_back([&, i] {
        start.arrive_and_wait();
        answers[i] = clients[i]->post("/v1/orders", online_order(1000 + round),
                                      "open-" + std::to_string(round) + "-" + std::to_string(i));
      });
    for (auto& t : racers) t.join();
    int created = 0, refused = 0;
    for (const Answer& a : answers) {
      INFO(a.body.dump());
      if (a.status == 201) ++created;
      if (a.status == 409 && a.body["error"]["code"] == "one_open_order") ++refused;
    }
    CHECK(created == 1);
    CHECK(refused == kHosts - 1);
  }
  CHECK(shared.count("SELECT count(*) FROM orders") == kRounds);
}

TEST_CASE("hosts on one PostgreSQL: two clerks at two hosts acting on one version, one wins") {
  SharedStore shared;
  Client a(shared.hosts[0]->port(), "wang.fang");
  Client c(shared.hosts[2]->port(), "li.na");
  constexpr int kRounds = 10;
  for (int round = 1; round <= kRounds; ++round) {
    const Answer made = a.post("/v1/orders", counter_order(2000 + round), "version-" + std::to_string(round));
    REQUIRE(made.status == 201);
    const std::string path = "/v1/orders/" + made.body.at("id").get<std::string>() + "/actions/cancel";
    const json body = {{"version", made.body.at("version")}, {"note", "撤回"}};
    const auto [first, second] = at_once([&] { return a.post(path, body); }, [&] { return c.post(path, body); });
    INFO(first.body.dump() << "\n" << second.body.dump());
    CHECK(first.status + second.status == 200 + 409);
    const Answer& loser = first.status == 409 ? first : second;
    CHECK(loser.body["error"]["code"] == "version_conflict");
  }
  // Each order was cancelled once: one audit event each, in one chain that verifies.
  CHECK(shared.count("SELECT count(*) FROM audit_events WHERE kind = 'order.cancel'") == kRounds);
  const RunResult verify = run(CAHUB_BINARY, {"audit", "verify", "--url", shared.database.url()});
  INFO(verify.out << verify.err);
  CHECK(verify.exit_code == 0);
}

TEST_CASE("hosts on one PostgreSQL: a host killed mid-load loses no acknowledged order, the others go on") {
  SharedStore shared;
  constexpr int kClients = 6;
  constexpr int kOrdersEach = 40;
  std::mutex mutex;
  std::map<std::string, std::string> acknowledged;  // idempotency key -> order id
  std::atomic<int> failures{0};
  std::atomic<int> moved{0};  // clients of the killed host that went on at another
  std::atomic<int> done{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      int host = c % kHosts;
      auto client = std::make_unique<Client>(shared.hosts[host]->port(), "wang.fang");
      for (int n = 0; n < kOrdersEach; ++n) {
        const int unit = 3000 + c * kOrdersEach + n;
        const std::string key = "load-" + std::to_string(unit);
        Answer a = client->post("/v1/orders", counter_order(unit), key);
        if (a.status == -1 && host == 1) {
          // What a load balancer does for a host that stopped answering: the same request, with
          // its key, to another host.
          host = 0;
          client = std::make_unique<Client>(shared.hosts[host]->port(), "wang.fang");
          a = client->post("/v1/orders", counter_order(unit), key);
          ++moved;
        }
        if (a.status == 201 || a.status == 200) {
          std::lock_guard lock(mutex);
          acknowledged[key] = a.body.at("id");
        } else {
          ++failures;
        }
        ++done;
      }
    });
  while (done < kClients * kOrdersEach / 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  shared.hosts[1]->kill_hard();
  for (auto& t : clients) t.join();

  CHECK(failures == 0);
  CHECK(moved == kClients / kHosts);
  REQUIRE(acknowledged.size() == kClients * kOrdersEach);
  // Every acknowledged order is there, read at a host that stayed up; a creation the killed host
  // never answered was made at most once (its retry found it by its key).
  Client reader(shared.hosts[2]->port(), "wang.fang");
  std::set<std::string> ids;
  for (const auto& [key, id] : acknowledged) {
    const Answer a = reader.get("/v1/orders/" + id);
    INFO(key << " " << id);
    CHECK(a.status == 200);
    ids.insert(id);
  }
  CHECK(ids.size() == acknowledged.size());
  CHECK(shared.count("SELECT count(*) FROM orders") == static_cast<std::int64_t>(acknowledged.size()));
  const RunResult verify = run(CAHUB_BINARY, {"audit", "verify", "--url", shared.database.url()});
  INFO(verify.out << verify.err);
  CHECK(verify.exit_code == 0);
}

TEST_CASE("hosts on one PostgreSQL: cahub bench orders --target spreads its clients over the three") {
  SharedStore shared;
  std::string targets;
  for (const auto& h : shared.hosts) targets += (targets.empty() ? "" : ",") + ("http://127.0.0.1:" + std::to_string(h->port()));
  const RunResult r = run("env", {"CAHUB_BENCH_PASSWORD=" + std::string(kPassphrase), CAHUB_BINARY, "bench", "orders",
                                  "--target", targets, "--clerk", "wang.fang", "--reviewer", "zhao.li", "--n", "120",
                                  "--clients", "6", "--lifecycle-percent", "0", "--json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json report = json::parse(r.out);
  CHECK(report.at("orders_created") == 120);
  CHECK(report.at("failures") == 0);
  CHECK(report.at("against") == targets);
  // 120 timed, one untimed check before them; no host made a SQLite file of its own.
  CHECK(shared.count("SELECT count(*) FROM orders") == 121);
  for (const auto& h : shared.hosts) CHECK_FALSE(h->sqlite_file_made());
}

TEST_CASE("hosts on one PostgreSQL: a database that stops answering turns /healthz 503, and the host serves again") {
  SharedStore shared;
  Client clerk(shared.hosts[0]->port(), "wang.fang");
  httplib::Client probe("127.0.0.1", shared.hosts[0]->port());
  REQUIRE(probe.Get("/healthz")->status == 200);
  REQUIRE(clerk.post("/v1/orders", counter_order(4001), "before").status == 201);

  // What a database server that went away looks like to the hosts: no new connection is let in,
  // and the ones they hold are cut.
  const std::string name = pqxx::connection(shared.database.url()).dbname();
  auto admin = [&](const std::string& sql) {
    pqxx::connection c(test_cluster_url());
    pqxx::nontransaction(c).exec(sql);
  };
  admin("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS false");
  admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
  auto health = health_within(probe, 503, std::chrono::seconds(5));
  REQUIRE(health);
  CHECK(health->status == 503);
  CHECK(json::parse(health->body)["store"] == "unreachable");
  const Answer refused = clerk.post("/v1/orders", counter_order(4002), "during");
  CHECK(refused.status == 503);
  CHECK(refused.body["error"]["code"] == "store_unavailable");
  CHECK(refused.body.dump().find(name) == std::string::npos);  // no database name for a client

  admin("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS true");
  health = health_within(probe, 200, std::chrono::seconds(5));
  REQUIRE(health);
  CHECK(health->status == 200);
  // The same request again, with its key: made now, once.
  CHECK(clerk.post("/v1/orders", counter_order(4002), "during").status == 201);
  CHECK(shared.count("SELECT count(*) FROM orders") == 2);
}

// The operator bounds how long a statement may run (ALTER ROLE … SET statement_timeout, or
// `options` in the URL; docs/deployment.md), so that a database that stalls cannot hold every
// worker. A request whose statement is cancelled is a 503 with nothing written, not a 500.
TEST_CASE("a statement past the database's statement_timeout is a 503 store_unavailable, and the retry is made once") {
  ScratchPgDatabase database;
  Host host(database.url() + "&options=-c%20statement_timeout%3D700");
  const RunResult init = run(CAHUB_BINARY, {"db", "init", "--config", host.config()});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  REQUIRE(run_staff_add(host.config(), "chen.jie", "admin").exit_code == 0);
  REQUIRE(run_staff_add(host.config(), "wang.fang", "clerk", "chen.jie").exit_code == 0);
  host.start();
  Client clerk(host.port(), "wang.fang");

  // Another host's creation holding the audit chain's lock for longer than the timeout.
  pqxx::connection other(database.url());
  pqxx::work holding(other);
  holding.exec("SELECT pg_advisory_xact_lock(x'4341484241554454'::bigint)");  // "CAHBAUDT"
  const Answer waited = clerk.post("/v1/orders", counter_order(5001), "timed");
  INFO(waited.body.dump());
  CHECK(waited.status == 503);
  CHECK(waited.body["error"]["code"] == "store_unavailable");
  CHECK(waited.body["error"]["message"].get<std::string>().find("did not answer in time") != std::string::npos);
  holding.commit();

  CHECK(clerk.post("/v1/orders", counter_order(5001), "timed").status == 201);
  pqxx::connection c(database.url());
  CHECK(pqxx::work(c).exec1("SELECT count(*) FROM orders")[0].as<int>() == 1);
}

namespace {

// Takes an order from submitted to where its provider step is done, each step at the next host
// round the ring (as a load balancer spreads a clerk's requests): review, materials, approval, the
// terms the sources leave to staff, payment, then issue or carry out. The order as it ends.
json drive(std::vector<std::unique_ptr<Client>>& clerks, std::vector<std::unique_ptr<Client>>& reviewers, json order,
           int& turn) {
  const std::string path = "/v1/orders/" + order.at("id").get<std::string>();
  auto next = [&](std::vector<std::unique_ptr<Client>>& at) -> Client& { return *at[turn++ % kHosts]; };
  auto step = [&](Answer a) {
    INFO(a.body.dump());
    REQUIRE((a.status == 200 || a.status == 201));
    order = a.body;
  };
  const auto version = [&] { return order.at("version"); };
  step(next(reviewers).post(path + "/actions/start_review", {{"version", version()}}));
  const json materials = order.at("materials");
  for (const auto& m : materials)
    step(next(clerks).post(path + "/materials/" + m.at("code").get<std::string>(), json::object()));
  step(next(reviewers).post(path + "/actions/approve", {{"version", version()}}));
  if (order.at("priced") == false)
    step(next(reviewers).post(path + "/terms", {{"version", version()}, {"total_fen", 5000},
                                                {"reason", "the CA's price list, confirmed by phone"}}));
  if (order.at("state") == "awaiting_payment")
    step(next(clerks).post(path + "/payments",
                           {{"version", version()}, {"amount_fen", order.at("total_fen")}, {"method", "cash"}}));
  const bool issues = order.at("business") == "new";
  step(next(clerks).post(path + (issues ? "/issue" : "/carry_out"), {{"version", version()}}));
  return order;
}

}  // namespace

TEST_CASE("hosts on one PostgreSQL: every host issues from one CA, serials are unique and the CRL is one") {
  SharedStore shared;
  std::vector<std::unique_ptr<Client>> clerks, reviewers;
  for (int i = 0; i < kHosts; ++i) {
    clerks.push_back(std::make_unique<Client>(shared.hosts[i]->port(), "wang.fang"));
    reviewers.push_back(std::make_unique<Client>(shared.hosts[i]->port(), "zhao.li"));
  }
  constexpr int kOrders = 6;
  int turn = 0;
  std::vector<json> issued;
  for (int n = 0; n < kOrders; ++n) {
    const Answer made = clerks[n % kHosts]->post("/v1/orders", counter_order(5000 + n), "issue-" + std::to_string(n));
    REQUIRE(made.status == 201);
    issued.push_back(drive(clerks, reviewers, made.body, turn));
    CHECK(issued.back().at("state") == "issued");
  }
  std::set<std::string> serials;
  for (const json& o : issued) serials.insert(o.at("certificate").at("serial").get<std::string>());
  CHECK(serials.size() == kOrders);  // one ledger: no serial issued twice, whichever host issued

  // Revoke the first at yet another host: the registry and the CA change together.
  const std::string revoked = issued[0].at("certificate").at("serial");
  json revoke = counter_order(5000);
  revoke["business"] = "revoke";
  revoke["previous_serial"] = revoked;
  const Answer made = clerks[1]->post("/v1/orders", revoke, "revoke-0");
  INFO(made.body.dump());
  REQUIRE(made.status == 201);
  CHECK(drive(clerks, reviewers, made.body, turn).at("state") == "completed");

  // Every host publishes the same root and the same CRL, which lists the revoked certificate.
  ScratchFolder relying_party;
  const std::string root = clerks[0]->text("/v1/cas/bjca/root.pem");
  const std::string crl = clerks[0]->text("/v1/cas/bjca/crl.pem");
  for (int i = 1; i < kHosts; ++i) {
    CHECK(clerks[i]->text("/v1/cas/bjca/root.pem") == root);
    CHECK(clerks[i]->text("/v1/cas/bjca/crl.pem") == crl);
  }
  const auto root_file = relying_party.write("root.pem", root), crl_file = relying_party.write("crl.pem", crl);
  for (int n = 0; n < kOrders; ++n) {
    const std::string id = issued[n].at("id");
    const auto cert = relying_party.write(id + ".pem", clerks[(n + 2) % kHosts]->text("/v1/orders/" + id + "/certificate.pem", true));
    const RunResult verified = run("openssl", {"verify", "-CAfile", root_file.string(), "-crl_check", "-CRLfile",
                                               crl_file.string(), cert.string()});
    INFO(id << ": " << verified.out << verified.err);
    if (n == 0) {
      CHECK(verified.exit_code != 0);
      CHECK_THAT(verified.out + verified.err, Catch::Matchers::Contains("certificate revoked"));
    } else {
      CHECK(verified.exit_code == 0);
    }
  }
  // The CA lives in the database, its key sealed; no host made a var folder for it, or for anything,
  // nor did the commands an operator runs there.
  const RunResult listed = run(CAHUB_BINARY, {"plugins", "list", "--config", shared.hosts[0]->config(), "--plugins",
                                              CAHUB_PLUGINS_DIR});
  CHECK(listed.exit_code == 0);
  CHECK(shared.count("SELECT count(*) FROM plugin_state WHERE plugin = 'bjca' AND key = 'ca/key' "
                     "AND value NOT LIKE '%PRIVATE KEY%'") == 1);
  for (const auto& h : shared.hosts) CHECK_FALSE(h->var_made());
  const RunResult verify = run(CAHUB_BINARY, {"audit", "verify", "--url", shared.database.url()});
  INFO(verify.out << verify.err);
  CHECK(verify.exit_code == 0);
}
