// `cahub staff add LOGIN --name NAME --role clerk|reviewer|admin`: creates a staff account. The
// password is read from stdin (one line), never from the command line, where `ps` and shell history
// would show it. There is no default account: this is how the first one is made.
// `cahub staff sign-in LOGIN` (staff_sign_in_command.cpp) opens a session for scripts.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "staff/staff_directory.hpp"
#include "store/store_error.hpp"

namespace cahub::cli {

CommandRun add_staff_command(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    std::string login, name, role;
  };
  auto o = std::make_shared<Options>();
  CLI::App* staff = app.add_subcommand("staff", "Back-office staff accounts");
  staff->require_subcommand(1);
  CLI::App* add = staff->add_subcommand("add", "Create an account; the password is read from stdin");
  add->add_option("LOGIN", o->login, "Lower-case login, e.g. zhao.li")->required();
  add->add_option("--name", o->name, "Name shown in the audit trail, e.g. 赵丽")->required();
  add->add_option("--role", o->role, "clerk, reviewer or admin")->required();
  CommandRun sign_in = add_staff_sign_in_command(*staff, global);

  return [o, add, sign_in, &global]() -> int {
    if (!add->parsed()) return sign_in();
    const auto role = orders::parse_role(o->role);
    if (!role) {
      std::cerr << "cahub: --role must be clerk, reviewer or admin, got \"" << o->role << "\"\n";
      return kExitBadInput;
    }
    std::string password;
    if (!std::getline(std::cin, password) || password.empty()) {
      std::cerr << "cahub: no password on stdin (echo the password | cahub staff add ...)\n";
      return kExitBadInput;
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    const config::Config cfg = load_config(global);
    std::optional<store::Database> db;
    try {
      db.emplace(store::Database::open(cfg.paths.database));
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
    try {
      staff::StaffDirectory directory(*db);
      const staff::StaffMember m = directory.add(o->login, o->name, *role, password, "cli");
      std::cout << "added " << orders::code_of(m.role) << " " << m.login << " (" << m.display_name << ")\n";
      return kExitOk;
    } catch (const staff::StaffError& e) {
      std::cerr << "cahub: " << e.what() << "\n";
      return kExitBadInput;
    }
  };
}

}  // namespace cahub::cli
