#pragma once
// Options every command accepts (`--config`, `--plugins`, `--rules`, `--db`, `--log-level`).
// Empty means "not given": the configuration file, then the embedded defaults, decide.

#include <string>

namespace CLI { class App; }

namespace cahub::cli {

struct GlobalOptions {
  std::string config_file;
  std::string plugins_dir;
  std::string rules_dir;
  std::string database;
  std::string log_level;
};

void add_global_options(CLI::App& app, GlobalOptions& options);

}  // namespace cahub::cli
