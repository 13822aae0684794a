// `cahub rules check [FILE...]`: the administrator's safety net before a script goes live.
// Every finding prints as `file:line: message`; any finding makes the exit code 1.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "rules/region_rules.hpp"

namespace cahub::cli {
namespace {

// With no files named, every region script in the rules folder (specs are not region scripts).
std::vector<std::filesystem::path> scripts_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() == ".lua" && name.find(".spec.lua") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

CommandRun add_rules_command(CLI::App& app, const GlobalOptions& global) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* rules = app.add_subcommand("rules", "Region rule scripts");
  rules->require_subcommand(1);
  CLI::App* check = rules->add_subcommand("check", "Check scripts: syntax, declarations, codes, amounts");
  check->add_option("files", *files, "Scripts to check (default: every script in the rules folder)");

  return [files, check, &global]() -> int {
    if (!check->parsed()) return kExitBadInput;
    config::Config cfg = load_config(global);
    std::vector<std::filesystem::path> paths(files->begin(), files->end());
    if (paths.empty()) paths = scripts_in(cfg.paths.rules);
    std::size_t findings = 0;
    for (const auto& path : paths) {
      for (const auto& f : rules::check_file(path, cfg.rules)) {
        std::cout << f.text() << "\n";
        ++findings;
      }
    }
    std::cerr << paths.size() << " script(s) checked, " << findings << " finding(s)\n";
    return findings == 0 ? kExitOk : kExitFindings;
  };
}

}  // namespace cahub::cli
