#pragma once
// Staff accounts and their sign-in sessions, in the store (schema 2: staff, sessions).
//
// There is no default account: the first one is made with `cahub staff add`. A sign-in returns a
// bearer token (32 random bytes, hex) that is stored only as its SHA-256; it expires after the
// configured hours. Every API call resolves its token to a StaffMember or is refused.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "domain/coded_error.hpp"
#include "orders/order_workflow.hpp"
#include "store/database.hpp"

namespace cahub::staff {

struct StaffMember {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  orders::Role role = orders::Role::Clerk;
};

// A request the directory refuses: a stable code ("login_taken", "bad_login", "weak_password",
// "bad_credentials", "session_expired") and a sentence.
// Signing in and sessions fail as Unauthenticated; a bad login name, name or password when adding
// staff is BadInput and a taken login a Conflict.
class StaffError : public CodedError {
 public:
  StaffError(std::string code, const std::string& message) : CodedError(kind_of(code), code, message) {}

 private:
  static ErrorKind kind_of(const std::string& code) {
    if (code == "login_taken") return ErrorKind::Conflict;
    if (code == "bad_login" || code == "bad_name" || code == "weak_password") return ErrorKind::BadInput;
    return ErrorKind::Unauthenticated;
  }
};

struct Session {
  std::string token;  // give to the client once; only its hash is kept
  std::string expires_at;
  StaffMember member;
};

class StaffDirectory {
 public:
  explicit StaffDirectory(store::Database& db, unsigned iterations = 600'000) : db_(db), iterations_(iterations) {}

  // Adds an account. Logins are lower-case ASCII (a-z, 0-9, '.', '_', '-', starting with a letter);
  // passwords at least 10 characters. Writes an audit event in the same transaction.
  StaffMember add(const std::string& login, const std::string& display_name, orders::Role role,
                  const std::string& password, const std::string& by);

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

 private:
  store::Database& db_;
  unsigned iterations_;
};

}  // namespace cahub::staff
