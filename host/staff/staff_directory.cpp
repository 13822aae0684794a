#include "staff/staff_directory.hpp"

#include <openssl/rand.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Statement.h>

#include "staff/password_hash.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"
#include "store/write_transaction.hpp"

namespace cahub::staff {
namespace {

constexpr std::size_t kMinPasswordLength = 10;

bool valid_login(const std::string& login) {
  if (login.empty() || login.size() > 64 || login[0] < 'a' || login[0] > 'z') return false;
  for (char c : login)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

StaffMember member_from(SQLite::Statement& row) {
  StaffMember m;
  m.id = row.getColumn(0).getInt64();
  m.login = row.getColumn(1).getString();
  m.display_name = row.getColumn(2).getString();
  m.role = orders::parse_role(row.getColumn(3).getString()).value_or(orders::Role::Clerk);
  return m;
}

}  // namespace

StaffMember StaffDirectory::add(const std::string& login, const std::string& display_name, orders::Role role,
                                const std::string& password, const std::string& by) {
  if (!valid_login(login))
    throw StaffError("bad_login", "login \"" + login +
                                      "\" must be lower-case letters, digits, '.', '_' or '-', starting with a letter");
  if (display_name.empty()) throw StaffError("bad_name", "the display name must not be empty");
  if (password.size() < kMinPasswordLength)
    throw StaffError("weak_password", "the password must be at least " + std::to_string(kMinPasswordLength) +
                                          " characters");
  const std::string hashed = hash_password(password, iterations_);  // slow: outside the write lock
  store::WriteTransaction tx(db_);
  SQLite::Statement taken(db_.sqlite(), "SELECT 1 FROM staff WHERE login = ?");
  taken.bind(1, login);
  if (taken.executeStep()) throw StaffError("login_taken", "there is already a staff account \"" + login + "\"");
  const std::string now = store::now_china_time();
  SQLite::Statement insert(db_.sqlite(),
                           "INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, login);
  insert.bind(2, display_name);
  insert.bind(3, std::string(orders::code_of(role)));
  insert.bind(4, hashed);
  insert.bind(5, now);
  insert.exec();
  StaffMember m{db_.sqlite().getLastInsertRowid(), login, display_name, role};
  store::append_audit_event(db_, {now, by, std::nullopt, "staff.added",
                                  {{"login", login}, {"role", orders::code_of(role)}, {"display_name", display_name}}});
  tx.commit();
  return m;
}

StaffMember StaffDirectory::authenticate(const std::string& login, const std::string& password) {
  SQLite::Statement row(db_.sqlite(),
                        "SELECT id, login, display_name, role, password_hash FROM staff WHERE login = ? AND disabled = 0");
  row.bind(1, login);
  // An unknown login still costs a hash, so timing does not tell which logins exist.
  static const std::string decoy = hash_password("decoy password", kDefaultIterations);
  if (!row.executeStep()) {
    (void)verify_password(password, decoy);
    throw StaffError("bad_credentials", "unknown login or wrong password");
  }
  StaffMember m = member_from(row);
  if (!verify_password(password, row.getColumn(4).getString()))
    throw StaffError("bad_credentials", "unknown login or wrong password");
  return m;
}

Session StaffDirectory::sign_in(const std::string& login, const std::string& password, std::chrono::minutes lifetime) {
  return open_session(authenticate(login, password), lifetime);
}

Session StaffDirectory::open_session(const StaffMember& m, std::chrono::minutes lifetime) {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no random token");
  Session s{store::to_hex(bytes, sizeof bytes), store::china_time(std::chrono::system_clock::now() + lifetime), m};
  store::WriteTransaction tx(db_);
  SQLite::Statement insert(db_.sqlite(),
                           "INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
  insert.bind(1, store::sha256_hex(s.token));
  insert.bind(2, static_cast<std::int64_t>(m.id));
  insert.bind(3, store::now_china_time());
  insert.bind(4, s.expires_at);
  insert.exec();
  tx.commit();
  return s;
}

StaffMember StaffDirectory::resolve(const std::string& token) { return resolve_session(token).member; }

Session StaffDirectory::resolve_session(const std::string& token) {
  if (token.size() != 64) throw StaffError("bad_token", "not a session token");
  // Every API request runs this one: kept prepared on the worker's connection.
  store::CachedStatement row = db_.statement(
      "SELECT s.id, s.login, s.display_name, s.role, x.expires_at FROM sessions x "
      "JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ? AND s.disabled = 0");
  row->bind(1, store::sha256_hex(token));
  if (!row->executeStep()) throw StaffError("bad_token", "unknown session; sign in again");
  if (row->getColumn(4).getString() <= store::now_china_time())
    throw StaffError("session_expired", "the session has expired; sign in again");
  return Session{"", row->getColumn(4).getString(), member_from(*row)};
}

}  // namespace cahub::staff
