#include "config/settings.hpp"

#include <algorithm>
#include <cstdio>

namespace cahub::config {
namespace {

std::string show_path(const std::filesystem::path& path) { return toml_string(path.generic_string()); }

std::string show_dates(const std::vector<Date>& dates) {
  std::string text = "[";
  for (const Date& d : dates) text += (text.size() > 1 ? ", \"" : "\"") + d.iso() + "\"";
  return text + "]";
}

std::string show_integer(std::uint64_t value) { return std::to_string(value); }

std::string show_boolean(bool value) { return value ? "true" : "false"; }

std::int64_t integer(const SettingValue& v) { return std::get<std::int64_t>(v); }
const std::filesystem::path& path(const SettingValue& v) { return std::get<std::filesystem::path>(v); }

// Bounds: wide enough for any sensible deployment, narrow enough to catch a typo (an extra zero,
// bytes given in MiB) before it starts a server that cannot work.
const Setting schema[] = {
    {.table = "paths", .key = "plugins", .type = SettingType::Path,
     .description = "Folder scanned for CA plugins (`*.so`).",
     .show = [](const Config& c) { return show_path(c.paths.plugins); },
     .store = [](Config& c, const SettingValue& v) { c.paths.plugins = path(v); }},
    {.table = "paths", .key = "rules", .type = SettingType::Path,
     .description = "Folder of region rule scripts (one Lua script per region).",
     .show = [](const Config& c) { return show_path(c.paths.rules); },
     .store = [](Config& c, const SettingValue& v) { c.paths.rules = path(v); }},
    {.table = "paths", .key = "database", .type = SettingType::Path,
     .description = "The SQLite database file; created with its folders if missing.",
     .show = [](const Config& c) { return show_path(c.paths.database); },
     .store = [](Config& c, const SettingValue& v) { c.paths.database = path(v); }},
    {.table = "paths", .key = "var", .type = SettingType::Path,
     .description = "Folder for state: CA keys and plugin state. A host on a shared PostgreSQL store (store.url) "
                    "writes nothing here: the plugins keep their state in the database.",
     .show = [](const Config& c) { return show_path(c.paths.var); },
     .store = [](Config& c, const SettingValue& v) { c.paths.var = path(v); }},

    {.table = "server", .key = "listen", .type = SettingType::String,
     .description = "Address the HTTP API listens on. The default answers only on this machine.",
     .show = [](const Config& c) { return toml_string(c.server.listen); },
     .store = [](Config& c, const SettingValue& v) { c.server.listen = std::get<std::string>(v); }},
    {.table = "server", .key = "port", .type = SettingType::Integer,
     .description = "TCP port of the HTTP API.", .min = 1, .max = 65535,
     .show = [](const Config& c) { return show_integer(c.server.port); },
     .store = [](Config& c, const SettingValue& v) { c.server.port = static_cast<std::uint16_t>(integer(v)); }},
    {.table = "server", .key = "threads", .type = SettingType::Integer,
     .description = "Worker threads that run the routes; each has its own Lua state and database connection. A request "
                    "waiting for its commit holds one, so with group commit one COMMIT carries at most this many "
                    "writes: a service point that writes much wants 16 to 32 (README, Performance).",
     .min = 1, .max = 256,
     .show = [](const Config& c) { return show_integer(c.server.threads); },
     .store = [](Config& c, const SettingValue& v) { c.server.threads = static_cast<unsigned>(integer(v)); }},
    {.table = "server", .key = "max_body_bytes", .type = SettingType::Integer,
     .description = "Largest HTTP request body the server accepts, in bytes; at least the largest upload a provider accepts (SZCA: 2 MB).",
     .min = 1024, .max = 1 << 30,
     .show = [](const Config& c) { return show_integer(c.server.max_body_bytes); },
     .store = [](Config& c, const SettingValue& v) { c.server.max_body_bytes = static_cast<std::size_t>(integer(v)); }},
    {.table = "server", .key = "max_header_bytes", .type = SettingType::Integer,
     .description = "Largest request line and headers together, in bytes; more is answered 431 `header_too_large`.",
     .min = 1024, .max = 1 << 20,
     .show = [](const Config& c) { return show_integer(c.server.max_header_bytes); },
     .store = [](Config& c, const SettingValue& v) { c.server.max_header_bytes = static_cast<std::size_t>(integer(v)); }},
    {.table = "server", .key = "header_timeout_ms", .type = SettingType::Integer,
     .description = "Time from a request's first byte to the end of its headers, in milliseconds; a client slower "
                    "than that is answered 408 `header_timeout` and disconnected.",
     .min = 100, .max = 600'000,
     .show = [](const Config& c) { return show_integer(c.server.header_timeout_ms); },
     .store = [](Config& c, const SettingValue& v) { c.server.header_timeout_ms = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "server", .key = "body_timeout_ms", .type = SettingType::Integer,
     .description = "Time to receive a request's whole body once its headers are in, in milliseconds (408 "
                    "`body_timeout`). The default lets a 4 MB upload through at 1 Mbit/s.",
     .min = 100, .max = 3'600'000,
     .show = [](const Config& c) { return show_integer(c.server.body_timeout_ms); },
     .store = [](Config& c, const SettingValue& v) { c.server.body_timeout_ms = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "server", .key = "idle_timeout_ms", .type = SettingType::Integer,
     .description = "How long a keep-alive connection may wait with no request begun before it is closed, in "
                    "milliseconds.",
     .min = 100, .max = 3'600'000,
     .show = [](const Config& c) { return show_integer(c.server.idle_timeout_ms); },
     .store = [](Config& c, const SettingValue& v) { c.server.idle_timeout_ms = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "server", .key = "write_timeout_ms", .type = SettingType::Integer,
     .description = "Time a client has to take an answer, in milliseconds; one that does not read it is "
                    "disconnected.",
     .min = 100, .max = 3'600'000,
     .show = [](const Config& c) { return show_integer(c.server.write_timeout_ms); },
     .store = [](Config& c, const SettingValue& v) { c.server.write_timeout_ms = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "server", .key = "max_connections", .type = SettingType::Integer,
     .description = "Connections open at once, from all clients; one more is answered 503 `server_full` and closed. "
                    "`cahub serve` raises its open-file limit to fit, and warns when it cannot.",
     .min = 8, .max = 1'000'000,
     .show = [](const Config& c) { return show_integer(c.server.max_connections); },
     .store = [](Config& c, const SettingValue& v) { c.server.max_connections = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "server", .key = "max_connections_per_address", .type = SettingType::Integer,
     .description = "Connections open at once from one client address (503 `address_full`). Behind a reverse "
                    "proxy every client has the proxy's address: raise it to `max_connections`, and bound clients "
                    "at the proxy.",
     .min = 1, .max = 1'000'000,
     .show = [](const Config& c) { return show_integer(c.server.max_connections_per_address); },
     .store = [](Config& c, const SettingValue& v) {
       c.server.max_connections_per_address = static_cast<std::uint32_t>(integer(v));
     }},
    {.table = "server", .key = "access_log", .type = SettingType::Boolean,
     .description = "Whether to log every request as one JSON object a line on standard error: time, address, "
                    "method, route, path without its query, status, bytes, milliseconds, request id, staff login.",
     .show = [](const Config& c) { return show_boolean(c.server.access_log); },
     .store = [](Config& c, const SettingValue& v) { c.server.access_log = std::get<bool>(v); }},

    {.table = "sign_in", .key = "failures_per_login", .type = SettingType::Integer,
     .description = "Failed sign-ins for one login within `sign_in.window_seconds` after which POST /v1/login refuses "
                    "it (429 `sign_in_throttled`, with Retry-After) without checking the password, until the oldest "
                    "failure leaves the window. A successful sign-in clears them; a restart forgets them.",
     .min = 1, .max = 1000,
     .show = [](const Config& c) { return show_integer(c.sign_in.failures_per_login); },
     .store = [](Config& c, const SettingValue& v) { c.sign_in.failures_per_login = static_cast<unsigned>(integer(v)); }},
    {.table = "sign_in", .key = "failures_per_address", .type = SettingType::Integer,
     .description = "Failed sign-ins from one client address, across logins, within the window after which every "
                    "sign-in from it is refused the same way. Behind a reverse proxy every client has the proxy's "
                    "address: raise it, or throttle at the proxy.",
     .min = 1, .max = 1'000'000,
     .show = [](const Config& c) { return show_integer(c.sign_in.failures_per_address); },
     .store = [](Config& c, const SettingValue& v) { c.sign_in.failures_per_address = static_cast<unsigned>(integer(v)); }},
    {.table = "sign_in", .key = "window_seconds", .type = SettingType::Integer,
     .description = "The sliding window failed sign-ins are counted over, in seconds.", .min = 1, .max = 86'400,
     .show = [](const Config& c) { return show_integer(c.sign_in.window_seconds); },
     .store = [](Config& c, const SettingValue& v) { c.sign_in.window_seconds = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "sign_in", .key = "concurrent_checks", .type = SettingType::Integer,
     .description = "Password checks (600,000 PBKDF2 iterations each) that run at once, so sign-ins cannot take every "
                    "worker thread from quotes and orders.", .min = 1, .max = 256,
     .show = [](const Config& c) { return show_integer(c.sign_in.concurrent_checks); },
     .store = [](Config& c, const SettingValue& v) { c.sign_in.concurrent_checks = static_cast<unsigned>(integer(v)); }},
    {.table = "sign_in", .key = "queued_checks", .type = SettingType::Integer,
     .description = "Sign-ins that may wait, up to 2 seconds, for a check's turn; any more are answered at once with "
                    "503 `sign_in_busy` and Retry-After: 1. A waiting sign-in holds a worker thread too: keep "
                    "`concurrent_checks + queued_checks` below `server.threads`.", .min = 0, .max = 256,
     .show = [](const Config& c) { return show_integer(c.sign_in.queued_checks); },
     .store = [](Config& c, const SettingValue& v) { c.sign_in.queued_checks = static_cast<unsigned>(integer(v)); }},

    {.table = "rules", .key = "instructions_per_call", .type = SettingType::Integer,
     .description = "Lua VM instructions one rule-script call may run before it is stopped.",
     .min = 1000, .max = 1'000'000'000,
     .show = [](const Config& c) { return show_integer(c.rules.instructions_per_call); },
     .store = [](Config& c, const SettingValue& v) {
       c.rules.instructions_per_call = static_cast<std::uint64_t>(integer(v));
     }},
    {.table = "rules", .key = "memory_bytes", .type = SettingType::Integer,
     .description = "Memory one worker's Lua state may allocate, scripts and libraries included.",
     .min = 1 << 20, .max = 1 << 30,
     .show = [](const Config& c) { return show_integer(c.rules.memory_bytes); },
     .store = [](Config& c, const SettingValue& v) { c.rules.memory_bytes = static_cast<std::size_t>(integer(v)); }},
    {.table = "rules", .key = "total_memory_bytes", .type = SettingType::Integer,
     .description = "Memory all Lua states of the process may allocate together (a state is made per script and "
                    "per worker thread). Past it, loading a script or evaluating a rule function fails with a memory "
                    "error and the host goes on; states of unloaded scripts are freed at once.",
     .min = 1 << 20, .max = std::int64_t{1} << 40,
     .show = [](const Config& c) { return show_integer(c.rules.total_memory_bytes); },
     .store = [](Config& c, const SettingValue& v) {
       c.rules.total_memory_bytes = static_cast<std::size_t>(integer(v));
     }},

    {.table = "rules", .key = "milliseconds_per_call", .type = SettingType::Integer,
     .description = "Wall-clock time one rule-script call may take before it is stopped; a backstop for single "
                    "instructions that do a lot of work.",
     .min = 10, .max = 60'000,
     .show = [](const Config& c) { return show_integer(c.rules.milliseconds_per_call); },
     .store = [](Config& c, const SettingValue& v) {
       c.rules.milliseconds_per_call = static_cast<std::uint32_t>(integer(v));
     }},

    {.table = "rules", .key = "source", .type = SettingType::Choice,
     .description = "Where the region rules come from. \"store\": releases in the database, changed through the "
                    "console's rules workbench or `cahub rules draft|submit|approve|publish` with four eyes, an audit "
                    "event per change, scheduling and rollback; the rules folder only seeds regions the store does "
                    "not have yet. \"files\": the scripts in paths.rules, swapped in when edited (for development "
                    "and tests; nothing records who changed what). Production service points run \"store\".",
     .show = [](const Config& c) { return toml_string(c.rules_source); },
     .store = [](Config& c, const SettingValue& v) { c.rules_source = std::get<std::string>(v); },
     .choices = kRulesSources},

    {.table = "rules", .key = "watch_milliseconds", .type = SettingType::Integer,
     .description = "How often `cahub serve` looks for changed rules: with rules.source = \"files\", changed, added "
                    "or removed scripts in the rules folder (a changed script is checked and swapped in without a "
                    "restart, a failing one is refused and the version in force stays); with \"store\", releases "
                    "another host published. 0 turns it off.",
     .min = 0, .max = 3'600'000,
     .show = [](const Config& c) { return show_integer(c.rules_watch.milliseconds); },
     .store = [](Config& c, const SettingValue& v) { c.rules_watch.milliseconds = static_cast<std::uint32_t>(integer(v)); }},

    {.table = "store", .key = "group_commit", .type = SettingType::Boolean,
     .description = "Whether `cahub serve` lets concurrent requests share one durable commit: one writer thread "
                    "runs their writes in one transaction and answers each only after that COMMIT. Off, each worker "
                    "thread commits its own request: one disk flush per write.",
     .show = [](const Config& c) { return show_boolean(c.store.group_commit); },
     .store = [](Config& c, const SettingValue& v) { c.store.group_commit = std::get<bool>(v); }},
    {.table = "store", .key = "url", .type = SettingType::DatabaseUrl,
     .description = "A PostgreSQL database (postgresql://user@host:5432/cahub) instead of the SQLite file of "
                    "paths.database: the store several `cahub serve` hosts share (docs/deployment.md). No password "
                    "here, where `cahub config show` prints it: libpq reads it from ~/.pgpass, $PGPASSFILE or "
                    "$PGPASSWORD. $CAHUB_DATABASE_URL, when set, takes precedence. Unset: SQLite.",
     .show = [](const Config& c) { return toml_string(c.store.url); },
     .store = [](Config& c, const SettingValue& v) { c.store.url = std::get<std::string>(v); },
     .optional = true},

    {.table = "metrics", .key = "enabled", .type = SettingType::Boolean,
     .description = "Whether `cahub serve` answers GET /metrics (Prometheus text) to a bearer token of its own: "
                    "$CAHUB_METRICS_TOKEN, or the one in `<paths.var>/metrics.token`, made (0600) at the first start; "
                    "on a shared PostgreSQL store only the variable (the same on every host), and /metrics is off "
                    "without it. Staff tokens are not accepted there. Off, /metrics is 404.",
     .show = [](const Config& c) { return show_boolean(c.metrics.enabled); },
     .store = [](Config& c, const SettingValue& v) { c.metrics.enabled = std::get<bool>(v); }},

    {.table = "audit", .key = "signing_key_file", .type = SettingType::Path,
     .description = "Ed25519 private key (PKCS#8 PEM, readable by its owner only) that signs checkpoints of the audit "
                    "chain; made by `cahub audit keygen --out FILE`. $CAHUB_AUDIT_SIGNING_KEY (the PEM itself) takes "
                    "precedence. Keep it out of the database's folder: whoever holds it can sign a rewritten chain.",
     .show = [](const Config& c) { return show_path(c.audit.signing_key_file); },
     .store = [](Config& c, const SettingValue& v) { c.audit.signing_key_file = path(v); },
     .optional = true},
    {.table = "audit", .key = "public_key_file", .type = SettingType::Path,
     .description = "Ed25519 public key (PEM) that `cahub audit verify` checks checkpoint signatures with "
                    "(`cahub audit public-key` prints it). Unset, the signing key's public half is used.",
     .show = [](const Config& c) { return show_path(c.audit.public_key_file); },
     .store = [](Config& c, const SettingValue& v) { c.audit.public_key_file = path(v); },
     .optional = true},
    {.table = "audit", .key = "checkpoint_file", .type = SettingType::Path,
     .description = "File (JSON lines, appended, 0600) where `cahub serve` and `cahub audit checkpoint` write signed "
                    "checkpoints of the chain's head, and where `cahub audit verify` reads them. Put it where the "
                    "database's writers cannot write. Unset, the chain's end is not anchored.",
     .show = [](const Config& c) { return show_path(c.audit.checkpoint_file); },
     .store = [](Config& c, const SettingValue& v) { c.audit.checkpoint_file = path(v); },
     .optional = true},
    {.table = "audit", .key = "checkpoint_interval_ms", .type = SettingType::Integer,
     .description = "How often `cahub serve` looks at the chain's head and signs a checkpoint if it moved; also one "
                    "at a clean stop. At most this much of the trail is unanchored after a crash.",
     .min = 100, .max = 3'600'000,
     .show = [](const Config& c) { return show_integer(c.audit.checkpoint_interval_ms); },
     .store = [](Config& c, const SettingValue& v) { c.audit.checkpoint_interval_ms = static_cast<std::uint32_t>(integer(v)); }},
    {.table = "audit", .key = "checkpoint_syslog", .type = SettingType::Boolean,
     .description = "Whether each checkpoint is also sent to syslog (LOG_AUTHPRIV, notice), for a copy kept off this "
                    "machine.",
     .show = [](const Config& c) { return show_boolean(c.audit.checkpoint_syslog); },
     .store = [](Config& c, const SettingValue& v) { c.audit.checkpoint_syslog = std::get<bool>(v); }},
    {.table = "keys", .key = "kek_file", .type = SettingType::Path,
     .description = "File holding the key-encryption key that seals CA private keys at rest (AES-256-GCM): 32 bytes "
                    "as 64 hex digits or base64 (`openssl rand -hex 32`). The file must belong to the server's user "
                    "or root and be unreadable by group and others (0600 or 0400). $CAHUB_KEY_ENCRYPTION_KEY gives "
                    "the key itself instead; setting both is refused. Unset: CA keys stay unencrypted and "
                    "`cahub serve` says so.",
     .show = [](const Config& c) { return show_path(c.keys.kek_file); },
     .store = [](Config& c, const SettingValue& v) { c.keys.kek_file = path(v); },
     .optional = true},

    {.table = "log", .key = "level", .type = SettingType::LogLevel,
     .description = "Least severe level of the messages that are logged.",
     .show = [](const Config& c) { return toml_string(code_of(c.log.level)); },
     .store = [](Config& c, const SettingValue& v) { c.log.level = std::get<LogLevel>(v); }},

    {.table = "calendar", .key = "holidays", .type = SettingType::DateList,
     .description = "Public holidays (法定节假日) on weekdays, for SLA due dates. None are built in: copy them from "
                    "the State Council's notice each year.",
     .show = [](const Config& c) { return show_dates(c.calendar.holidays); },
     .store = [](Config& c, const SettingValue& v) { c.calendar.holidays = std::get<std::vector<Date>>(v); }},
    {.table = "calendar", .key = "workdays", .type = SettingType::DateList,
     .description = "Saturdays and Sundays that are working days (调休 make-up days), from the same notice.",
     .show = [](const Config& c) { return show_dates(c.calendar.workdays); },
     .store = [](Config& c, const SettingValue& v) { c.calendar.workdays = std::get<std::vector<Date>>(v); }},
};

}  // namespace

std::string Setting::name() const { return std::string(table) + "." + std::string(key); }

std::string Setting::type_text() const {
  switch (type) {
    case SettingType::String: return "string";
    case SettingType::Path: return "path";
    case SettingType::Integer: return "integer, " + std::to_string(min) + " to " + std::to_string(max);
    case SettingType::LogLevel: {
      std::string text = "one of";
      for (std::string_view code : CodeList<LogLevel>::codes) text += " " + std::string(code) + ",";
      text.pop_back();
      return text;
    }
    case SettingType::Choice: {
      std::string text = "one of";
      for (std::string_view code : choices) text += " \"" + std::string(code) + "\",";
      text.pop_back();
      return text;
    }
    case SettingType::DateList: return "array of dates (YYYY-MM-DD)";
    case SettingType::Boolean: return "boolean";
    case SettingType::DatabaseUrl: return "postgresql:// URL";
  }
  return "?";
}

std::span<const Setting> settings() { return schema; }

const Setting* find_setting(std::string_view table, std::string_view key) {
  for (const Setting& s : schema)
    if (s.table == table && s.key == key) return &s;
  return nullptr;
}

std::vector<std::string_view> setting_tables() {
  std::vector<std::string_view> tables;
  for (const Setting& s : schema)
    if (std::find(tables.begin(), tables.end(), s.table) == tables.end()) tables.push_back(s.table);
  return tables;
}

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (b < 0x20 || b == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(b));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string toml_key(std::string_view name) {
  const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  return bare ? std::string(name) : toml_string(name);
}

}  // namespace cahub::config
