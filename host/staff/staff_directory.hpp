#pragma once
// Staff accounts and their sign-in sessions, in the store (schema 2: staff, sessions), SQLite or
// PostgreSQL.
//
// There is no default account: the first one, an administrator, is made with `cahub staff add` on
// an empty staff table, and only administrators add, disable and enable accounts after that
// (issue 15: whoever can write the database file must not be able to make an administrator with a
// command). A sign-in returns a bearer token (32 random bytes, hex) that is stored only as its
// SHA-256; it expires after the configured hours, or ends earlier when its holder signs out or
// the account is disabled (the session rows are deleted: re-enabling brings no token back).
// Every API call resolves its token to a StaffMember or is refused.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/coded_error.hpp"
#include "orders/order_workflow.hpp"
#include "store/sql_connection.hpp"

namespace cahub::staff {

struct StaffMember {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  orders::Role role = orders::Role::Clerk;
  // staff.regions, parsed where the row is read: an account made before regions existed has all.
  orders::RegionScope regions = orders::RegionScope::all();

  // Who acts, as the desk and the workflow table know a staff member.
  orders::Actor actor() const { return {login, role, regions}; }
  bool is_platform_administrator() const { return orders::is_platform_administrator(role, regions); }
};

// A request the directory refuses: a stable code and a sentence. Signing in and sessions fail as
// Unauthenticated ("bad_credentials", "bad_token", "session_expired", "sign_in_required"); a bad
// login name, name or password when adding staff is BadInput ("bad_login", "bad_name",
// "first_account_admin", and the password_policy.hpp codes "password_too_short",
// "password_contains_login", "password_repetitive", "password_common"); anyone but a platform
// administrator (an admin of all regions) managing accounts is Forbidden ("forbidden"); an unknown
// account NotFound ("unknown_staff"); a taken login or the last platform administrator Conflict
// ("login_taken", "last_admin").
class StaffError : public CodedError {
 public:
  StaffError(std::string code, const std::string& message) : CodedError(kind_of(code), code, message) {}

 private:
  static ErrorKind kind_of(const std::string& code) {
    if (code == "login_taken" || code == "last_admin") return ErrorKind::Conflict;
    if (code == "forbidden") return ErrorKind::Forbidden;
    if (code == "unknown_staff") return ErrorKind::NotFound;
    if (code == "bad_login" || code == "bad_name" || code == "first_account_admin" || code.rfind("password_", 0) == 0)
      return ErrorKind::BadInput;
    return ErrorKind::Unauthenticated;
  }
};

// An account as an administrator sees it.
struct StaffAccount {
  StaffMember member;
  bool disabled = false;
  std::string created_at;
};

struct Session {
  std::string token;  // give to the client once; only its hash is kept
  std::string expires_at;
  StaffMember member;
};

class StaffDirectory {
 public:
  // On either store (store/sql_connection.hpp): a SQLite file, or PostgreSQL shared by hosts.
  explicit StaffDirectory(store::SqlStore& store, unsigned iterations = 600'000)
      : store_(store), iterations_(iterations) {}

  // The first account, added by nobody: only while the staff table is empty (StaffError
  // "sign_in_required" otherwise), and only a platform administrator, an admin of all regions
  // ("first_account_admin" otherwise, since anyone else could add no one after it). Logins are
  // lower-case ASCII (a-z, 0-9, '.', '_', '-', starting with a letter); the password must pass
  // check_new_password (password_policy.hpp). Writes "staff.added" {login, role, display_name,
  // regions} (actor "cli") in the same transaction, so two first accounts racing on an empty
  // table cannot both be made.
  StaffMember add_first_account(const std::string& login, const std::string& display_name, orders::Role role,
                                const std::string& password);
  // An account added by `by`, who must be an enabled platform administrator when the write runs
  // ("forbidden"), working in `regions`. Otherwise as add_first_account; "staff.added" with `by`
  // as the actor.
  StaffMember add(const StaffMember& by, const std::string& login, const std::string& display_name,
                  orders::Role role, const std::string& password,
                  const orders::RegionScope& regions = orders::RegionScope::all());

  // Every account, disabled ones too, by login. Reads only.
  std::vector<StaffAccount> list();
  // The account `login`; StaffError "unknown_staff" if there is none. Reads only.
  StaffAccount account(const std::string& login);
  // Disables `login` and deletes every session it has, for good: enabling it again brings none
  // back. `by` must be an enabled administrator ("forbidden"); "unknown_staff" for no such
  // account; "last_admin" for the last enabled administrator. An account already disabled is left
  // as it is, with no audit event. Writes "staff.disabled" {login} in the same transaction.
  StaffAccount disable(const StaffMember& by, const std::string& login);
  // Enables `login` again; it signs in anew (its old sessions were deleted). As disable(), with
  // "staff.enabled" {login}.
  StaffAccount enable(const StaffMember& by, const std::string& login);
  // Gives `login` these regions, from its next request on (a session reads them from the account
  // each time). `by` as for disable(); "last_admin" when it would leave no enabled platform
  // administrator. The same regions again change nothing and write no event; otherwise
  // "staff.regions_changed" {login, regions} in the same transaction.
  StaffAccount set_regions(const StaffMember& by, const std::string& login, const orders::RegionScope& regions);

  // The staff member whose password this is; StaffError("bad_credentials") otherwise. Opens no
  // session: for a command line that acts once (`cahub order ... --as LOGIN`).
  StaffMember authenticate(const std::string& login, const std::string& password);

  // Checks the password and opens a session of `lifetime`. The same "bad_credentials" answer for
  // an unknown login and a wrong password, so the API does not tell which logins exist.
  Session sign_in(const std::string& login, const std::string& password, std::chrono::minutes lifetime);
  // A session of `lifetime` for `member`, whose password authenticate() has checked: sign_in()
  // in two steps, so that the slow check and the write can be bounded apart (sign_in_guard.hpp).
  Session open_session(const StaffMember& member, std::chrono::minutes lifetime);

  // The staff member a bearer token belongs to; StaffError("session_expired"/"bad_token") if none.
  StaffMember resolve(const std::string& token);
  // The same check, with the session's expiry (for GET /v1/me, so a console can warn before it
  // lapses). The token is left empty: only its hash is stored, and the caller already has it.
  Session resolve_session(const std::string& token);
  // Ends the session of `token` (POST /v1/logout): its row is deleted, and the token gets
  // "bad_token" from then on. "bad_token" if it was no session.
  void sign_out(const std::string& token);

 private:
  StaffMember insert_account(const std::string& login, const std::string& display_name, orders::Role role,
                             const std::string& password, const orders::RegionScope& regions, const StaffMember* by);
  StaffAccount set_disabled(const StaffMember& by, const std::string& login, bool disabled);

  store::SqlStore& store_;
  unsigned iterations_;
};

}  // namespace cahub::staff
