// The administration half of StaffDirectory: adding, listing, disabling and enabling accounts
// (staff_directory.hpp). Signing in and sessions are in staff_directory.cpp.
#include <nlohmann/json.hpp>

#include "staff/password_hash.hpp"
#include "staff/password_policy.hpp"
#include "staff/staff_directory.hpp"
#include "staff/staff_rows.hpp"
#include "store/audit_log.hpp"

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
void require_admin(store::SqlConnection& db, const StaffMember& by) {
  auto row = db.query(std::string("SELECT 1 FROM staff WHERE id = ? AND disabled = 0 AND ") + kPlatformAdministrator);
  row->bind(1, by.id);
  if (!row->next_row()) throw StaffError("forbidden", forbidden_message(by));
}

std::int64_t count_of(store::SqlConnection& db, const std::string& sql) {
  auto row = db.query(sql);
  row->next_row();
  return row->int64(0);
}

// The enabled platform administrators, `login` among them or not.
std::int64_t enabled_platform_administrators(store::SqlConnection& db) {
  return count_of(db, std::string("SELECT count(*) FROM staff WHERE disabled = 0 AND ") + kPlatformAdministrator);
}

constexpr const char* kAccountColumns = "SELECT id, login, display_name, role, regions, disabled, created_at FROM staff";

StaffAccount account_from(store::SqlStatement& row) {
  StaffAccount a;
  a.member = member_from(row);
  a.disabled = row.int64(5) != 0;
  a.created_at = row.text(6);
  return a;
}

StaffAccount account_named(store::SqlConnection& db, const std::string& login) {
  auto row = db.query(std::string(kAccountColumns) + " WHERE login = ?");
  row->bind(1, login);
  if (!row->next_row()) throw StaffError("unknown_staff", "there is no staff account \"" + login + "\"");
  return account_from(*row);
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
  const std::string hashed = hash_password(password, iterations_);  // slow: outside the write
  return store::write(store_, [&](store::SqlConnection& db) {
    // The checks below hold across hosts: one staff administration at a time.
    db.serialize(store::Serial::staff_accounts);
    if (by) {
      require_admin(db, *by);
    } else {
      // Only the very first account is made without an administrator; the check is inside the
      // write, serialized, so two of them racing on an empty table cannot both pass it.
      if (count_of(db, "SELECT count(*) FROM staff") != 0)
        throw StaffError("sign_in_required",
                         "there are staff accounts already: only an administrator, signed in, may add another");
      if (role != orders::Role::Admin)
        throw StaffError("first_account_admin", "the first account must be an administrator, who then adds the others");
    }
    auto taken = db.query("SELECT 1 FROM staff WHERE login = ?");
    taken->bind(1, login);
    if (taken->next_row()) throw StaffError("login_taken", "there is already a staff account \"" + login + "\"");
    const std::string now = store::now_china_time();
    auto insert = db.query("INSERT INTO staff (login, display_name, role, password_hash, created_at, regions) "
                           "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    insert->bind(1, login);
    insert->bind(2, display_name);
    insert->bind(3, std::string(orders::code_of(role)));
    insert->bind(4, hashed);
    insert->bind(5, now);
    insert->bind(6, regions.stored());
    insert->next_row();
    StaffMember m{insert->int64(0), login, display_name, role, regions};
    insert.reset();  // SQLite: the INSERT finishes before the next statement
    store::append_audit_event(db, {now, by ? by->login : "cli", std::nullopt, "staff.added",
                                   {{"login", login}, {"role", orders::code_of(role)}, {"display_name", display_name},
                                    {"regions", regions.stored()}}});
    return m;
  });
}

std::vector<StaffAccount> StaffDirectory::list() {
  return store::read(store_, [](store::SqlConnection& db) {
    // Logins are ASCII: the same order on both stores, whatever PostgreSQL's collation.
    auto rows = db.query(std::string(kAccountColumns) + " ORDER BY login");
    std::vector<StaffAccount> out;
    while (rows->next_row()) out.push_back(account_from(*rows));
    return out;
  });
}

StaffAccount StaffDirectory::account(const std::string& login) {
  return store::read(store_, [&](store::SqlConnection& db) { return account_named(db, login); });
}

StaffAccount StaffDirectory::disable(const StaffMember& by, const std::string& login) {
  return set_disabled(by, login, true);
}

StaffAccount StaffDirectory::enable(const StaffMember& by, const std::string& login) {
  return set_disabled(by, login, false);
}

StaffAccount StaffDirectory::set_disabled(const StaffMember& by, const std::string& login, bool disabled) {
  return store::write(store_, [&](store::SqlConnection& db) {
    db.serialize(store::Serial::staff_accounts);  // two administrators disabling each other: one at a time
    require_admin(db, by);
    StaffAccount account = account_named(db, login);
    if (account.disabled == disabled) return account;  // nothing changes: no event to replay
    // Never the last enabled platform administrator: nobody could then add, enable or disable an
    // account again, short of editing the database by hand — the very thing accounts are managed
    // here to avoid. Disabling oneself is fine while another one remains.
    if (disabled && account.member.is_platform_administrator() && enabled_platform_administrators(db) <= 1)
      throw StaffError("last_admin", login + " is the last enabled administrator of all regions and cannot be disabled");
    auto update = db.query("UPDATE staff SET disabled = ? WHERE id = ?");
    update->bind(1, std::int64_t{disabled ? 1 : 0});
    update->bind(2, account.member.id);
    update->run();
    if (disabled) {
      // For good: the rows go, so enabling the account again brings none of its tokens back.
      auto sessions = db.query("DELETE FROM sessions WHERE staff_id = ?");
      sessions->bind(1, account.member.id);
      sessions->run();
    }
    store::append_audit_event(db, {store::now_china_time(), by.login, std::nullopt,
                                   disabled ? "staff.disabled" : "staff.enabled", {{"login", login}}});
    account.disabled = disabled;
    return account;
  });
}

StaffAccount StaffDirectory::set_regions(const StaffMember& by, const std::string& login,
                                         const orders::RegionScope& regions) {
  return store::write(store_, [&](store::SqlConnection& db) {
    db.serialize(store::Serial::staff_accounts);
    require_admin(db, by);
    StaffAccount account = account_named(db, login);
    if (account.member.regions == regions) return account;  // nothing changes: no event to replay
    // As disable(): narrowing the last platform administrator would leave nobody to manage accounts.
    if (!regions.is_all() && account.member.is_platform_administrator() && !account.disabled &&
        enabled_platform_administrators(db) <= 1)
      throw StaffError("last_admin", login + " is the last enabled administrator of all regions and keeps all of them");
    auto update = db.query("UPDATE staff SET regions = ? WHERE id = ?");
    update->bind(1, regions.stored());
    update->bind(2, account.member.id);
    update->run();
    store::append_audit_event(db, {store::now_china_time(), by.login, std::nullopt, "staff.regions_changed",
                                   {{"login", login}, {"regions", regions.stored()}}});
    account.member.regions = regions;
    return account;
  });
}

}  // namespace cahub::staff
