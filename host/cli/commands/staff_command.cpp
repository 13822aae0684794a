// `cahub staff add LOGIN --name NAME --role clerk|reviewer|admin [--regions neimenggu,qinghai|'*']`:
// creates a staff account working in those regions (all when --regions is left out). The
// password is read from stdin (one line), never from the command line, where `ps` and shell
// history would show it.
//
// There is no default account. On an empty staff table `staff add` makes the first one, an
// administrator of all regions, with nobody signed in; after that it acts as an administrator of
// all regions (a platform administrator), named as every
// command that writes names its actor (cli/desk_session.hpp): CAHUB_TOKEN from `cahub staff
// sign-in`, or `--as LOGIN` with the password in CAHUB_PASSWORD or, failing that, on the first
// line of stdin, the new account's password then on the next. So whoever can write the database
// file can no longer make an administrator with a command (issue 15).
//
// `cahub staff sign-in LOGIN` and `sign-out` (staff_sign_in_command.cpp) open and end a session for scripts; `list`,
// `disable`, `enable` and `regions` are in staff_accounts_command.cpp.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "edge/desk_requests.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::cli {
namespace {

struct AddOptions {
  std::string login, name, role, as;
  std::string regions = "*";
};

int add_staff(const AddOptions& o, const GlobalOptions& global) {
  const auto role = orders::parse_role(o.role);
  if (!role) return report_error(kExitBadInput, "unknown_role", "--role must be clerk, reviewer or admin, got \"" + o.role + "\"");
  return answer_at_desk([&] {
    const orders::RegionScope regions = edge::parse_regions_text(o.regions);  // before any password is read
    const config::Config cfg = load_config(global);
    const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
    staff::StaffDirectory directory(*db);
    // The administrator first (whose password may be the first line of stdin), then the new password.
    std::optional<staff::StaffMember> by;
    if (acting_staff_named(o.as)) by = acting_member(directory, o.as);
    std::string password;
    if (!std::getline(std::cin, password) || password.empty() || password == "\r")
      return report_error(kExitBadInput, "password_required",
                          "no password for the new account on stdin (echo the password | cahub staff add ...)");
    if (password.back() == '\r') password.pop_back();
    if (!by && !regions.is_all())
      throw staff::StaffError("first_account_admin",
                              "the first account must be an administrator of all regions, who then adds the others");
    const staff::StaffMember m = by ? directory.add(*by, o.login, o.name, *role, password, regions)
                                    : directory.add_first_account(o.login, o.name, *role, password);
    std::cout << "added " << orders::code_of(m.role) << " " << m.login << " (" << m.display_name << ")";
    if (!m.regions.is_all()) std::cout << " in regions " << m.regions.stored();  // as before regions, for all
    std::cout << "\n";
    return kExitOk;
  });
}

}  // namespace

CommandRun add_staff_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<AddOptions>();
  CLI::App* staff = app.add_subcommand("staff", "Back-office staff accounts");
  staff->require_subcommand(1);
  CLI::App* add = staff->add_subcommand(
      "add", "Create an account: the first (an admin) by anyone, others as an admin; the password is read from stdin");
  add->add_option("LOGIN", o->login, "Lower-case login, e.g. zhao.li")->required();
  add->add_option("--name", o->name, "Name shown in the audit trail, e.g. 赵丽")->required();
  add->add_option("--role", o->role, "clerk, reviewer or admin")->required();
  add->add_option("--regions", o->regions,
                  "The regions the account works in: ids separated by commas, e.g. neimenggu,qinghai, or * for all "
                  "(the default)");
  add_acting_option(*add, o->as);
  CommandRun sign_in = add_staff_sign_in_command(*staff, global);
  CommandRun accounts = add_staff_accounts_command(*staff, global);
  CLI::App* sign_in_app = staff->get_subcommand("sign-in");
  CLI::App* sign_out_app = staff->get_subcommand("sign-out");

  return [o, add, sign_in_app, sign_out_app, sign_in, accounts, &global]() -> int {
    if (add->parsed()) return add_staff(*o, global);
    if (sign_in_app->parsed() || sign_out_app->parsed()) return sign_in();
    return accounts();
  };
}

}  // namespace cahub::cli
