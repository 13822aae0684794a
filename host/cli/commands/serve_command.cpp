// `cahub serve`: the main job. Loads plugins and scripts, then answers HTTP (http/server.hpp: one
// I/O thread, a pool of worker threads) until SIGINT or SIGTERM, reloading region scripts as they
// are edited (hot reload).
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <sys/resource.h>
#include <spdlog/spdlog.h>
#include <thread>

#include "audit/audit_error.hpp"
#include "audit/checkpointer.hpp"
#include "cli/api_service.hpp"
#include "cli/audit_keys.hpp"
#include "cli/commands/commands.hpp"
#include "cli/database_url.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "releases/release_source.hpp"
#include "rules/rules_folder_watcher.hpp"
#include "store/database.hpp"
#include "store/database_watch.hpp"
#include "store/postgres/pg_watch.hpp"
#include "store/serving_lock.hpp"

namespace cahub::cli {
namespace {

struct ServeOptions {
  std::string listen;
  int port = -1;
  int threads = 0;
};

// Every open connection is a file descriptor, and the default soft limit (often 1024) is below
// what server.max_connections allows: raise it to the hard limit, as nginx and HAProxy do, and
// say so when even that is short (accepting then fails and is retried; nothing crashes).
void raise_open_file_limit(std::uint32_t max_connections) {
  const rlim_t wanted = static_cast<rlim_t>(max_connections) + 256;  // the database, plugins, logs
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < wanted && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = std::min(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur < wanted)
    spdlog::warn("the open-file limit ({}) is below server.max_connections ({}) plus 256: raise it (ulimit -n, "
                 "LimitNOFILE=) or lower server.max_connections",
                 static_cast<unsigned long long>(limit.rlim_cur), max_connections);
}

}  // namespace

CommandRun add_serve_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP API (default 127.0.0.1:8080)");
  cmd->add_option("--listen", o->listen, "Address to listen on (default from config: 127.0.0.1)");
  cmd->add_option("--port", o->port, "Port; 0 picks a free one and prints it")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", o->threads, "Worker threads")->check(CLI::Range(1, 256));

