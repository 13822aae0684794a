#include "staff/staff_directory.hpp"

#include <openssl/rand.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Statement.h>

#include "staff/password_hash.hpp"
#include "staff/staff_rows.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"
#include "store/write_transaction.hpp"

namespace cahub::staff {

StaffMember StaffDirectory::authenticate(const std::string& login, const std::string& password) {
  SQLite::Statement row(db_.sqlite(),
                        "SELECT id, login, display_name, role, regions, password_hash FROM staff WHERE login = ? AND disabled = 0");
  row.bind(1, login);
  // An unknown login still costs a hash, so timing does not tell which logins exist.
  static const std::string decoy = hash_password("decoy password", kDefaultIterations);
  if (!row.executeStep()) {
    (void)verify_password(password, decoy);
    throw StaffError("bad_credentials", "unknown login or wrong password");
  }
  StaffMember m = member_from(row);
  if (!verify_password(password, row.getColumn(5).getString()))
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
      "SELECT s.id, s.login, s.display_name, s.role, s.regions, x.expires_at FROM sessions x "
      "JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ? AND s.disabled = 0");
  row->bind(1, store::sha256_hex(token));
  if (!row->executeStep()) throw StaffError("bad_token", "unknown session; sign in again");
  if (row->getColumn(5).getString() <= store::now_china_time())
    throw StaffError("session_expired", "the session has expired; sign in again");
  return Session{"", row->getColumn(5).getString(), member_from(*row)};
}

void StaffDirectory::sign_out(const std::string& token) {
  if (token.size() != 64) throw StaffError("bad_token", "not a session token");
  store::WriteTransaction tx(db_);
  SQLite::Statement gone(db_.sqlite(), "DELETE FROM sessions WHERE token_hash = ?");
  gone.bind(1, store::sha256_hex(token));
  if (gone.exec() == 0) throw StaffError("bad_token", "unknown session; sign in again");
  tx.commit();
}

}  // namespace cahub::staff
