// `cahub staff sign-in LOGIN [--hours N]`: opens a session, as POST /v1/login does, and prints its
// token: `export CAHUB_TOKEN=$(cahub staff sign-in wang.fang)`. The order and certificate commands
// then act as that staff member without asking for the password again, so a script pays for the
// deliberately slow password hash once, not on every command. The password is read as for
// `--as` (CAHUB_PASSWORD, else the first line of stdin); only the token's hash is stored.
// `cahub staff sign-out` ends the session of CAHUB_TOKEN, as POST /v1/logout does: a script that
// is done revokes its token instead of leaving it valid for hours.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::cli {
namespace {

int end_session(const GlobalOptions& global) {
  return answer_at_desk([&] {
    const char* token = std::getenv("CAHUB_TOKEN");
    if (!token || !*token)
      return report_error(kExitUnauthenticated, "sign_in_required", "no session to end: CAHUB_TOKEN is not set");
    const config::Config cfg = load_config(global);
    const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
    staff::StaffDirectory(*db).sign_out(token);
    std::cerr << "signed out\n";
    return kExitOk;
  });
}

}  // namespace

CommandRun add_staff_sign_in_command(CLI::App& staff, const GlobalOptions& global) {
  struct Options {
    std::string login;
    int hours = 8;  // a working day, as the API's sessions
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = staff.add_subcommand("sign-in", "Open a session and print its token (for CAHUB_TOKEN)");
  cmd->add_option("LOGIN", o->login, "The staff login")->required();
  cmd->add_option("--hours", o->hours, "How long the session lasts (8)")->check(CLI::Range(1, 24));
  CLI::App* sign_out = staff.add_subcommand("sign-out", "End the session of CAHUB_TOKEN; the token is refused from then on");
  return [o, sign_out, &global]() -> int {
    if (sign_out->parsed()) return end_session(global);
    return answer_at_desk([&] {
      const config::Config cfg = load_config(global);
      const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
      const std::string password = read_password(o->login);
      if (password.empty())
        return report_error(kExitUnauthenticated, "password_required",
                            "no password for " + o->login + " in CAHUB_PASSWORD or on stdin");
      const staff::Session session =
          staff::StaffDirectory(*db).sign_in(o->login, password, std::chrono::hours(o->hours));
      std::cout << session.token << "\n";
      std::cerr << "signed in as " << orders::code_of(session.member.role) << " " << session.member.login
                << " until " << session.expires_at << "\n";
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