  return [o, &global]() -> int {
    // Signals are taken by one thread with sigwait, so they must be blocked before any worker
    // thread exists (threads inherit the mask).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    config::Config loaded = load_config(global, Job::Service);
    if (!o->listen.empty()) loaded.server.listen = o->listen;
    if (o->port >= 0) loaded.server.port = o->port;
    if (o->threads > 0) loaded.server.threads = o->threads;

    // Migrations are applied at start, so a schema problem stops the server before it answers. The
    // database must exist and be writable (`cahub db init` makes it): a missing one is a lost one.
    // Opened before the plugins load, so that a wrong path or URL stops here with nothing made.
    const store::StoreLocation location = chosen_store(loaded);
    const std::unique_ptr<store::SqlStore> store = store::open_store(location);
    // SQLite: held for the server's life, so that `cahub restore` refuses to overwrite a database
    // being served. PostgreSQL is backed up and restored with its own tools (docs/deployment.md).
    std::optional<store::ServingLock> serving;
    if (!location.shared()) serving.emplace(std::filesystem::absolute(location.file), store::ServingLock::Mode::Serving);

    Runtime rt = load_runtime(std::move(loaded));
    config::Config& cfg = rt.config;

    // Not refused at load: a small deployment may knowingly trade this for fewer threads.
    if (cfg.sign_in.concurrent_checks + cfg.sign_in.queued_checks >= cfg.server.threads)
      spdlog::warn("sign_in.concurrent_checks + sign_in.queued_checks ({}) is not below server.threads ({}): a "
                   "flood of sign-ins can hold every worker thread",
                   cfg.sign_in.concurrent_checks + cfg.sign_in.queued_checks, cfg.server.threads);

    // Warned, not refused: a development or test service point runs without one (docs/architecture.md,
    // Keys at rest); a production one sets it, and this line is how it notices it did not.
    if (!rt.plugins->seals_keys() && rt.plugins->keeps_plugin_state())
      spdlog::warn("no key-encryption key is configured ($CAHUB_KEY_ENCRYPTION_KEY or [keys] kek_file): the CAs keep "
                   "their keys in the shared database, sealed only, so they cannot issue, freeze or revoke until "
                   "every host has the same key-encryption key");
    else if (!rt.plugins->seals_keys())
      spdlog::warn("no key-encryption key is configured ($CAHUB_KEY_ENCRYPTION_KEY or [keys] kek_file): CA private "
                   "keys under {} are stored unencrypted", (cfg.paths.var / "ca").string());

    std::optional<audit::CheckpointTarget> anchors;
    try {
      anchors = configured_checkpoints(cfg);
    } catch (const audit::AuditAnchorError& e) {  // a key that is set but unusable stops the start
      std::cerr << "cahub: " << e.code() << ": " << e.what() << "\n";
      return kExitBadInput;
    }

    // From now on a deleted, replaced or read-only file turns /healthz 503 and refuses writes,
    // within a second; logged once each time the condition changes.
    std::optional<store::DatabaseWatch> watch;
    if (!location.shared())
      watch.emplace(
          std::filesystem::absolute(location.file), std::chrono::seconds(1),
          [](store::DatabaseCondition now, store::DatabaseCondition, const std::string& seen) {
            if (now == store::DatabaseCondition::Sound)
              spdlog::warn("database {} can be written again: writes are taken again", seen);
            else
              spdlog::error("database unusable: {}; /healthz answers 503 and writes are refused (store_unavailable) "
                            "until it is mended{}",
                            seen, now == store::DatabaseCondition::ReadOnly ? "" : " and the server restarted");
          });

    // PostgreSQL: /healthz answers 503 "unreachable" while the database server cannot be reached,
    // so that a load balancer takes this host out; logged once each time it changes.
    std::optional<store::postgres::PgWatch> pg_watch;
    if (location.url)
      pg_watch.emplace(*location.url, std::chrono::seconds(1), [](store::DatabaseCondition now, const std::string& seen) {
        if (now == store::DatabaseCondition::Sound)
          spdlog::warn("database {} answers again", seen);
        else
          spdlog::error("database unreachable: {}; /healthz answers 503 until it answers again", seen);
      });

    ApiService service(cfg, *rt.rule_book, *rt.plugins, location, pg_watch ? pg_watch->health() : nullptr);
    // An order left issuing or carrying_out by a crash is finished before anyone can act on it.
    // Each one is logged as it is reconciled.
    (void)service.reconcile(*store);
    http::Server& http = service.http();
    raise_open_file_limit(cfg.server.max_connections);

    int port = -1;
    try {
      port = http.bind(cfg.server.listen, cfg.server.port);
    } catch (const std::system_error& e) {
      std::cerr << "cahub: cannot listen on " << cfg.server.listen << ":" << cfg.server.port << " (" << e.what()
                << ")\n";
      return kExitBadInput;
    }

    // Started after the first load, so the files there now count as loaded; stopped (destroyed)
    // before the rule book, which it writes to.
    std::unique_ptr<rules::RulesFolderWatcher> rules_watcher;
    std::unique_ptr<releases::ReleaseWatcher> release_watcher;
    if (rt.rules_loaded) {
      // rules.source = "store": releases other hosts publish arrive at the next poll, and this
      // host's own at once.
      release_watcher = std::make_unique<releases::ReleaseWatcher>(
          *rt.rule_book, store::open_store(location), std::chrono::milliseconds(cfg.rules_watch.milliseconds),
          *rt.rules_loaded);
      service.on_rules_published([&watcher = *release_watcher, &metrics = service.metrics()] {
        try {
          if (watcher.refresh()) metrics.rules_reloaded(true);
        } catch (const std::exception& e) {
          spdlog::warn("rule releases not re-read after a publication: {}", e.what());
        }
      });
    } else if (cfg.rules_watch.milliseconds > 0) {
      rules_watcher = std::make_unique<rules::RulesFolderWatcher>(
          *rt.rule_book, cfg.paths.rules, std::chrono::milliseconds(cfg.rules_watch.milliseconds),
          [&metrics = service.metrics()](bool taken) { metrics.rules_reloaded(taken); });
    }

    // Signed checkpoints of the audit chain, off the write path (audit/checkpointer.hpp). Made
    // after everything that writes, so that it is destroyed first: its last checkpoint, at a
    // clean stop, follows the last write the server acknowledged.
    std::unique_ptr<audit::Checkpointer> checkpointer;
    if (anchors) {
      spdlog::info("audit checkpoints every {} ms to {}, key {}", cfg.audit.checkpoint_interval_ms,
                   anchors->file.string(), anchors->key.verifying_key().fingerprint().substr(0, 16));
      checkpointer = std::make_unique<audit::Checkpointer>(store::open_store(location), std::move(*anchors),
                                                           std::chrono::milliseconds(cfg.audit.checkpoint_interval_ms));
    } else {
      spdlog::warn("audit checkpoints off: the audit chain's end is not anchored (set [audit] checkpoint_file and "
                   "signing_key_file; docs/architecture.md, \"The audit trail\")");
    }

    std::thread signal_waiter([&] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      spdlog::info("signal {} received, stopping", sig);
      http.stop();
    });
    spdlog::info("cahub serving on http://{}:{} with {} worker threads, {} regions, {} plugins; store {}, group "
                 "commit {}; {}",
                 cfg.server.listen, port, cfg.server.threads, rt.rule_book->ids().size(), rt.plugins->ids().size(),
                 location.shown(), service.group_committer() ? "on" : "off",
                 release_watcher ? "rules from the store's releases"
                 : rules_watcher ? "watching " + cfg.paths.rules.string() + " every " +
                                       std::to_string(cfg.rules_watch.milliseconds) + " ms"
                                 : std::string("hot reload off"));
    // Tests and scripts read the port from this line when they asked for port 0.
    std::cout << "listening on http://" << cfg.server.listen << ":" << port << std::endl;
    try {
      http.run();  // returns once the signal waiter has stopped it and the requests in flight are answered
    } catch (...) {
      pthread_kill(signal_waiter.native_handle(), SIGTERM);  // wake it, so that it can be joined
      signal_waiter.join();
      throw;
    }
    signal_waiter.join();
    spdlog::info("stopped");
    return kExitOk;
  };
}

}  // namespace cahub::cli
