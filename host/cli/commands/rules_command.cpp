// `cahub rules check|test|diff`: the administrator's safety net before a script goes live.
//   check [FILE...]  every finding as `file:line: message`; exit 1 on any.
//   test [FILE...]   the cases of rules/<region>.spec.lua through the real pipeline; ends with
//                    `N passed, N failed`; exit 1 when a case fails or a script or spec is broken.
//   diff OLD NEW     what changed for customers (rules_diff_command.cpp).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "rules/region_rules.hpp"
#include "specs/spec_runner.hpp"

namespace cahub::cli {
namespace {

// The region scripts in the rules folder (specs are not region scripts), in name order.
std::vector<std::filesystem::path> scripts_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    // Not only regular files: a link or FIFO named *.lua is checked so that it is reported as ignored.
    if (entry.path().extension() == ".lua" && !specs::is_spec_file(entry.path()))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

int check(const std::vector<std::filesystem::path>& paths, const config::Config& cfg) {
  std::size_t findings = 0;
  for (const auto& path : paths) {
    for (const auto& f : rules::check_file(path, cfg.rules)) {
      std::cout << f.text() << "\n";
      ++findings;
    }
  }
  std::cerr << paths.size() << " script(s) checked, " << findings << " finding(s)\n";
  return findings == 0 ? kExitOk : kExitFindings;
}

// A FILE may name the script or its spec; with none, every script of the folder that has a spec.
std::vector<std::filesystem::path> scripts_to_test(const std::vector<std::filesystem::path>& named,
                                                   const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> scripts;
  for (const auto& path : named) scripts.push_back(specs::is_spec_file(path) ? specs::script_path_of(path) : path);
  if (!named.empty()) return scripts;
  for (const auto& script : scripts_in(folder))
    if (std::filesystem::exists(specs::spec_path_of(script))) scripts.push_back(script);
  return scripts;
}

int test(const std::vector<std::filesystem::path>& named, const GlobalOptions& global) {
  Runtime rt = load_runtime(global);
  std::size_t passed = 0, failed = 0, skipped = 0;
  bool broken = false;
  const auto scripts = scripts_to_test(named, rt.config.paths.rules);
  for (const auto& script : scripts) {
    const auto spec = specs::spec_path_of(script);
    if (!std::filesystem::exists(spec)) {
      std::cout << spec.filename().string() << ": no spec file for " << script.filename().string() << "\n";
      broken = true;
      continue;
    }
    const specs::SpecRun run = specs::run_spec(script, spec, *rt.plugins, rt.config.rules);
    for (const auto& f : run.findings) std::cout << f.text() << "\n";
    broken = broken || !run.findings.empty();
    for (const auto& c : run.cases) {
      switch (c.outcome) {
        case specs::CaseOutcome::Passed: ++passed; continue;
        case specs::CaseOutcome::Failed: ++failed; std::cout << c.where << ": FAILED " << c.name << "\n"; break;
        case specs::CaseOutcome::Skipped: ++skipped; std::cout << c.where << ": skipped " << c.name << "\n"; break;
      }
      for (const auto& d : c.details) std::cout << "    " << d << "\n";
    }
  }
  if (scripts.empty()) std::cout << rt.config.paths.rules.string() << ": no script with a spec file\n";
  if (skipped > 0) std::cout << skipped << " skipped (their CA plugin is not loaded)\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && !broken && !scripts.empty() ? kExitOk : kExitFindings;
}

}  // namespace

CommandRun add_rules_command(CLI::App& app, const GlobalOptions& global) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* rules = app.add_subcommand("rules", "Region rule scripts");
  rules->require_subcommand(1);
  CLI::App* check_cmd = rules->add_subcommand("check", "Check scripts: syntax, declarations, codes, amounts");
  check_cmd->add_option("files", *files, "Scripts to check (default: every script in the rules folder)");
  CLI::App* test_cmd = rules->add_subcommand("test", "Run the cases of <region>.spec.lua through the quote pipeline");
  test_cmd->add_option("files", *files, "Scripts or spec files (default: every script in the rules folder with a spec)");
  CommandRun diff = add_rules_diff_command(*rules, global);
  ReleaseCommands releases = add_rules_release_commands(*rules, global);

  return [files, check_cmd, test_cmd, diff, releases, &global]() -> int {
    if (releases.parsed()) return releases.run();
    const std::vector<std::filesystem::path> paths(files->begin(), files->end());
    if (check_cmd->parsed()) {
      const config::Config cfg = load_config(global);
      return check(paths.empty() ? scripts_in(cfg.paths.rules) : paths, cfg);
    }
    if (test_cmd->parsed()) return test(paths, global);
    return diff();
  };
}

}  // namespace cahub::cli
