// `cahub plugins list [--json]`: what loaded, with the providers' facts, and what was refused and why.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"

namespace cahub::cli {

CommandRun add_plugins_command(CLI::App& app, const GlobalOptions& global) {
  auto json = std::make_shared<bool>(false);
  CLI::App* plugins = app.add_subcommand("plugins", "CA provider plugins");
  plugins->require_subcommand(1);
  CLI::App* list = plugins->add_subcommand("list", "Show loaded and refused plugins");
  list->add_flag("--json", *json, "Print one JSON object");

  return [json, list, &global]() -> int {
    if (!list->parsed()) return kExitBadInput;
    config::Config cfg = load_config(global);
    plugins::PluginRegistry registry;
    registry.load_folder(cfg.paths.plugins, cfg.paths.var);
    if (*json)
      std::cout << registry.describe().dump(2) << "\n";
    else
      std::cout << registry.render_table();
    return kExitOk;
  };
}

}  // namespace cahub::cli
