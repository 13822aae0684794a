#include "cli/desk_session.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

#include "cli/exit_codes.hpp"
#include "orders/order_store.hpp"
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
      database_(store::Database::open(runtime_.config.paths.database)),
      quotes_(*runtime_.rule_book, *runtime_.plugins),
      calendar_(runtime_.config.calendar.holidays, runtime_.config.calendar.workdays),
      writes_(database_),
      services_{quotes_, *runtime_.plugins, calendar_},
      desk_(services_, database_, writes_) {}

orders::Actor DeskSession::acting_staff(const std::string& as) {
  staff::StaffDirectory directory(database_);
  if (const std::string token = environment("CAHUB_TOKEN"); !token.empty()) {
    const staff::StaffMember member = directory.resolve(token);
    if (!as.empty() && as != member.login)
      throw staff::StaffError("token_mismatch", "CAHUB_TOKEN belongs to " + member.login + ", not to " + as);
    return {member.login, member.role};
  }
  if (as.empty())
    throw staff::StaffError("sign_in_required",
                            "say who acts: --as LOGIN (password in CAHUB_PASSWORD or on stdin), or set CAHUB_TOKEN "
                            "from `cahub staff sign-in LOGIN`");
  const std::string password = read_password(as);
  if (password.empty())
    throw staff::StaffError("password_required", "no password for " + as + " in CAHUB_PASSWORD or on stdin");
  const staff::StaffMember member = directory.authenticate(as, password);
  return {member.login, member.role};
}

void add_acting_option(CLI::App& cmd, std::string& as) {
  cmd.add_option("--as", as, "The staff login who acts (password in CAHUB_PASSWORD or on stdin; or CAHUB_TOKEN)");
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
                      const std::function<orders::OrderRecord(desk::OrderDesk&, const orders::Actor&)>& act) {
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
  } catch (const store::StoreError& e) {  // names the file and what to do
    return report_error(kExitBadInput, "database", e.what());
  } catch (const staff::StaffError& e) {
    return report_error(kExitUnauthenticated, e.code(), e.what());
  } catch (const orders::OrderNotFound& e) {
    return report_error(kExitNotFound, "not_found", e.what());
  } catch (const orders::OrderConflict& e) {
    return report_error(kExitConflict, e.code(), e.what());
  } catch (const orders::WorkflowRefusal& e) {
    return report_error(kExitRefused, e.code(), e.what());
  } catch (const desk::NotEligible& e) {
    return report_error(kExitRefused, e.code(), std::string(e.what()) + ": " + reasons_of(e.quote()));
  } catch (const pipeline::BadRequest& e) {
    return report_error(kExitBadInput, e.code(), e.what());
  } catch (const desk::ProviderProblem& e) {
    return report_error(kExitStageFailure, e.code(), e.what());
  } catch (const SQLite::Exception& e) {
    // A CHECK the schema enforces (a transfer without its voucher, an unknown method), as the API.
    if (std::string_view(e.what()).find("constraint failed") == std::string_view::npos) throw;
    return report_error(kExitBadInput, "invalid_value", e.what());
  }
}

}  // namespace cahub::cli
