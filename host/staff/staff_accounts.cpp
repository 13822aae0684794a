// The administration half of StaffDirectory: adding, listing, disabling and enabling accounts
// (staff_directory.hpp). Signing in and sessions are in staff_directory.cpp.
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Statement.h>

#include "staff/password_hash.hpp"
#include "staff/password_policy.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "store/write_transaction.hpp"

namespace cahub::staff {
namespace {

bool valid_login(const std::string& login) {
  if (login.empty() || login.size() > 64 || login[0] < 'a' || login[0] > 'z') return false;
  for (char c : login)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

void check_new_account(const std::string& login, const std::string& display_name, const std::string& password) {
  if (!valid_login(login))
    throw StaffError("bad_login", "login \"" + login +
                                      "\" must be lower-case letters, digits, '.', '_' or '-', starting with a letter");
  if (display_name.empty()) throw StaffError("bad_name", "the display name must not be empty");
  check_new_password(login, password);
}

// Refuses `by` unless it is, in the database now, an enabled administrator: a session resolved
// before the write may belong to an account disabled or demoted since.
void require_admin(store::Database& db, const StaffMember& by) {
  SQLite::Statement row(db.sqlite(), "SELECT 1 FROM staff WHERE id = ? AND role = 'admin' AND disabled = 0");
  row.bind(1, static_cast<std::int64_t>(by.id));
  if (!row.executeStep())
    throw StaffError("forbidden", std::string(orders::code_of(by.role)) + " " + by.login +
                                      " may not manage staff accounts: an administrator must");
}

constexpr const char* kAccountColumns = "SELECT id, login, display_name, role, disabled, created_at FROM staff";

StaffAccount account_from(SQLite::Statement& row) {
  StaffAccount a;
  a.member.id = row.getColumn(0).getInt64();
  a.member.login = row.getColumn(1).getString();
  a.member.display_name = row.getColumn(2).getString();
  a.member.role = orders::parse_role(row.getColumn(3).getString()).value_or(orders::Role::Clerk);
  a.disabled = row.getColumn(4).getInt() != 0;
  a.created_at = row.getColumn(5).getString();
  return a;
}

StaffAccount account_named(store::Database& db, const std::string& login) {
  SQLite::Statement row(db.sqlite(), std::string(kAccountColumns) + " WHERE login = ?");
  row.bind(1, login);
  if (!row.executeStep()) throw StaffError("unknown_staff", "there is no staff account \"" + login + "\"");
  return account_from(row);
}

}  // namespace

StaffMember StaffDirectory::add_first_account(const std::string& login, const std::string& display_name,
                                              orders::Role role, const std::string& password) {
  return insert_account(login, display_name, role, password, nullptr);
}

StaffMember StaffDirectory::add(const StaffMember& by, const std::string& login, const std::string& display_name,
                                orders::Role role, const std::string& password) {
  return insert_account(login, display_name, role, password, &by);
}

StaffMember StaffDirectory::insert_account(const std::string& login, const std::string& display_name,
                                           orders::Role role, const std::string& password, const StaffMember* by) {
  check_new_account(login, display_name, password);
  const std::string hashed = hash_password(password, iterations_);  // slow: outside the write lock
  store::WriteTransaction tx(db_);
  if (by) {
    require_admin(db_, *by);
  } else {
    // Only the very first account is made without an administrator; the check is inside the
    // write transaction, so two of them racing on an empty table cannot both pass it.
    if (db_.sqlite().execAndGet("SELECT count(*) FROM staff").getInt64() != 0)
      throw StaffError("sign_in_required",
                       "there are staff accounts already: only an administrator, signed in, may add another");
    if (role != orders::Role::Admin)
      throw StaffError("first_account_admin", "the first account must be an administrator, who then adds the others");
  }
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
  store::append_audit_event(db_, {now, by ? by->login : "cli", std::nullopt, "staff.added",
                                  {{"login", login}, {"role", orders::code_of(role)}, {"display_name", display_name}}});
  tx.commit();
  return m;
}

std::vector<StaffAccount> StaffDirectory::list() {
  SQLite::Statement rows(db_.sqlite(), std::string(kAccountColumns) + " ORDER BY login");
  std::vector<StaffAccount> out;
  while (rows.executeStep()) out.push_back(account_from(rows));
  return out;
}

StaffAccount StaffDirectory::account(const std::string& login) { return account_named(db_, login); }

StaffAccount StaffDirectory::disable(const StaffMember& by, const std::string& login) {
  return set_disabled(by, login, true);
}

StaffAccount StaffDirectory::enable(const StaffMember& by, const std::string& login) {
  return set_disabled(by, login, false);
}

StaffAccount StaffDirectory::set_disabled(const StaffMember& by, const std::string& login, bool disabled) {
  store::WriteTransaction tx(db_);
  require_admin(db_, by);
  StaffAccount account = account_named(db_, login);
  if (account.disabled == disabled) return account;  // nothing changes: no event to replay
  // Never the last enabled administrator: nobody could then add, enable or disable an account
  // again, short of editing the database by hand — the very thing accounts are managed here to
  // avoid. Disabling oneself is fine while another administrator remains.
  if (disabled && account.member.role == orders::Role::Admin &&
      db_.sqlite().execAndGet("SELECT count(*) FROM staff WHERE role = 'admin' AND disabled = 0").getInt64() <= 1)
    throw StaffError("last_admin", login + " is the last enabled administrator and cannot be disabled");
  SQLite::Statement update(db_.sqlite(), "UPDATE staff SET disabled = ? WHERE id = ?");
  update.bind(1, disabled ? 1 : 0);
  update.bind(2, static_cast<std::int64_t>(account.member.id));
  update.exec();
  if (disabled) {
    // For good: the rows go, so enabling the account again brings none of its tokens back.
    SQLite::Statement sessions(db_.sqlite(), "DELETE FROM sessions WHERE staff_id = ?");
    sessions.bind(1, static_cast<std::int64_t>(account.member.id));
    sessions.exec();
  }
  store::append_audit_event(db_, {store::now_china_time(), by.login, std::nullopt,
                                  disabled ? "staff.disabled" : "staff.enabled", {{"login", login}}});
  tx.commit();
  account.disabled = disabled;
  return account;
}

}  // namespace cahub::staff
