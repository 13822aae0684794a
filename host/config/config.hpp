#pragma once
// Everything cahub.toml can set, with the defaults that apply when it does not. What each key means,
// its type, bounds and default are described once, in settings.cpp, for validation, --help and docs.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/log_level.hpp"
#include "domain/date.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::config {

// Folders and files. Absolute, or relative to the working directory; a relative path written in a
// config file is resolved against that file's folder before it gets here.
struct Paths {
  std::filesystem::path plugins;   // scanned for CA plugins (*.so)
  std::filesystem::path rules;     // region rule scripts
  std::filesystem::path database;  // the SQLite database
  std::filesystem::path var;       // CA keys, plugin state
};

// The paths that apply without a config file. The executable computes them (from its build tree
// or install prefix), so this library hard-wires no path.
using Defaults = Paths;

// What a client may take of the server is bounded here; http/limits.hpp says why each default.
struct Server {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned threads = 4;  // each worker has its own Lua state and database connection
  std::size_t max_body_bytes = 4u << 20;  // a material upload of up to 2 MB (SZCA) fits
  std::size_t max_header_bytes = 16u << 10;
  std::uint32_t header_timeout_ms = 10'000;
  std::uint32_t body_timeout_ms = 60'000;
  std::uint32_t idle_timeout_ms = 30'000;
  std::uint32_t write_timeout_ms = 30'000;
  std::uint32_t max_connections = 1024;
  std::uint32_t max_connections_per_address = 128;
  bool access_log = false;  // one JSON line a request on stderr (observability/access_log.hpp)
};

// How `cahub serve` bounds POST /v1/login (staff/sign_in_throttle.hpp, password_check_turns.hpp).
// In memory: a login refused for too many failures is let through again once the window has
// passed, and a restart forgets every count.
struct SignIn {
  unsigned failures_per_login = 10;    // failed sign-ins for one login within the window
  unsigned failures_per_address = 30;  // failed sign-ins from one address, across logins
  std::uint32_t window_seconds = 60;
  unsigned concurrent_checks = 2;  // password checks at once: half the default 4 workers
  unsigned queued_checks = 1;      // sign-ins that may wait (up to 2 s) for a check's turn
};

// [rules] source: releases in the store, or the scripts of the rules folder.
inline constexpr std::array<std::string_view, 2> kRulesSources{"store", "files"};

// Hot reload of the rules folder by `cahub serve` (rules/rules_folder_watcher.hpp).
struct RulesWatch {
  std::uint32_t milliseconds = 1000;  // 0: scripts are read once, at start
};

// The store's write path in `cahub serve` (store/group_commit.hpp).
struct Store {
  // On: one writer thread commits the writes of concurrent requests together, one durable commit
  // for many. Off: each worker thread commits its own request's transaction on its own connection.
  bool group_commit = true;
  // Empty: the SQLite file of paths.database. Otherwise a postgresql:// URL without a password
  // (libpq finds it in ~/.pgpass, $PGPASSFILE or $PGPASSWORD): the database several hosts share.
  // $CAHUB_DATABASE_URL takes precedence (cli/database_url.hpp).
  std::string url;
};

// GET /metrics (server/metrics_route.hpp): Prometheus text, for a bearer token kept apart from
// staff accounts, in `<paths.var>/metrics.token` (made at the first start, 0600) or
// $CAHUB_METRICS_TOKEN.
struct Metrics {
  bool enabled = true;
};

// The audit chain's anchors (audit/checkpointer.hpp): where signed checkpoints of the chain's head
// go, with which key, how often, and the public key verifiers check them with. The signing key is
// never in the database; $CAHUB_AUDIT_SIGNING_KEY (the PEM itself) takes precedence over the file.
// Empty paths are unset.
struct Audit {
  std::filesystem::path signing_key_file;  // Ed25519 private key, PKCS#8 PEM, 0600
  std::filesystem::path public_key_file;   // what `cahub audit verify` checks signatures with
  std::filesystem::path checkpoint_file;   // JSON lines, appended, 0600
  std::uint32_t checkpoint_interval_ms = 1000;
  bool checkpoint_syslog = false;
};

// [keys]: the key-encryption key (KEK) that seals CA private keys at rest (AES-256-GCM,
// sdk/include/cahub/key_sealing.hpp): 32 bytes as 64 hex digits or base64, in `kek_file` (owned
// by the server's user or root, not readable by group or others) or in $CAHUB_KEY_ENCRYPTION_KEY.
struct Keys {
  std::filesystem::path kek_file;  // empty: not set
};

struct Log {
  LogLevel level = LogLevel::Info;
};

// Working days, for SLA due dates: Monday to Friday, minus holidays, plus make-up working days.
struct Calendar {
  std::vector<Date> holidays;  // non-working weekdays (法定节假日); sorted, no duplicates
  std::vector<Date> workdays;  // Saturdays and Sundays that are working days (调休); sorted, no duplicates
};

// [plugins.<id>] tables: settings handed to one plugin as they are (key, value as text), in the
// order written. The host does not interpret them; the plugin checks its own.
using PluginSettings = std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>>;

struct Config {
  Paths paths;
  Server server;
  SignIn sign_in;
  rules::SandboxLimits rules;
  RulesWatch rules_watch;  // [rules] watch_milliseconds
  std::string rules_source = "files";  // [rules] source: "store" or "files" (kRulesSources)
  Store store;
  Metrics metrics;
  Audit audit;
  Keys keys;
  Log log;
  Calendar calendar;
  PluginSettings plugins;
};

// The configuration without a config file: `defaults` for the paths, the built-in values for the rest.
Config default_config(const Defaults& defaults);

}  // namespace cahub::config
