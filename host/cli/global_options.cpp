#include "cli/global_options.hpp"

#include <CLI/CLI.hpp>

namespace cahub::cli {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("--config", o.config_file, "Configuration file (TOML); default: embedded defaults");
  app.add_option("--plugins", o.plugins_dir, "Folder of CA plugins (*.so)");
  app.add_option("--rules", o.rules_dir, "Folder of region rule scripts (*.lua)");
  app.add_option("--db", o.database, "SQLite database file");
  app.add_option("--log-level", o.log_level, "trace|debug|info|warn|error");
}

}  // namespace cahub::cli
