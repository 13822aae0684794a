// `cahub rules diff OLD.lua NEW.lua [--json] [--today D]`: what an edit changes for customers —
// fees, materials, refusals, renewal windows, validity, what the region offers — as a table,
// not a text diff. Exit 0 with "no changes for customers" when the two versions answer every
// request alike, 1 when something changed (like diff(1)), 2 when either version does not load.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "pipeline/request_error.hpp"
#include "rules/region_rules.hpp"
#include "rules/rules_diff.hpp"

namespace cahub::cli {
namespace {

struct DiffOptions {
  std::string old_file, new_file, today;
  bool json = false;
};

}  // namespace

CommandRun add_rules_diff_command(CLI::App& rules, const GlobalOptions& global) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = rules.add_subcommand("diff", "What changed for customers between two versions of a script");
  cmd->add_option("old", o->old_file, "The script as it was")->required();
  cmd->add_option("new", o->new_file, "The script as it is now")->required();
  cmd->add_option("--today", o->today, "Compare prices in force on this date (default: today in China), YYYY-MM-DD");
  cmd->add_flag("--json", o->json, "Print {\"changes\": [...]}");

  return [o, cmd, &global]() -> int {
    if (!cmd->parsed()) return kExitBadInput;
    const config::Config cfg = load_config(global);
    Date today = Date::today_utc8();
    if (!o->today.empty()) {
      const auto d = Date::parse(o->today);
      if (!d) throw pipeline::BadRequest("bad_date", "--today '" + o->today + "' is not a calendar date in the form YYYY-MM-DD");
      today = *d;
    }
    // Each version is checked like `rules check`; the two keep their own names in messages.
    const rules::LoadResult old_rules = rules::RegionRules::load_version(o->old_file, cfg.rules);
    const rules::LoadResult new_rules = rules::RegionRules::load_version(o->new_file, cfg.rules);
    for (const auto* loaded : {&old_rules, &new_rules})
      for (const auto& f : loaded->findings) std::cerr << f.text() << "\n";
    if (!old_rules.rules || !new_rules.rules) {
      std::cerr << "cahub: rules diff compares two scripts that pass `cahub rules check`\n";
      return kExitBadInput;
    }
    if (old_rules.rules->id() != new_rules.rules->id())
      std::cerr << "note: comparing region " << old_rules.rules->id() << " with region " << new_rules.rules->id() << "\n";
    const auto changes = rules::diff_for_customers(*old_rules.rules, *new_rules.rules, today);
    if (o->json)
      std::cout << rules::changes_to_json(changes).dump(2) << "\n";
    else
      std::cout << rules::render_changes(changes);
    return changes.empty() ? kExitOk : kExitFindings;
  };
}

}  // namespace cahub::cli
