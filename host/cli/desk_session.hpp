#pragma once
// What the `cahub order` and `cahub certs` commands run on: the region scripts and CA plugins, one
// connection to the database, and the same desk::OrderDesk as the HTTP API's over it, writing on
// that connection (store::DirectCommitter: a command is one request). So the CLI takes the API's
// path and refuses with the API's codes.
//
// Who acts. Reads need no sign-in: the CLI reads with the permissions of the database file, as
// `certs expiring` and `audit verify` always have, and whoever can read the file reads every
// region in it (sqlite3 would too). A read that names a staff member (`--as`, or CAHUB_TOKEN set,
// as a clerk's shell has) is that member's read: only the member's regions, another region's
// order "not_found" as a missing one, exactly as in the API. Writes act as a named staff member,
// so roles, regions, four-eyes and the audit trail apply exactly as in the API:
//   - CAHUB_TOKEN set: a session token from `cahub staff sign-in` (or POST /v1/login), so a script
//     pays for the deliberately slow password hash once; `--as`, if also given, must name the
//     token's owner (a script that switches between a clerk and a reviewer cannot mix them up);
//   - otherwise `--as LOGIN`, with the password in CAHUB_PASSWORD or on the first line of stdin
//     (never on the command line, where `ps` and shell history would show it).

#include <functional>
#include <string>

#include "cli/global_options.hpp"
#include "cli/order_view.hpp"
#include "cli/runtime.hpp"
#include "desk/order_desk.hpp"
#include "orders/working_days.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "staff/staff_directory.hpp"
#include "store/committer.hpp"
#include "store/postgres/store_location.hpp"

namespace CLI { class App; }

namespace cahub::cli {

class DeskSession {
 public:
  // Loads the configuration, scripts and plugins and opens the store: the SQLite file, or the
  // PostgreSQL database of $CAHUB_DATABASE_URL or store.url (cli/database_url.hpp); StoreError when
  // it cannot be opened.
  explicit DeskSession(const GlobalOptions& global);
  DeskSession(const DeskSession&) = delete;
  DeskSession& operator=(const DeskSession&) = delete;

  desk::OrderDesk& desk() { return desk_; }
  store::SqlStore& database() { return *store_; }
  const Runtime& runtime() const { return runtime_; }

  // The staff member who acts (see above); staff::StaffError when nobody can be, with
  // "sign_in_required" when neither a token nor a login was given.
  orders::Actor acting_staff(const std::string& as);
  // The regions a read shows: the named staff member's (see above), or all of them.
  orders::RegionScope reading_regions(const std::string& as);

 private:
  Runtime runtime_;
  std::unique_ptr<store::SqlStore> store_;
  pipeline::QuotePipeline quotes_;
  orders::WorkingCalendar calendar_;
  store::DirectCommitter writes_;
  desk::DeskServices services_;
  desk::OrderDesk desk_;
};

// The staff member who acts, as described above, looked up in `directory`: for the commands that
// need no desk (`cahub staff add|disable|enable`).
staff::StaffMember acting_member(staff::StaffDirectory& directory, const std::string& as);
// Whether the command line names someone to act: `--as` given or CAHUB_TOKEN set.
bool acting_staff_named(const std::string& as);
// The regions a read on `database` shows, as DeskSession::reading_regions.
orders::RegionScope reading_regions(store::SqlStore& database, const std::string& as);

// `--as LOGIN`, the same on every command that writes.
void add_acting_option(CLI::App& cmd, std::string& as);
// `--as LOGIN` on a command that reads: only that staff member's regions.
void add_reading_option(CLI::App& cmd, std::string& as);

// The password for `login`: CAHUB_PASSWORD, else the first line of stdin (asked for without echo
// when stdin is a terminal). Empty when there is none.
std::string read_password(const std::string& login);

// Runs `act` at a desk as the acting staff member and prints the order it returns: the whole of
// a command that changes one order.
int answer_with_order(const GlobalOptions& global, const std::string& as, const OrderView& view,
                      const std::function<orders::Order(desk::OrderDesk&, const orders::Actor&)>& act);

// An error answered as the desk's are: "cahub: CODE: message" on stderr; returns `exit_code`.
int report_error(int exit_code, const std::string& code, const std::string& message);

// Runs a command's work and answers what the desk refuses the way the API does, as one line on
// stderr, "cahub: CODE: message", and the exit code of its class (cli/exit_codes.hpp); nothing
// was written.
int answer_at_desk(const std::function<int()>& work);

}  // namespace cahub::cli
