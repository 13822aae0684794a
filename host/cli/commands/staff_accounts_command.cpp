// `cahub staff list [--json]`, `cahub staff disable LOGIN`, `cahub staff enable LOGIN`,
// `cahub staff regions LOGIN REGIONS`: the accounts as a platform administrator manages them, the
// same operations as GET /v1/staff, POST /v1/staff/{login}/disable|enable and PUT
// /v1/staff/{login}/regions. Disabling ends every session of the account for good; new regions
// hold from the account's next request.
//
// `list` reads, and reads need no sign-in on the command line (cli/desk_session.hpp: whoever runs
// it already reads the database file); `disable` and `enable` act as an administrator, named by
// CAHUB_TOKEN or `--as LOGIN`. So does `regions` (REGIONS: ids separated by commas, or '*').
#include <CLI/CLI.hpp>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "edge/desk_requests.hpp"
#include "server/staff_api.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::cli {
namespace {

nlohmann::json account_json(const staff::StaffAccount& a) {
  return {{"login", a.member.login},   {"name", a.member.display_name},
          {"role", orders::code_of(a.member.role)}, {"regions", server::regions_json(a.member.regions)},
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
              << " " << std::setw(8) << (a.disabled ? "disabled" : "enabled") << " " << std::setw(24)
              << a.member.regions.stored() << " " << a.created_at << "  " << a.member.display_name << "\n";
}

}  // namespace

CommandRun add_staff_accounts_command(CLI::App& staff, const GlobalOptions& global) {
  struct Options {
    bool json = false;
    std::string login, as, regions;
  };
  auto o = std::make_shared<Options>();
  CLI::App* list = staff.add_subcommand("list", "Every staff account: login, role, enabled or disabled, since when");
  list->add_flag("--json", o->json, "Print JSON, as GET /v1/staff");
  CLI::App* disable = staff.add_subcommand("disable", "Disable an account and end its sessions for good (an admin)");
  CLI::App* enable = staff.add_subcommand("enable", "Enable a disabled account again; it signs in anew (an admin)");
  CLI::App* regions = staff.add_subcommand(
      "regions", "Give an account its regions: ids separated by commas, or * for all (an admin of all regions)");
  for (CLI::App* cmd : {disable, enable, regions}) {
    cmd->add_option("LOGIN", o->login, "The staff login")->required();
    add_acting_option(*cmd, o->as);
  }
  regions->add_option("REGIONS", o->regions, "e.g. neimenggu,qinghai, or * for all")->required();
  return [o, list, disable, regions, &global]() -> int {
    return answer_at_desk([&] {
      const config::Config cfg = load_config(global);
      const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
      staff::StaffDirectory directory(*db);
      if (list->parsed()) {
        print_accounts(directory.list(), o->json);
        return kExitOk;
      }
      if (regions->parsed()) {
        const orders::RegionScope scope = edge::parse_regions_text(o->regions);  // before any password is read
        const staff::StaffAccount a = directory.set_regions(acting_member(directory, o->as), o->login, scope);
        std::cout << orders::code_of(a.member.role) << " " << a.member.login << " works in regions "
                  << a.member.regions.stored() << "\n";
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
