// `cahub config schema` prints the described schema of cahub.toml as Markdown (the source of
// docs/configuration.md); `cahub config show` prints the configuration in force as TOML.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "config/render_toml.hpp"
#include "config/schema_docs.hpp"

namespace cahub::cli {

CommandRun add_config_command(CLI::App& app, const GlobalOptions& global) {
  CLI::App* config = app.add_subcommand("config", "The configuration file cahub.toml");
  config->require_subcommand(1);
  CLI::App* schema = config->add_subcommand("schema", "Every setting with its type, default and meaning (Markdown)");
  CLI::App* show = config->add_subcommand("show", "The configuration in force, as TOML");

  return [schema, show, &global]() -> int {
    if (schema->parsed()) {
      // The defaults as a newcomer's build tree has them, written relative to the repository.
      config::Config defaults = config::default_config({"build/plugins", "rules", "var/cahub.db", "var"});
      std::cout << config::schema_markdown(defaults);
      return kExitOk;
    }
    if (show->parsed()) {
      std::cout << config::render_toml(load_config(global));
      return kExitOk;
    }
    return kExitBadInput;
  };
}

}  // namespace cahub::cli
