// `cahub restore FILE [--force]`: brings a backup folder back as this service point's database
// and CA state, with the server stopped (backup/service_point_restore.hpp). Then `cahub audit
// verify` checks the restored chain, and `cahub serve` starts on it.
#include <CLI/CLI.hpp>
#include <iostream>

#include "backup/service_point_restore.hpp"
#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"

namespace cahub::cli {
namespace {

struct RestoreOptions {
  std::string from;
  bool force = false;
};

}  // namespace

CommandRun add_restore_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<RestoreOptions>();
  CLI::App* cmd = app.add_subcommand(
      "restore", "Bring a backup folder back as the database and CA state (the server stopped)");
  cmd->add_option("FILE", o->from, "The backup folder (from cahub backup)")->required();
  cmd->add_flag("--force", o->force, "Replace an existing database and CA state (what they hold is lost)");

  return [o, &global]() -> int {
    const config::Config cfg = load_config(global);
    try {
      // A backup of the SQLite file would land beside a service point that no longer reads it.
      if (const auto url = chosen_database_url({}, cfg))
        return report_error(kExitBadInput, "restore_postgres",
                            "the store is the PostgreSQL database " + url->shown() + ": restore it with "
                            "pg_restore; a SQLite backup goes in with `cahub restore` to a file, then `cahub db copy` "
                            "(docs/deployment.md)");
      const backup::BackupManifest m = backup::restore_backup(o->from, cfg.paths.database, cfg.paths.var, o->force);
      std::cout << "restored " << cfg.paths.database.string() << " (schema version " << m.schema_version << ", "
                << m.orders << " orders, " << m.audit_events << " audit events) and " << m.cas.size()
                << " CA state folders from the backup taken at " << m.taken_at
                << "; check it with `cahub audit verify`\n";
      return kExitOk;
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
  };
}

}  // namespace cahub::cli
