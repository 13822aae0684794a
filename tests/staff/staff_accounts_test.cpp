// Administering accounts: the first administrator, who may add, disable and enable the others,
// and what a disabled account's sessions become.
#include <catch2/catch.hpp>

#include "staff/password_hash.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using cahub::testing::ScratchFolder;

namespace {

constexpr const char* kPassphrase = "a long passphrase";

struct Fixture {
  ScratchFolder scratch;
  store::Database db = store::Database::open_or_create(scratch / "cahub.db");
  StaffDirectory directory{db, 1000};  // fast hashes: the tests are about the directory

  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const StaffError& e) {
      return e.code();
    }
    return "accepted";
  }
  int count(const std::string& sql) { return db.sqlite().execAndGet(sql).getInt(); }
  // The kind and payload of the newest audit event.
  std::pair<std::string, nlohmann::json> last_event() {
    SQLite::Statement row(db.sqlite(), "SELECT kind, payload_json, actor FROM audit_events ORDER BY seq DESC LIMIT 1");
    REQUIRE(row.executeStep());
    return {row.getColumn(0).getString() + " by " + row.getColumn(2).getString(),
            nlohmann::json::parse(row.getColumn(1).getString())};
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "the first account is an administrator made on an empty table, and only there") {
  CHECK(refusal([&] { directory.add_first_account("wang.fang", "王芳", orders::Role::Clerk, kPassphrase); }) ==
        "first_account_admin");
  CHECK(count("SELECT count(*) FROM staff") == 0);
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  CHECK(admin.role == orders::Role::Admin);
  // Once there is an account, nobody is added without an administrator.
  CHECK(refusal([&] { directory.add_first_account("li.na", "李娜", orders::Role::Admin, kPassphrase); }) ==
        "sign_in_required");
  CHECK(count("SELECT count(*) FROM staff") == 1);
}

TEST_CASE_METHOD(Fixture, "only an enabled administrator adds, disables and enables accounts") {
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  const StaffMember clerk = directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  const StaffMember reviewer = directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, kPassphrase);
  CHECK(refusal([&] { directory.add(clerk, "li.na", "李娜", orders::Role::Admin, kPassphrase); }) == "forbidden");
  CHECK(refusal([&] { directory.add(reviewer, "li.na", "李娜", orders::Role::Clerk, kPassphrase); }) == "forbidden");
  CHECK(refusal([&] { directory.disable(clerk, "zhao.li"); }) == "forbidden");
  CHECK(refusal([&] { directory.enable(reviewer, "zhao.li"); }) == "forbidden");
  // An administrator's session resolved before they were disabled acts no more.
  const StaffMember second = directory.add(admin, "li.na", "李娜", orders::Role::Admin, kPassphrase);
  directory.disable(admin, "li.na");
  CHECK(refusal([&] { directory.add(second, "zhou.qi", "周琦", orders::Role::Clerk, kPassphrase); }) == "forbidden");
  CHECK(refusal([&] { directory.enable(second, "li.na"); }) == "forbidden");
  CHECK(refusal([&] { directory.disable(admin, "nobody"); }) == "unknown_staff");
  CHECK(count("SELECT count(*) FROM staff") == 4);
}

TEST_CASE_METHOD(Fixture, "disabling ends every session for good: enabling again brings none back") {
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  const Session one = directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60));
  const Session two = directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60));
  const Session admins = directory.sign_in("chen.jie", kPassphrase, std::chrono::minutes(60));

  const StaffAccount disabled = directory.disable(admin, "wang.fang");
  CHECK(disabled.disabled);
  CHECK(refusal([&] { directory.resolve(one.token); }) == "bad_token");
  CHECK(refusal([&] { directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60)); }) == "bad_credentials");
  CHECK(count("SELECT count(*) FROM sessions") == 1);  // the administrator's own is untouched
  CHECK(directory.resolve(admins.token).login == "chen.jie");

  CHECK_FALSE(directory.enable(admin, "wang.fang").disabled);
  CHECK(refusal([&] { directory.resolve(one.token); }) == "bad_token");
  CHECK(refusal([&] { directory.resolve(two.token); }) == "bad_token");
  // It signs in anew.
  CHECK(directory.resolve(directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60)).token).login ==
        "wang.fang");
}

TEST_CASE_METHOD(Fixture, "the last enabled administrator cannot be disabled") {
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  CHECK(refusal([&] { directory.disable(admin, "chen.jie"); }) == "last_admin");
  const StaffMember second = directory.add(admin, "li.na", "李娜", orders::Role::Admin, kPassphrase);
  directory.disable(admin, "li.na");
  // A disabled administrator does not count.
  CHECK(refusal([&] { directory.disable(admin, "chen.jie"); }) == "last_admin");
  directory.enable(admin, "li.na");
  // With another enabled, an administrator may disable even themselves.
  CHECK(directory.disable(admin, "chen.jie").disabled);
  CHECK(refusal([&] { directory.disable(second, "li.na"); }) == "last_admin");
  CHECK(count("SELECT count(*) FROM staff WHERE role = 'admin' AND disabled = 0") == 1);
}

TEST_CASE_METHOD(Fixture, "changes to accounts are audit events, in the kinds the replay reads") {
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  directory.disable(admin, "wang.fang");
  CHECK(last_event() == std::pair<std::string, nlohmann::json>{"staff.disabled by chen.jie", {{"login", "wang.fang"}}});
  const int events = count("SELECT count(*) FROM audit_events");
  directory.disable(admin, "wang.fang");  // already disabled: nothing changes, nothing is recorded
  CHECK(count("SELECT count(*) FROM audit_events") == events);
  directory.enable(admin, "wang.fang");
  CHECK(last_event() == std::pair<std::string, nlohmann::json>{"staff.enabled by chen.jie", {{"login", "wang.fang"}}});
  CHECK(count("SELECT count(*) FROM audit_events") == events + 1);
  CHECK(store::verify_audit_chain(db).intact);
}

TEST_CASE_METHOD(Fixture, "the list shows every account, disabled ones too, by login") {
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, kPassphrase);
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  directory.disable(admin, "zhao.li");
  const std::vector<StaffAccount> all = directory.list();
  REQUIRE(all.size() == 3);
  CHECK(all[0].member.login == "chen.jie");
  CHECK(all[1].member.login == "wang.fang");
  CHECK_FALSE(all[1].disabled);
  CHECK(all[2].member.login == "zhao.li");
  CHECK(all[2].disabled);
  CHECK(all[2].member.role == orders::Role::Reviewer);
  CHECK(all[2].member.display_name == "赵丽");
  CHECK_FALSE(all[2].created_at.empty());
  CHECK(directory.account("wang.fang").member.role == orders::Role::Clerk);
  CHECK(refusal([&] { directory.account("nobody"); }) == "unknown_staff");
}

TEST_CASE_METHOD(Fixture, "an account whose password was set under the old rule still signs in") {
  // Ten characters were enough before: such an account is not locked out by the new rule.
  const StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  db.sqlite().exec("UPDATE staff SET password_hash = '" + hash_password("old enough", 1000) + "' WHERE login = 'wang.fang'");
  CHECK(directory.sign_in("wang.fang", "old enough", std::chrono::minutes(60)).member.login == "wang.fang");
}
