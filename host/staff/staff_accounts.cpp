// The administration half of StaffDirectory: adding, listing, disabling and enabling accounts
// (staff_directory.hpp). Signing in and sessions are in staff_directory.cpp.
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Statement.h>

#include "staff/password_hash.hpp"
#include "staff/password_policy.hpp"
#include "staff/staff_directory.hpp"
#include "staff/staff_rows.hpp"
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

std::string forbidden_message(const StaffMember& by) {
  return std::string(orders::code_of(by.role)) + " " + by.login +
         " may not manage staff accounts: an administrator of all regions must";
}

// A platform administrator: role admin with every region ('*'), as the staff table holds it.
constexpr const char* kPlatformAdministrator = "role = 'admin' AND regions = '*'";

// Refuses `by` unless it is, in the database now, an enabled platform administrator: a session
// resolved before the write may belong to an account disabled, demoted or narrowed since. A
// region administrator administers its regions' rules, not the accounts of every region.
void require_admin(store::Database& db, const StaffMember& by) {
  SQLite::Statement row(db.sqlite(), std::string("SELECT 1 FROM staff WHERE id = ? AND disabled = 0 AND ") +
                                         kPlatformAdministrator);
  row.bind(1, static_cast<std::int64_t>(by.id));
  if (!row.executeStep()) throw StaffError("forbidden", forbidden_message(by));
}

// The enabled platform administrators, `login` among them or not.
std::int64_t enabled_platform_administrators(store::Database& db) {
  return db.sqlite()
      .execAndGet(std::string("SELECT count(*) FROM staff WHERE disabled = 0 AND ") + kPlatformAdministrator)
      .getInt64();
}

constexpr const char* kAccountColumns = "SELECT id, login, display_name, role, regions, disabled, created_at FROM staff";

StaffAccount account_from(SQLite::Statement& row) {
  StaffAccount a;
  a.member = member_from(row);
  a.disabled = row.getColumn(5).getInt() != 0;
  a.created_at = row.getColumn(6).getString();
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
  return insert_account(login, display_name, role, password, orders::RegionScope::all(), nullptr);
}

StaffMember StaffDirectory::add(const StaffMember& by, const std::string& login, const std::string& display_name,
                                orders::Role role, const std::string& password, const orders::RegionScope& regions) {
  return insert_account(login, display_name, role, password, regions, &by);
}

StaffMember StaffDirectory::insert_account(const std::string& login, const std::string& display_name,
                                           orders::Role role, const std::string& password,
                                           const orders::RegionScope& regions, const StaffMember* by) {
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
                           "INSERT INTO staff (login, display_name, role, password_hash, created_at, regions) "
                           "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, login);
  insert.bind(2, display_name);
  insert.bind(3, std::string(orders::code_of(role)));
  insert.bind(4, hashed);
  insert.bind(5, now);
  insert.bind(6, regions.stored());
  insert.exec();
  StaffMember m{db_.sqlite().getLastInsertRowid(), login, display_name, role, regions};
  store::append_audit_event(db_, {now, by ? by->login : "cli", std::nullopt, "staff.added",
                                  {{"login", login}, {"role", orders::code_of(role)}, {"display_name", display_name},
                                   {"regions", regions.stored()}}});
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
  // Never the last enabled platform administrator: nobody could then add, enable or disable an
  // account again, short of editing the database by hand — the very thing accounts are managed
  // here to avoid. Disabling oneself is fine while another one remains.
  if (disabled && account.member.is_platform_administrator() && enabled_platform_administrators(db_) <= 1)
    throw StaffError("last_admin", login + " is the last enabled administrator of all regions and cannot be disabled");
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

StaffAccount StaffDirectory::set_regions(const StaffMember& by, const std::string& login,
                                         const orders::RegionScope& regions) {
  store::WriteTransaction tx(db_);
  require_admin(db_, by);
  StaffAccount account = account_named(db_, login);
  if (account.member.regions == regions) return account;  // nothing changes: no event to replay
  // As disable(): narrowing the last platform administrator would leave nobody to manage accounts.
  if (!regions.is_all() && account.member.is_platform_administrator() && !account.disabled &&
      enabled_platform_administrators(db_) <= 1)
    throw StaffError("last_admin", login + " is the last enabled administrator of all regions and keeps all of them");
  SQLite::Statement update(db_.sqlite(), "UPDATE staff SET regions = ? WHERE id = ?");
  update.bind(1, regions.stored());
  update.bind(2, static_cast<std::int64_t>(account.member.id));
  update.exec();
  store::append_audit_event(db_, {store::now_china_time(), by.login, std::nullopt, "staff.regions_changed",
                                  {{"login", login}, {"regions", regions.stored()}}});
  tx.commit();
  account.member.regions = regions;
  return account;
}

}  // namespace cahub::staff
