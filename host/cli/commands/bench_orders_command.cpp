// `cahub bench orders`: how many orders per second the order API accepts when every one is
// acknowledged only after a durable commit, with group commit on or off, and how long each kind
// of request takes (p50/p99). It starts the same API `cahub serve` runs (cli/api_service.hpp), on
// 127.0.0.1 with a scratch database and CA folder and two scratch staff accounts, and drives it
// over HTTP with keep-alive clients (cli/order_load.hpp). With --target it drives running servers
// instead, so that the client's CPU and the server's show apart (the clients here report their
// own). A benchmark to run by hand and to quote in the README, not a timed test.
#include <openssl/rand.h>

#include <CLI/CLI.hpp>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdlib.h>
#include <sys/resource.h>
#include <system_error>
#include <thread>

#include "audit/checkpointer.hpp"
#include "cli/api_service.hpp"
#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/key_encryption.hpp"
#include "cli/order_load.hpp"
#include "cli/runtime.hpp"
#include "staff/staff_directory.hpp"
#include "store/database.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/store_location.hpp"

namespace cahub::cli {
namespace {

using nlohmann::json;

struct BenchOrdersOptions {
  int clients = 32;
  long long n = 20000;
  int threads = 0;               // 0: one server worker per client (a request waiting for its commit holds one)
  std::string group_commit;      // "on", "off", or empty: as configured (store.group_commit)
  int lifecycle_percent = 5;
  std::string folder;            // empty: a scratch folder under paths.var, removed afterwards
  bool json = false;
  std::string target;            // URLs of running servers, comma-separated; empty: start one here
  std::string clerk = "bench.clerk";        // --target: accounts on the target, password from
  std::string reviewer = "bench.reviewer";  // $CAHUB_BENCH_PASSWORD
  long long first_unit = -1;     // -1: 1 here, a random one against a target
  bool checkpoints = false;      // sign audit checkpoints as a configured server does (scratch key and file)
  std::string url;               // an empty PostgreSQL database to measure on instead of a scratch SQLite file
};

// What the figures were measured on, for the report.
struct BenchSetup {
  std::optional<bool> group_commit = {};  // unknown against a target; off on PostgreSQL
  std::optional<unsigned> server_threads = {};
  std::string against = {};               // "in-process" or the target URLs
  double cpu_seconds = 0;                 // this process's, over the timed run
  bool cpu_includes_server = true;        // in-process: the server's too
  std::string store = {};                 // in-process: "sqlite" or "postgresql"
  std::string database = {};              // in-process: the file, or the URL without its password
};

// The scratch accounts; the folder is thrown away (or kept only when asked for), so the password
// protects nothing and may be written here.
constexpr const char* kPassword = "bench passphrase, scratch only";

// Where the benchmark's database and CA state live: the folder given (new or empty, kept), or a
// scratch folder in the configured var folder — on the disk the real database is on, because
// that disk's flush is what is measured — removed when the benchmark ends.
class BenchFolder {
 public:
  BenchFolder(const std::string& given, const std::filesystem::path& var) : keep_(!given.empty()) {
    if (keep_) {
      path_ = std::filesystem::absolute(given);
      std::filesystem::create_directories(path_);
      if (!std::filesystem::is_empty(path_))
        throw std::invalid_argument("--folder " + given + " is not empty; give a new or empty folder");
      return;
    }
    std::filesystem::create_directories(var);
    std::string pattern = (std::filesystem::absolute(var) / "bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a scratch folder in " + var.string());
    path_ = pattern;
  }
  ~BenchFolder() {
    std::error_code ignored;
    if (!keep_) std::filesystem::remove_all(path_, ignored);
  }
  BenchFolder(const BenchFolder&) = delete;
  BenchFolder& operator=(const BenchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  bool kept() const { return keep_; }

 private:
  bool keep_;
  std::filesystem::path path_;
};

std::string sign_in(const Endpoint& at, const std::string& login, const std::string& password = kPassword) {
  BenchHttpClient client(at);  // the password hash is slow on purpose: the default 120 s for an answer
  auto answer = client.post("/v1/login", {}, json{{"login", login}, {"password", password}}.dump());
  if (!answer || answer->status != 200)
    throw std::runtime_error("bench: signing in as " + login + " failed: " + (answer ? answer->body : client.error()));
  return json::parse(answer->body).at("token");
}

// The API of `cahub serve`, listening on 127.0.0.1 on a free port until destroyed.
class ListeningService {
 public:
  ListeningService(const config::Config& cfg, const Runtime& rt, const store::StoreLocation& location)
      : service_(cfg, *rt.rule_book, *rt.plugins, location) {
    port_ = service_.http().bind("127.0.0.1", 0);
    listener_ = std::thread([this] { service_.http().run(); });
  }
  ~ListeningService() {
    service_.http().stop();
    listener_.join();
  }
  ListeningService(const ListeningService&) = delete;
  ListeningService& operator=(const ListeningService&) = delete;

