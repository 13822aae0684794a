// `cahub staff list [--json]`, `cahub staff disable LOGIN`, `cahub staff enable LOGIN`: the
// accounts as an administrator manages them, the same operations as GET /v1/staff and POST
// /v1/staff/{login}/disable|enable. Disabling ends every session of the account for good.
//
// `list` reads, and reads need no sign-in on the command line (cli/desk_session.hpp: whoever runs
// it already reads the database file); `disable` and `enable` act as an administrator, named by
// CAHUB_TOKEN or `--as LOGIN`.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::cli {
namespace {

nlohmann::json account_json(const staff::StaffAccount& a) {
  return {{"login", a.member.login}, {"name", a.member.display_name}, {"role", orders::code_of(a.member.role)},
          {"disabled", a.disabled}, {"created_at", a.created_at}};
}

void print_accounts(const std::vector<staff::StaffAccount>& accounts, bool as_json) {
  if (as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : accounts) out.push_back(account_json(a));
    std::cout << nlohmann::json{{"staff", out}}.dump(2) << "\n";
    return;
  }
  for (const auto& a : accounts)
    std::cout << std::left << std::setw(24) << a.member.login << " " << std::setw(8) << orders::code_of(a.member.role)
              << " " << std::setw(8) << (a.disabled ? "disabled" : "enabled") << " " << a.created_at << "  "
              << a.member.display_name << "\n";
}

}  // namespace

CommandRun add_staff_accounts_command(CLI::App& staff, const GlobalOptions& global) {
  struct Options {
    bool json = false;
    std::string login, as;
  };
  auto o = std::make_shared<Options>();
  CLI::App* list = staff.add_subcommand("list", "Every staff account: login, role, enabled or disabled, since when");
  list->add_flag("--json", o->json, "Print JSON, as GET /v1/staff");
  CLI::App* disable = staff.add_subcommand("disable", "Disable an account and end its sessions for good (an admin)");
  CLI::App* enable = staff.add_subcommand("enable", "Enable a disabled account again; it signs in anew (an admin)");
  for (CLI::App* cmd : {disable, enable}) {
    cmd->add_option("LOGIN", o->login, "The staff login")->required();
    add_acting_option(*cmd, o->as);
  }
  return [o, list, disable, &global]() -> int {
    return answer_at_desk([&] {
      const config::Config cfg = load_config(global);
      store::Database db = store::Database::open(cfg.paths.database);
      staff::StaffDirectory directory(db);
      if (list->parsed()) {
        print_accounts(directory.list(), o->json);
        return kExitOk;
      }
      const staff::StaffMember admin = acting_member(directory, o->as);
      const staff::StaffAccount a = disable->parsed() ? directory.disable(admin, o->login) : directory.enable(admin, o->login);
      std::cout << (a.disabled ? "disabled " : "enabled ") << orders::code_of(a.member.role) << " " << a.member.login
                << "\n";
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
