#include "staff/staff_directory.hpp"

#include <openssl/rand.h>

#include <cstdio>
#include <nlohmann/json.hpp>


#include "staff/password_hash.hpp"
#include "staff/staff_rows.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"

namespace cahub::staff {

StaffMember StaffDirectory::authenticate(const std::string& login, const std::string& password) {
  struct Found {
    StaffMember member;
    std::string password_hash;
  };
  const auto found = store::read(store_, [&](store::SqlConnection& db) -> std::optional<Found> {
    auto row = db.query("SELECT id, login, display_name, role, regions, password_hash FROM staff WHERE login = ? AND "
                        "disabled = 0");
    row->bind(1, login);
    if (!row->next_row()) return std::nullopt;
    return Found{member_from(*row), row->text(5)};
  });
  // An unknown login still costs a hash, so timing does not tell which logins exist.
  static const std::string decoy = hash_password("decoy password", kDefaultIterations);
  if (!found) {
    (void)verify_password(password, decoy);
    throw StaffError("bad_credentials", "unknown login or wrong password");
  }
  if (!verify_password(password, found->password_hash)) throw StaffError("bad_credentials", "unknown login or wrong password");
  return found->member;
}

Session StaffDirectory::sign_in(const std::string& login, const std::string& password, std::chrono::minutes lifetime) {
  return open_session(authenticate(login, password), lifetime);
}

Session StaffDirectory::open_session(const StaffMember& m, std::chrono::minutes lifetime) {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no random token");
  Session s{store::to_hex(bytes, sizeof bytes), store::china_time(std::chrono::system_clock::now() + lifetime), m};
  store_.write([&](store::SqlConnection& db) {
    auto insert = db.query("INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
    insert->bind(1, store::sha256_hex(s.token));
    insert->bind(2, m.id);
    insert->bind(3, store::now_china_time());
    insert->bind(4, s.expires_at);
    insert->run();
  });
  return s;
}

StaffMember StaffDirectory::resolve(const std::string& token) { return resolve_session(token).member; }

Session StaffDirectory::resolve_session(const std::string& token) {
  if (token.size() != 64) throw StaffError("bad_token", "not a session token");
  const std::string hash = store::sha256_hex(token);
  return store::read(store_, [&](store::SqlConnection& db) {
    // Every API request runs this one: on SQLite, kept prepared on the worker's connection.
    auto row = db.query("SELECT s.id, s.login, s.display_name, s.role, s.regions, x.expires_at FROM sessions x "
                        "JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ? AND s.disabled = 0");
    row->bind(1, hash);
    if (!row->next_row()) throw StaffError("bad_token", "unknown session; sign in again");
    if (row->text(5) <= store::now_china_time())
      throw StaffError("session_expired", "the session has expired; sign in again");
    return Session{"", row->text(5), member_from(*row)};
  });
}

void StaffDirectory::sign_out(const std::string& token) {
  if (token.size() != 64) throw StaffError("bad_token", "not a session token");
  store_.write([&](store::SqlConnection& db) {
    auto gone = db.query("DELETE FROM sessions WHERE token_hash = ? RETURNING staff_id");
    gone->bind(1, store::sha256_hex(token));
    if (!gone->next_row()) throw StaffError("bad_token", "unknown session; sign in again");
  });
}

}  // namespace cahub::staff
