#pragma once
// The `cahub` commands. Each registers itself on the CLI11 app and returns what to run once the
// command line is parsed (so errors thrown while running are handled in one place, main.cpp).

#include <functional>

namespace CLI { class App; }

namespace cahub::cli {

struct GlobalOptions;
using CommandRun = std::function<int()>;

CommandRun add_quote_command(CLI::App& app, const GlobalOptions& global);    // cahub quote
CommandRun add_plugins_command(CLI::App& app, const GlobalOptions& global);  // cahub plugins list|check|operate
CommandRun add_rules_command(CLI::App& app, const GlobalOptions& global);    // cahub rules check|test|diff
// `diff` under `rules` (rules_diff_command.cpp); add_rules_command calls it.
CommandRun add_rules_diff_command(CLI::App& rules, const GlobalOptions& global);
// `draft|revise|submit|approve|reject|withdraw|publish|rollback|history|show|export|import` under
// `rules` (rules_release_command.cpp): the region's rule releases; add_rules_command calls it.
struct ReleaseCommands {
  std::function<bool()> parsed;  // whether one of them was given
  CommandRun run;
};
ReleaseCommands add_rules_release_commands(CLI::App& rules, const GlobalOptions& global);
CommandRun add_serve_command(CLI::App& app, const GlobalOptions& global);    // cahub serve
CommandRun add_bench_command(CLI::App& app, const GlobalOptions& global);    // cahub bench quote|orders
// `orders` under `bench` (bench_orders_command.cpp); add_bench_command calls it.
CommandRun add_bench_orders_command(CLI::App& bench, const GlobalOptions& global);
CommandRun add_config_command(CLI::App& app, const GlobalOptions& global);   // cahub config schema|show
CommandRun add_audit_command(CLI::App& app, const GlobalOptions& global);    // cahub audit verify|keygen|public-key|checkpoint
// `verify` under `audit` (audit_verify_command.cpp); add_audit_command calls it.
CommandRun add_audit_verify_command(CLI::App& audit, const GlobalOptions& global);
CommandRun add_staff_command(CLI::App& app, const GlobalOptions& global);  // cahub staff add|sign-in|sign-out|list|disable|enable
// `sign-in` and `sign-out` under `staff` (staff_sign_in_command.cpp); add_staff_command calls it.
CommandRun add_staff_sign_in_command(CLI::App& staff, const GlobalOptions& global);
// `list`, `disable` and `enable` under `staff` (staff_accounts_command.cpp); add_staff_command calls it.
CommandRun add_staff_accounts_command(CLI::App& staff, const GlobalOptions& global);
CommandRun add_certs_command(CLI::App& app, const GlobalOptions& global);    // cahub certs expiring|list|import
// `list` and `import` under `certs` (certs_list_command.cpp, certs_import_command.cpp).
CommandRun add_certs_list_command(CLI::App& certs, const GlobalOptions& global);
CommandRun add_certs_import_command(CLI::App& certs, const GlobalOptions& global);
CommandRun add_order_command(CLI::App& app, const GlobalOptions& global);    // cahub order ... (order_commands.hpp)
CommandRun add_db_command(CLI::App& app, const GlobalOptions& global);       // cahub db init|migrate|migrate
CommandRun add_backup_command(CLI::App& app, const GlobalOptions& global);   // cahub backup FILE
CommandRun add_restore_command(CLI::App& app, const GlobalOptions& global);  // cahub restore FILE [--force]

}  // namespace cahub::cli
