#include "cli/desk_session.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/exit_codes.hpp"
#include "errors/error_answer.hpp"
#include "pipeline/request_error.hpp"
#include "staff/staff_directory.hpp"
#include "store/store_error.hpp"

namespace cahub::cli {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

// Reads one line from a terminal without showing it.
std::string read_hidden_line(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios before{};
  const bool terminal = tcgetattr(STDIN_FILENO, &before) == 0;
  if (terminal) {
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) tcsetattr(STDIN_FILENO, TCSANOW, &before);
  std::cerr << "\n";
  return line;
}

// The reasons of a not-eligible quote, on one line.
std::string reasons_of(const nlohmann::json& quote) {
  std::string out;
  for (const auto& reason : quote.value("reasons", nlohmann::json::array())) {
    if (!reason.is_string()) continue;
    out += out.empty() ? "" : "; ";
    out += reason.get<std::string>();
  }
  return out;
}

}  // namespace

DeskSession::DeskSession(const GlobalOptions& global)
    : runtime_(load_runtime(global)),
      store_(store::open_store(chosen_store(runtime_.config))),
      quotes_(*runtime_.rule_book, *runtime_.plugins),
      calendar_(runtime_.config.calendar.holidays, runtime_.config.calendar.workdays),
      writes_(*store_),
      services_{quotes_, *runtime_.plugins, calendar_},
      desk_(services_, *store_, writes_) {}

orders::Actor DeskSession::acting_staff(const std::string& as) {
  staff::StaffDirectory directory(*store_);
  return acting_member(directory, as).actor();
}

staff::StaffMember acting_member(staff::StaffDirectory& directory, const std::string& as) {
  if (const std::string token = environment("CAHUB_TOKEN"); !token.empty()) {
    staff::StaffMember member = directory.resolve(token);
    if (!as.empty() && as != member.login)
      throw staff::StaffError("token_mismatch", "CAHUB_TOKEN belongs to " + member.login + ", not to " + as);
    return member;
  }
  if (as.empty())
    throw staff::StaffError("sign_in_required",
                            "say who acts: --as LOGIN (password in CAHUB_PASSWORD or on stdin), or set CAHUB_TOKEN "
                            "from `cahub staff sign-in LOGIN`");
  const std::string password = read_password(as);
  if (password.empty())
    throw staff::StaffError("password_required", "no password for " + as + " in CAHUB_PASSWORD or on stdin");
  return directory.authenticate(as, password);
}

bool acting_staff_named(const std::string& as) { return !as.empty() || !environment("CAHUB_TOKEN").empty(); }

orders::RegionScope DeskSession::reading_regions(const std::string& as) { return cli::reading_regions(*store_, as); }

orders::RegionScope reading_regions(store::SqlStore& database, const std::string& as) {
  if (!acting_staff_named(as)) return orders::RegionScope::all();
  staff::StaffDirectory directory(database);
  return acting_member(directory, as).regions;
}

void add_acting_option(CLI::App& cmd, std::string& as) {
  cmd.add_option("--as", as, "The staff login who acts (password in CAHUB_PASSWORD or on stdin; or CAHUB_TOKEN)");
}

void add_reading_option(CLI::App& cmd, std::string& as) {
  cmd.add_option("--as", as,
                 "Read as this staff login: only its regions (password in CAHUB_PASSWORD or on stdin; or CAHUB_TOKEN)");
}

std::string read_password(const std::string& login) {
  if (std::string password = environment("CAHUB_PASSWORD"); !password.empty()) return password;
  std::string line;
  if (isatty(STDIN_FILENO))
    line = read_hidden_line("password for " + login + ": ");
  else
    std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int report_error(int exit_code, const std::string& code, const std::string& message) {
  std::cerr << "cahub: " << code << ": " << message << "\n";
  return exit_code;
}

int answer_with_order(const GlobalOptions& global, const std::string& as, const OrderView& view,
                      const std::function<orders::Order(desk::OrderDesk&, const orders::Actor&)>& act) {
  return answer_at_desk([&] {
    DeskSession session(global);
    const orders::Actor actor = session.acting_staff(as);
    print_order(std::cout, act(session.desk(), actor), view);
    return kExitOk;
  });
}

int answer_at_desk(const std::function<int()>& work) {
  try {
    return work();
  } catch (const store::StoreError& e) {
    // The database cannot be opened: the operator on this machine is told which file and what to
    // do (the HTTP API never shows this; its database was opened at start).
    return report_database_refusal(e);
  } catch (...) {
    const errors::ErrorAnswer a = errors::answer_for(std::current_exception(), "cahub order");
    std::string message = a.message;
    // A not-eligible order says why on the same line, as the quote's reasons.
    if (a.extra.contains("quote")) message += ": " + reasons_of(a.extra["quote"]);
    return report_error(exit_code_for(a.kind), a.code, message);
  }
}

}  // namespace cahub::cli