  int port() const { return port_; }
  const store::GroupCommitter* group_committer() const { return service_.group_committer(); }

 private:
  ApiService service_;
  int port_ = -1;
  std::thread listener_;
};

json report_json(const BenchOrdersOptions& o, const BenchSetup& setup, OrderLoadResult& r,
                 const std::optional<store::GroupCommitter::Counts>& commits) {
  const auto or_null = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  json out = {{"group_commit", or_null(setup.group_commit)},
              {"store", setup.store.empty() ? json(nullptr) : json(setup.store)},
              {"clients", o.clients},
              {"server_threads", or_null(setup.server_threads)},
              {"against", setup.against},
              {setup.cpu_includes_server ? "process_cpu_seconds" : "client_cpu_seconds", setup.cpu_seconds},
              {"orders_created", r.created},
              {"creation_seconds", r.creation_seconds},
              {"orders_per_s", std::llround(r.created / r.creation_seconds)},
              {"lifecycles_completed", r.completed},
              {"lifecycle_seconds", r.lifecycle_seconds},
              {"lifecycle_requests_per_s",
               r.lifecycle_seconds > 0 ? std::llround(static_cast<double>(r.lifecycle_requests()) / r.lifecycle_seconds) : 0},
              {"failures", r.failures},
              {"retries", r.retries},
              {"requests", json::object()}};
  for (std::size_t k = 0; k < order_request_kinds; ++k) {
    Latencies& l = r.latencies[k];
    out["requests"][std::string(code_of(static_cast<OrderRequest>(k)))] = {
        {"count", l.count()}, {"p50_ms", l.percentile_us(0.50) / 1000}, {"p99_ms", l.percentile_us(0.99) / 1000}};
  }
  if (commits)
    out["commits"] = {{"commits", commits->commits},
                      {"writes", commits->jobs_committed},
                      {"largest_batch", commits->largest_batch}};
  return out;
}

void print_report(const BenchOrdersOptions& o, const BenchSetup& setup, OrderLoadResult& r,
                  const std::optional<store::GroupCommitter::Counts>& commits, const BenchFolder* folder) {
  std::printf("%u orders created by %d clients in %.2f s: %.0f orders/s against %s", r.created, o.clients,
              r.creation_seconds, r.created / r.creation_seconds, setup.against.c_str());
  if (setup.store == "postgresql")
    std::printf(" (PostgreSQL, a transaction per request, %u server threads)", setup.server_threads.value_or(0));
  else if (setup.group_commit)
    std::printf(" (group commit %s, %u server threads)", *setup.group_commit ? "on" : "off",
                setup.server_threads.value_or(0));
  std::printf("\n%.2f s of CPU in this process (%s) over the timed run\n", setup.cpu_seconds,
              setup.cpu_includes_server ? "clients and server" : "clients only");
  if (r.lifecycle_requests() > 0)
    std::printf("%u of them taken through the lifecycle in %.2f s: %llu requests, %.0f requests/s\n", r.completed,
                r.lifecycle_seconds, static_cast<unsigned long long>(r.lifecycle_requests()),
                static_cast<double>(r.lifecycle_requests()) / r.lifecycle_seconds);
  std::printf("%-18s %8s %10s %10s\n", "request", "count", "p50 ms", "p99 ms");
  for (std::size_t k = 0; k < order_request_kinds; ++k) {
    Latencies& l = r.latencies[k];
    if (l.count() == 0) continue;
    std::printf("%-18s %8zu %10.2f %10.2f\n", std::string(code_of(static_cast<OrderRequest>(k))).c_str(), l.count(),
                l.percentile_us(0.50) / 1000, l.percentile_us(0.99) / 1000);
  }
  if (commits && commits->commits > 0)
    std::printf("%llu commits carried %llu writes: %.1f writes per commit, at most %zu\n",
                static_cast<unsigned long long>(commits->commits),
                static_cast<unsigned long long>(commits->jobs_committed),
                static_cast<double>(commits->jobs_committed) / static_cast<double>(commits->commits),
                commits->largest_batch);
  if (r.retries > 0)
    std::printf("%llu creations sent again with their Idempotency-Key after the connection dropped\n",
                static_cast<unsigned long long>(r.retries));
  if (r.failures > 0) std::printf("%llu requests failed\n", static_cast<unsigned long long>(r.failures));
  if (folder)
    std::printf("database: %s%s\n", setup.database.c_str(),
                folder->kept() || setup.store != "sqlite" ? "" : " (removed)");
}

store::GroupCommitter::Counts since(const store::GroupCommitter::Counts& before, const store::GroupCommitter::Counts& after) {
  return {after.commits - before.commits, after.jobs_committed - before.jobs_committed,
          after.jobs_failed - before.jobs_failed, after.largest_batch};
}

// Why a bench could not run, with the exit code to give.
struct BenchProblem : std::runtime_error {
  BenchProblem(const std::string& what, int code) : std::runtime_error(what), exit_code(code) {}
  int exit_code;
};

double cpu_seconds_now() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One order through every step first, untimed: a missing plugin or region fails here with its
// reason, and the CA's one-time set-up (its root key) is not counted as issuing. Then the timed
// run, with this process's CPU over it.
OrderLoadResult measure(OrderLoadPlan plan, const BenchOrdersOptions& o, BenchSetup& setup) {
  OrderLoadPlan check = plan;
  check.clients = 1;
  check.orders = 1;
  check.lifecycle_percent = 100;
  check.first_unit = plan.first_unit + static_cast<std::uint32_t>(o.n);  // a unit the timed run does not use
  const OrderLoadResult checked = run_order_load(check);
  if (checked.completed != 1)
    throw BenchProblem("the first order did not go through: " +
                           (checked.first_failures.empty() ? "?" : checked.first_failures.front()),
                       kExitStageFailure);
  plan.clients = o.clients;
  plan.orders = static_cast<std::uint32_t>(o.n);
  plan.lifecycle_percent = o.lifecycle_percent;
  const double cpu_before = cpu_seconds_now();
  OrderLoadResult result = run_order_load(plan);
  setup.cpu_seconds = cpu_seconds_now() - cpu_before;
  return result;
}

int report(const BenchOrdersOptions& o, const BenchSetup& setup, OrderLoadResult& result,
           const std::optional<store::GroupCommitter::Counts>& commits, const BenchFolder* folder) {
  if (o.json)
    std::cout << report_json(o, setup, result, commits).dump() << "\n";
  else
    print_report(o, setup, result, commits, folder);
  for (const std::string& failure : result.first_failures) std::cerr << "cahub: bench: " << failure << "\n";
  return result.failures == 0 ? kExitOk : kExitStageFailure;
}

// The scratch database's first account is its administrator, who adds the two who work. In a
// PostgreSQL database that has accounts already, the first one cannot be made: it is not empty.
void add_bench_staff(store::SqlStore& database, const std::string& url) {
  staff::StaffDirectory staff(database);
  try {
    const staff::StaffMember admin =
        staff.add_first_account("bench.admin", "Bench admin", orders::Role::Admin, kPassword);
    staff.add(admin, "bench.clerk", "Bench clerk", orders::Role::Clerk, kPassword);
    staff.add(admin, "bench.reviewer", "Bench reviewer", orders::Role::Reviewer, kPassword);
  } catch (const staff::StaffError& e) {
    if (url.empty()) throw;
    throw BenchProblem("--url must name an empty database (" + e.code() + ": " + e.what() + ")", kExitBadInput);
  }
}

// A key-encryption key of 32 random bytes that lives as long as this process.
std::shared_ptr<const sdk::sealing::KeySealer> scratch_key_sealer() {
  std::array<std::uint8_t, sdk::sealing::KeyEncryptionKey::kBytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw BenchProblem("cannot draw a scratch key-encryption key", kExitStageFailure);
  return sdk::sealing::local_key_sealer(sdk::sealing::KeyEncryptionKey(bytes));
}

int bench_in_process(const BenchOrdersOptions& o, const GlobalOptions& global) {
  config::Config cfg = load_config(global);
  std::optional<BenchFolder> folder;
  try {
    folder.emplace(o.folder, cfg.paths.var);
  } catch (const std::invalid_argument& e) {
    throw BenchProblem(e.what(), kExitBadInput);
  }
  cfg.paths.database = folder->path() / "cahub.db";
  cfg.paths.var = folder->path();  // the plugins' CAs too: issuing here touches no real CA
  if (!o.group_commit.empty()) cfg.store.group_commit = o.group_commit == "on";
  cfg.server.threads = static_cast<unsigned>(o.threads > 0 ? o.threads : o.clients);
  // Named here, not by $CAHUB_DATABASE_URL or store.url: the bench never writes into a service
  // point's own database by accident.
  const store::StoreLocation location{cfg.paths.database,
                                      o.url.empty() ? std::nullopt : std::optional(store::postgres::PgUrl::parse(o.url))};
  if (location.shared()) cfg.store.group_commit = false;  // SQLite's answer to one writer (cli/api_service.hpp)
  // On PostgreSQL the plugins keep their CAs in the bench's database, as a shared host's do, and
  // those keys are only ever stored sealed: under a scratch key-encryption key, made here.
  std::shared_ptr<const sdk::sealing::KeySealer> sealer =
      location.shared() ? scratch_key_sealer() : load_key_sealer(cfg);
  const Runtime rt = load_runtime(cfg, location, std::move(sealer));

  // A service point of its own, made here as `cahub db init` would.
  const std::unique_ptr<store::SqlStore> database =
      location.shared() ? std::make_unique<store::postgres::PgStore>(store::postgres::PgStore::open_or_create(*location.url))
                        : std::unique_ptr<store::SqlStore>(
                              std::make_unique<store::Database>(store::Database::open_or_create(location.file)));
  add_bench_staff(*database, o.url);

  BenchSetup setup{.group_commit = rt.config.store.group_commit,
                   .server_threads = rt.config.server.threads,
                   .against = "in-process"};
  setup.store = location.shared() ? "postgresql" : "sqlite";
  setup.database = location.shown();
  std::optional<store::GroupCommitter::Counts> commits;
  OrderLoadResult result;
  std::uint64_t checkpoints = 0;
  {
    ListeningService service(rt.config, rt, location);
    // As `cahub serve` runs it, with a scratch key and file: the bench measures what anchoring costs.
    std::unique_ptr<audit::Checkpointer> checkpointer;
    if (o.checkpoints)
      checkpointer = std::make_unique<audit::Checkpointer>(
          store::open_store(location), audit::CheckpointTarget{audit::SigningKey::generate(), folder->path() / "checkpoints.jsonl"},
          std::chrono::milliseconds(cfg.audit.checkpoint_interval_ms));
    OrderLoadPlan plan;
    plan.targets = {Endpoint{"127.0.0.1", service.port()}};
    plan.clerk_token = sign_in(plan.targets[0], "bench.clerk");
    plan.reviewer_token = sign_in(plan.targets[0], "bench.reviewer");
    plan.first_unit = o.first_unit >= 0 ? static_cast<std::uint32_t>(o.first_unit) : 1;
    const auto* committer = service.group_committer();
    const auto before = committer ? committer->counts() : store::GroupCommitter::Counts{};
    result = measure(plan, o, setup);
    if (committer) commits = since(before, committer->counts());
    if (checkpointer) checkpoints = checkpointer->taken();
  }
  if (o.checkpoints && !o.json)
    std::cout << "audit checkpoints: " << checkpoints << " signed during the run, every " << cfg.audit.checkpoint_interval_ms
              << " ms at most\n";
  return report(o, setup, result, commits, &*folder);
}

// "http://127.0.0.1:8080/" → {127.0.0.1, 8080}.
Endpoint endpoint_of(std::string url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) throw BenchProblem("--target takes http://HOST:PORT URLs, not " + url, kExitBadInput);
  url = url.substr(scheme.size());
  if (!url.empty() && url.back() == '/') url.pop_back();
  const std::size_t colon = url.rfind(':');
  Endpoint e;
  e.host = url.substr(0, colon);
  try {
    e.port = colon == std::string::npos ? 80 : std::stoi(url.substr(colon + 1));
  } catch (const std::exception&) {
    throw BenchProblem("--target: no port in " + scheme + url, kExitBadInput);
  }
  if (e.host.empty() || e.port <= 0 || e.port > 65535) throw BenchProblem("--target: bad URL " + scheme + url, kExitBadInput);
  return e;
}

int bench_against_targets(const BenchOrdersOptions& o) {
  const char* password = std::getenv("CAHUB_BENCH_PASSWORD");
  if (!password || !*password)
    throw BenchProblem("--target needs the password of --clerk and --reviewer in $CAHUB_BENCH_PASSWORD", kExitBadInput);
  OrderLoadPlan plan;
  for (std::size_t at = 0; at <= o.target.size();) {
    const std::size_t comma = std::min(o.target.find(',', at), o.target.size());
    plan.targets.push_back(endpoint_of(o.target.substr(at, comma - at)));
    at = comma + 1;
  }
  try {
    plan.clerk_token = sign_in(plan.targets[0], o.clerk, password);
    plan.reviewer_token = sign_in(plan.targets[0], o.reviewer, password);
  } catch (const std::runtime_error& e) {
    throw BenchProblem(e.what(), kExitStageFailure);
  }
  // Units the target has not seen: one open order per unit and CA would refuse a repeat. Synthetic
  // unit numbers stay below 10^8 (identifiers/synthetic_uscc.hpp).
  std::random_device random;
  const auto last_start = static_cast<std::uint32_t>(99'999'999 - o.n);
  plan.first_unit = o.first_unit >= 0 ? static_cast<std::uint32_t>(o.first_unit)
                                      : std::uniform_int_distribution<std::uint32_t>(1, last_start)(random);
  BenchSetup setup{.against = o.target, .cpu_includes_server = false};
  OrderLoadResult result = measure(plan, o, setup);
  return report(o, setup, result, std::nullopt, nullptr);
}

}  // namespace

CommandRun add_bench_orders_command(CLI::App& bench, const GlobalOptions& global) {
  auto o = std::make_shared<BenchOrdersOptions>();
  CLI::App* cmd = bench.add_subcommand("orders", "Order creations per second through the HTTP API, durably committed");
  cmd->add_option("--clients", o->clients, "Concurrent clients, one keep-alive connection each")->check(CLI::Range(1, 256));
  cmd->add_option("--n", o->n, "Orders to create, each for its own unit")->check(CLI::Range(1LL, 10'000'000LL));
  cmd->add_option("--threads", o->threads, "Server worker threads (default: one per client)")->check(CLI::Range(1, 256));
  cmd->add_option("--group-commit", o->group_commit, "on or off (default: store.group_commit)")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--lifecycle-percent", o->lifecycle_percent,
                  "Share of the orders then taken through the whole lifecycle, issuing included (default 5)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--folder", o->folder, "Keep the database and CA state in this new or empty folder");
  cmd->add_flag("--json", o->json, "Print the figures as one JSON object");
  cmd->add_option("--url", o->url,
                  "Measure on this empty PostgreSQL database (postgresql://…, its schema made here) instead of a "
                  "scratch SQLite file; each worker commits its own transaction");
  cmd->add_flag("--checkpoints", o->checkpoints,
                "Sign audit checkpoints while measuring, as a server with [audit] set does (a scratch key and file)");

  cmd->add_option("--target", o->target,
                  "Drive running servers instead (http://HOST:PORT, comma-separated), with --clerk and --reviewer "
                  "accounts there and their password in $CAHUB_BENCH_PASSWORD");
  cmd->add_option("--clerk", o->clerk, "--target: the clerk's login (default bench.clerk)");
  cmd->add_option("--reviewer", o->reviewer, "--target: the reviewer's login (default bench.reviewer)");
  cmd->add_option("--first-unit", o->first_unit, "First synthetic unit number (default: 1, or random with --target)")
      ->check(CLI::Range(0LL, 89'999'999LL));

  return [o, cmd, &global]() -> int {
    if (!cmd->parsed()) return kExitBadInput;
    try {
      return o->target.empty() ? bench_in_process(*o, global) : bench_against_targets(*o);
    } catch (const BenchProblem& e) {
      std::cerr << "cahub: bench: " << e.what() << "\n";
      return e.exit_code;
    }
  };
}

}  // namespace cahub::cli
