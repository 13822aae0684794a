// Administering accounts: the first administrator, who may add, disable and enable the others,
// and what a disabled account's sessions become.
#include <catch2/catch.hpp>

#include <future>

#include "staff/password_hash.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "staff_fixture.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

namespace {

constexpr const char* kPassphrase = "a long passphrase";

template <typename Side>
struct Fixture : cahub::testing::StaffFixture<Side> {
  // The kind and payload of the newest audit event, with its actor.
  std::pair<std::string, nlohmann::json> last_event() {
    auto [kind, actor, payload] = this->newest_event();
    return {kind + " by " + actor, payload};
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Fixture, "the first account is an administrator made on an empty table, and only there", "", SqliteSide, PostgresSide) {
  CHECK(this->refusal([&] { this->directory.add_first_account("wang.fang", "王芳", orders::Role::Clerk, kPassphrase); }) ==
        "first_account_admin");
  CHECK(this->count("SELECT count(*) FROM staff") == 0);
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  CHECK(admin.role == orders::Role::Admin);
  // Once there is an account, nobody is added without an administrator.
  CHECK(this->refusal([&] { this->directory.add_first_account("li.na", "李娜", orders::Role::Admin, kPassphrase); }) ==
        "sign_in_required");
  CHECK(this->count("SELECT count(*) FROM staff") == 1);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "only an enabled administrator adds, disables and enables accounts", "", SqliteSide, PostgresSide) {
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  const StaffMember clerk = this->directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  const StaffMember reviewer = this->directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, kPassphrase);
  CHECK(this->refusal([&] { this->directory.add(clerk, "li.na", "李娜", orders::Role::Admin, kPassphrase); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.add(reviewer, "li.na", "李娜", orders::Role::Clerk, kPassphrase); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.disable(clerk, "zhao.li"); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.enable(reviewer, "zhao.li"); }) == "forbidden");
  // An administrator's session resolved before they were disabled acts no more.
  const StaffMember second = this->directory.add(admin, "li.na", "李娜", orders::Role::Admin, kPassphrase);
  this->directory.disable(admin, "li.na");
  CHECK(this->refusal([&] { this->directory.add(second, "zhou.qi", "周琦", orders::Role::Clerk, kPassphrase); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.enable(second, "li.na"); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.disable(admin, "nobody"); }) == "unknown_staff");
  CHECK(this->count("SELECT count(*) FROM staff") == 4);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "disabling ends every session for good: enabling again brings none back", "", SqliteSide, PostgresSide) {
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  this->directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  const Session one = this->directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60));
  const Session two = this->directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60));
  const Session admins = this->directory.sign_in("chen.jie", kPassphrase, std::chrono::minutes(60));

  const StaffAccount disabled = this->directory.disable(admin, "wang.fang");
  CHECK(disabled.disabled);
  CHECK(this->refusal([&] { this->directory.resolve(one.token); }) == "bad_token");
  CHECK(this->refusal([&] { this->directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60)); }) == "bad_credentials");
  CHECK(this->count("SELECT count(*) FROM sessions") == 1);  // the administrator's own is untouched
  CHECK(this->directory.resolve(admins.token).login == "chen.jie");

  CHECK_FALSE(this->directory.enable(admin, "wang.fang").disabled);
  CHECK(this->refusal([&] { this->directory.resolve(one.token); }) == "bad_token");
  CHECK(this->refusal([&] { this->directory.resolve(two.token); }) == "bad_token");
  // It signs in anew.
  CHECK(this->directory.resolve(this->directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(60)).token).login ==
        "wang.fang");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "the last enabled administrator cannot be disabled", "", SqliteSide, PostgresSide) {
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  CHECK(this->refusal([&] { this->directory.disable(admin, "chen.jie"); }) == "last_admin");
  const StaffMember second = this->directory.add(admin, "li.na", "李娜", orders::Role::Admin, kPassphrase);
  this->directory.disable(admin, "li.na");
  // A disabled administrator does not this->count.
  CHECK(this->refusal([&] { this->directory.disable(admin, "chen.jie"); }) == "last_admin");
  this->directory.enable(admin, "li.na");
  // With another enabled, an administrator may disable even themselves.
  CHECK(this->directory.disable(admin, "chen.jie").disabled);
  CHECK(this->refusal([&] { this->directory.disable(second, "li.na"); }) == "last_admin");
  CHECK(this->count("SELECT count(*) FROM staff WHERE role = 'admin' AND disabled = 0") == 1);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "changes to accounts are audit events, in the kinds the replay reads", "", SqliteSide, PostgresSide) {
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  this->directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  this->directory.disable(admin, "wang.fang");
  CHECK(this->last_event() == std::pair<std::string, nlohmann::json>{"staff.disabled by chen.jie", {{"login", "wang.fang"}}});
  const int events = this->count("SELECT count(*) FROM audit_events");
  this->directory.disable(admin, "wang.fang");  // already disabled: nothing changes, nothing is recorded
  CHECK(this->count("SELECT count(*) FROM audit_events") == events);
  this->directory.enable(admin, "wang.fang");
  CHECK(this->last_event() == std::pair<std::string, nlohmann::json>{"staff.enabled by chen.jie", {{"login", "wang.fang"}}});
  CHECK(this->count("SELECT count(*) FROM audit_events") == events + 1);
  CHECK(this->chain_intact());
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "the list shows every account, disabled ones too, by login", "", SqliteSide, PostgresSide) {
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  this->directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, kPassphrase);
  this->directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  this->directory.disable(admin, "zhao.li");
  const std::vector<StaffAccount> all = this->directory.list();
  REQUIRE(all.size() == 3);
  CHECK(all[0].member.login == "chen.jie");
  CHECK(all[1].member.login == "wang.fang");
  CHECK_FALSE(all[1].disabled);
  CHECK(all[2].member.login == "zhao.li");
  CHECK(all[2].disabled);
  CHECK(all[2].member.role == orders::Role::Reviewer);
  CHECK(all[2].member.display_name == "赵丽");
  CHECK_FALSE(all[2].created_at.empty());
  CHECK(this->directory.account("wang.fang").member.role == orders::Role::Clerk);
  CHECK(this->refusal([&] { this->directory.account("nobody"); }) == "unknown_staff");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "an account whose password was set under the old rule still signs in", "", SqliteSide, PostgresSide) {
  // Ten characters were enough before: such an account is not locked out by the new rule.
  const StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  this->directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase);
  cahub::testing::exec(*this, "UPDATE staff SET password_hash = '" + hash_password("old enough", 1000) +
                                  "' WHERE login = 'wang.fang'");
  CHECK(this->directory.sign_in("wang.fang", "old enough", std::chrono::minutes(60)).member.login == "wang.fang");
}

