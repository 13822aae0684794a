// `cahub audit verify [--url URL] [--checkpoints FILE] [--public-key FILE]`: three checks, each
// reported, on the configured SQLite file or a PostgreSQL database (cli/database_url.hpp).
//  1. The hash chain: the first event edited, deleted or reordered (store/audit_log.hpp).
//  2. Its anchors: every signed checkpoint (audit/checkpoint_verdict.hpp) must still be in the
//     chain with its hash; a cut tail or a rewrite with fresh SHA-256 hashes is named here. With no
//     checkpoint file, the report says the chain's end is NOT anchored.
//  3. The tables against a replay of the events (audit/audit_replay.hpp): every row that differs,
//     that no event created, or that is gone.
// Exit 0 when all hold (also when the end is not anchored, which is said), 1 when any finds a
// problem, 2 when the database, the checkpoint file or the public key cannot be read.
#include <CLI/CLI.hpp>
#include <pqxx/transaction>
#include <iostream>
#include <optional>

#include "audit/audit_error.hpp"
#include "audit/audit_replay.hpp"
#include "audit/checkpoint_verdict.hpp"
#include "cli/audit_keys.hpp"
#include "cli/commands/commands.hpp"
#include "cli/database_url.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "store/audit_log.hpp"
#include "store/postgres/pg_session.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/read_transaction.hpp"

namespace cahub::cli {
namespace {

struct VerifyOptions {
  std::string url, checkpoints, public_key;
};

bool report_chain(store::SqlConnection& db) {
  const store::AuditVerdict v = store::verify_audit_chain(db);
  if (v.intact) {
    std::cout << "audit chain intact: " << v.events << " events in " << db.name() << "\n";
    return true;
  }
  std::cout << "audit chain broken at event " << v.first_bad_seq << ": " << v.problem << " (" << v.events
            << " events read, " << db.name() << ")\n";
  return false;
}

// The checkpoints, or a clear word that there are none. Throws AuditAnchorError when a file was
// named but cannot be read, or there is no public key to check it with.
bool report_anchors(store::SqlConnection& db, const config::Config& cfg, const VerifyOptions& o) {
  const std::filesystem::path file = o.checkpoints.empty() ? cfg.audit.checkpoint_file : std::filesystem::path(o.checkpoints);
  if (file.empty()) {
    std::cout << "end NOT anchored: no checkpoint file (--checkpoints, or [audit] checkpoint_file), so a cut tail or "
                 "a chain rewritten with fresh hashes would not show\n";
    return true;
  }
  const auto lines = audit::CheckpointLog(file).lines();
  const auto key = configured_public_key(cfg, o.public_key);
  if (!key)
    throw audit::AuditAnchorError("no_public_key", "no public key to check " + file.string() + " with: --public-key, "
                                                   "[audit] public_key_file, or a signing key");
  const audit::AnchorVerdict v = audit::check_anchors(db, lines, *key, file.string());
  for (const std::string& problem : v.problems) std::cout << "anchor: " << problem << "\n";
  if (!v.newest) {
    const auto head = store::audit_chain_head(db);
    std::cout << "end NOT anchored: " << file.string() << " holds no checkpoint signed by key "
              << key->fingerprint().substr(0, 16) << "\n";
    return v.problems.empty() && !head;  // events with nothing signed for them: a finding
  }
  if (!v.problems.empty()) return false;
  const std::int64_t last = store::audit_chain_head(db)->seq;
  std::cout << "anchored: event " << v.newest->seq << " has the hash signed in " << file.string() << ":"
            << v.newest_line << " (taken " << v.newest->at << "); " << v.checkpoints
            << " checkpoints hold, key " << key->fingerprint().substr(0, 16);
  if (last > v.newest->seq) std::cout << "; the " << last - v.newest->seq << " events after it are not anchored yet";
  std::cout << "\n";
  return true;
}

bool report_replay(store::SqlConnection& db) {
  const audit::ReplayVerdict v = audit::replay_audit_trail(db);
  for (const std::string& orphan : v.orphans) std::cout << "replay: " << orphan << "\n";
  for (const audit::RowDifference& d : v.differences) std::cout << "replay: " << d.text() << "\n";
  if (!v.agrees()) {
    std::cout << "tables differ from the audit trail: " << v.differences.size() << " rows, " << v.orphans.size()
              << " events without their row's creation\n";
    return false;
  }
  std::cout << "tables agree with the audit trail: " << v.rows.at("orders") << " orders, " << v.rows.at("payments")
            << " payments, " << v.rows.at("staff") << " staff, " << v.rows.at("certificates") << " certificates\n";
  return true;
}

bool report_all(store::SqlConnection& db, const config::Config& cfg, const VerifyOptions& o) {
  const bool chain = report_chain(db);
  const bool anchors = report_anchors(db, cfg, o);
  const bool tables = report_replay(db);
  return chain && anchors && tables;
}

// One view of a database that servers may be writing: a read transaction on SQLite, a read-only
// REPEATABLE READ transaction (one snapshot for every statement) on PostgreSQL.
bool verify_store(const config::Config& cfg, const VerifyOptions& o) {
  const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg, o.url));
  return store::read(*db, [&](store::SqlConnection& c) { return report_all(c, cfg, o); });
}

}  // namespace

CommandRun add_audit_verify_command(CLI::App& audit, const GlobalOptions& global) {
  auto o = std::make_shared<VerifyOptions>();
  CLI::App* verify = audit.add_subcommand(
      "verify", "Check the hash chain, its signed checkpoints, and the tables against a replay of the events");
  verify->add_option("--url", o->url,
                     "A PostgreSQL database (postgresql://…) instead of the configured SQLite file; or $CAHUB_DATABASE_URL");
  verify->add_option("--checkpoints", o->checkpoints, "Checkpoint file (JSON lines); default [audit] checkpoint_file");
  verify->add_option("--public-key", o->public_key,
                     "Public key (PEM) the checkpoints are signed with; default [audit] public_key_file");

  return [o, verify, &global]() -> int {
    if (!verify->parsed()) return kExitBadInput;
    return verify_store(load_config(global), *o) ? kExitOk : kExitFindings;
  };
}

}  // namespace cahub::cli
