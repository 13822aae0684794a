// `cahub db init`: the one command that creates a database. Every other command, `cahub serve`
// included, refuses a missing one (database_missing, exit 8), so a database deleted or a path
// mistyped is found at once instead of being replaced by an empty one.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "releases/release_source.hpp"
#include "store/database.hpp"

namespace cahub::cli {

CommandRun add_db_command(CLI::App& app, const GlobalOptions& global) {
  CLI::App* db = app.add_subcommand("db", "The service point's database");
  db->require_subcommand(1);
  CLI::App* init = db->add_subcommand(
      "init", "Create the database (0600, its new folders 0700) and its schema; an existing one is left as it is");

  return [init, &global]() -> int {
    if (!init->parsed()) return kExitBadInput;
    const config::Config cfg = load_config(global);
    const bool existed = std::filesystem::exists(cfg.paths.database);
    try {
      store::Database database = store::Database::open_or_create(cfg.paths.database);
      if (existed)
        std::cout << database.file().string() << " is already a cahub database (schema version "
                  << database.schema_version() << "); nothing was created\n";
      else
        std::cout << "created " << database.file().string() << " (schema version " << database.schema_version()
                  << ")\n";
      // rules.source = "store": the rules folder seeds the regions the store does not have yet.
      if (cfg.rules_source == "store")
        for (const auto& region : releases::import_missing_regions(database, cfg.paths.rules, cfg.rules))
          std::cout << "imported " << (cfg.paths.rules / (region + ".lua")).string() << " as region " << region
                    << " release 1\n";
      return kExitOk;
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
  };
}

}  // namespace cahub::cli