namespace {

// Another host in the middle of a staff change: its transaction has taken the staff lock, as
// StaffDirectory's writes do, and has written `sql`, but not committed yet.
struct HostMidChange {
  pqxx::connection connection;
  pqxx::work tx{connection};
  HostMidChange(const std::string& url, const std::string& sql) : connection(url) {
    cahub::store::postgres::PgSession session(tx, "other host");
    session.serialize(store::Serial::staff_accounts);
    tx.exec(sql);
  }
};

// Runs `f` on a thread; its StaffError code, "accepted", once it returns.
std::future<std::string> on_another_host(std::function<void()> f) {
  return std::async(std::launch::async, [f = std::move(f)] {
    try {
      f();
    } catch (const StaffError& e) {
      return e.code();
    }
    return std::string("accepted");
  });
}

}  // namespace

// Under READ COMMITTED a host would not see another's uncommitted first account, and both would
// pass "the table is empty". The staff lock makes the second wait, then see it.
TEST_CASE("on PostgreSQL a first account waits for another host's and is then refused") {
  PostgresSide side;
  HostMidChange other(side.scratch.url(),
                      "INSERT INTO staff (login, display_name, role, password_hash, created_at, regions) VALUES "
                      "('chen.jie', '陈杰', 'admin', '" + hash_password(kPassphrase, 1000) + "', '2026-12-07T09:00:00+08:00', '*')");
  auto host = store::postgres::PgStore::open(side.url);
  auto second = on_another_host([&] {
    StaffDirectory(host, 1000).add_first_account("li.na", "李娜", orders::Role::Admin, kPassphrase);
  });
  CHECK(second.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);  // waiting for the lock
  other.tx.commit();
  CHECK(second.get() == "sign_in_required");
  CHECK(cahub::testing::count(side, "SELECT count(*) FROM staff") == 1);
}

// Two administrators disabling each other on two hosts at once: without the lock each would count
// two enabled administrators and both would be disabled, leaving nobody to manage accounts.
TEST_CASE("on PostgreSQL two hosts cannot disable the last two administrators at once") {
  PostgresSide side;
  StaffDirectory directory(side.store, 1000);
  const StaffMember chen = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);
  directory.add(chen, "li.na", "李娜", orders::Role::Admin, kPassphrase);
  HostMidChange other(side.scratch.url(), "UPDATE staff SET disabled = 1 WHERE login = 'li.na'");
  auto host = store::postgres::PgStore::open(side.url);
  auto second = on_another_host([&] { StaffDirectory(host, 1000).disable(chen, "chen.jie"); });
  CHECK(second.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
  other.tx.commit();
  CHECK(second.get() == "last_admin");
  CHECK(cahub::testing::count(side, "SELECT count(*) FROM staff WHERE disabled = 0") == 1);
}
