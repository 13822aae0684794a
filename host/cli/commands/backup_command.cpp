// `cahub backup FILE`: an online, consistent copy of the service point (the database through
// SQLite's online backup API, then each CA's state under its lock) into the new folder FILE,
// while `cahub serve` goes on serving (backup/service_point_backup.hpp).
#include <CLI/CLI.hpp>
#include <iostream>

#include "backup/service_point_backup.hpp"
#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "store/database.hpp"

namespace cahub::cli {

CommandRun add_backup_command(CLI::App& app, const GlobalOptions& global) {
  auto out = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "backup", "Copy the database and the CAs' state into the new folder FILE (0700), while the server serves");
  cmd->add_option("FILE", *out, "The backup folder to make; it must not exist")->required();

  return [out, &global]() -> int {
    const config::Config cfg = load_config(global);
    try {
      // PostgreSQL has its own tools, which back up a live database consistently: pg_dump.
      if (const auto url = chosen_database_url({}, cfg))
        return report_error(kExitBadInput, "backup_postgres",
                            "the store is the PostgreSQL database " + url->shown() + ": back it up with pg_dump "
                            "(docs/deployment.md, What to back up)");
      store::Database database = store::Database::open(cfg.paths.database);
      const backup::BackupManifest m = backup::take_backup(database, cfg.paths.var / backup::kCaFolder, *out);
      std::cout << "backed up " << database.file().string() << " (schema version " << m.schema_version << ", "
                << m.orders << " orders, " << m.audit_events << " audit events) and " << m.cas.size()
                << " CA state folders into " << *out << " at " << m.taken_at << "\n";
      return kExitOk;
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
  };
}

}  // namespace cahub::cli
