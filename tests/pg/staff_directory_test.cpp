#include <catch2/catch.hpp>

#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "staff_fixture.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

namespace {

template <typename Side>
struct Fixture : cahub::testing::StaffFixture<Side> {
  // The first account, which adds the others.
  StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, "a long passphrase");
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Fixture, "an account signs in and its token resolves to it", "", SqliteSide, PostgresSide) {
  const StaffMember added = this->directory.add(this->admin, "zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase");
  CHECK(added.role == orders::Role::Reviewer);
  const Session s = this->directory.sign_in("zhao.li", "a long passphrase", std::chrono::minutes(480));
  CHECK(s.token.size() == 64);
  const StaffMember who = this->directory.resolve(s.token);
  CHECK(who.login == "zhao.li");
  CHECK(who.display_name == "赵丽");
  CHECK(who.role == orders::Role::Reviewer);
  // The token itself is not in the database, only its hash.
  CHECK(this->count("SELECT count(*) FROM sessions WHERE token_hash = '" + s.token + "'") == 0);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "wrong password and unknown login get the same answer", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  CHECK(this->refusal([&] { this->directory.sign_in("wang.fang", "wrong passphrase", std::chrono::minutes(60)); }) ==
        "bad_credentials");
  CHECK(this->refusal([&] { this->directory.sign_in("nobody", "a long passphrase", std::chrono::minutes(60)); }) ==
        "bad_credentials");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "authenticating checks the password and opens no session", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  CHECK(this->directory.authenticate("wang.fang", "a long passphrase").role == orders::Role::Clerk);
  CHECK(this->refusal([&] { this->directory.authenticate("wang.fang", "wrong passphrase"); }) == "bad_credentials");
  CHECK(this->refusal([&] { this->directory.authenticate("nobody", "a long passphrase"); }) == "bad_credentials");
  CHECK(this->count("SELECT count(*) FROM sessions") == 0);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "bad logins, weak passwords and taken logins are refused and nothing is stored", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  CHECK(this->refusal([&] { this->directory.add(this->admin, "Wang", "王", orders::Role::Clerk, "a long passphrase"); }) == "bad_login");
  CHECK(this->refusal([&] { this->directory.add(this->admin, "li", "", orders::Role::Clerk, "a long passphrase"); }) == "bad_name");
  CHECK(this->refusal([&] { this->directory.add(this->admin, "li", "李", orders::Role::Clerk, "short"); }) == "password_too_short");
  CHECK(this->refusal([&] { this->directory.add(this->admin, "li.na", "李", orders::Role::Clerk, "my name is Li.Na ok"); }) ==
        "password_contains_login");
  CHECK(this->refusal([&] { this->directory.add(this->admin, "li", "李", orders::Role::Clerk, "1qaz2wsx3edc"); }) == "password_common");
  CHECK(this->refusal([&] { this->directory.add(this->admin, "wang.fang", "王", orders::Role::Admin, "a long passphrase"); }) ==
        "login_taken");
  CHECK(this->count("SELECT count(*) FROM staff") == 2);
  CHECK(this->count("SELECT count(*) FROM audit_events") == 2);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "a refusal's kind is what the API answers with", "", SqliteSide, PostgresSide) {
  CHECK(StaffError("password_common", "").kind() == ErrorKind::BadInput);
  CHECK(StaffError("first_account_admin", "").kind() == ErrorKind::BadInput);
  CHECK(StaffError("forbidden", "").kind() == ErrorKind::Forbidden);
  CHECK(StaffError("unknown_staff", "").kind() == ErrorKind::NotFound);
  CHECK(StaffError("last_admin", "").kind() == ErrorKind::Conflict);
  CHECK(StaffError("sign_in_required", "").kind() == ErrorKind::Unauthenticated);
  CHECK(StaffError("bad_token", "").kind() == ErrorKind::Unauthenticated);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "an expired or unknown session is refused", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  const Session s = this->directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(0));
  CHECK(this->refusal([&] { this->directory.resolve(s.token); }) == "session_expired");
  CHECK(this->refusal([&] { this->directory.resolve(std::string(64, 'a')); }) == "bad_token");
  CHECK(this->refusal([&] { this->directory.resolve("short"); }) == "bad_token");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "signing out ends that session only, for good", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  const Session first = this->directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(60));
  const Session second = this->directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(60));
  this->directory.sign_out(first.token);
  CHECK(this->refusal([&] { this->directory.resolve(first.token); }) == "bad_token");
  CHECK(this->directory.resolve(second.token).login == "wang.fang");
  CHECK(this->refusal([&] { this->directory.sign_out(first.token); }) == "bad_token");
  CHECK(this->refusal([&] { this->directory.sign_out("short"); }) == "bad_token");
  CHECK(this->count("SELECT count(*) FROM sessions") == 1);
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "adding an account is in the audit trail, and the chain holds", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase");
  this->sql_store().read([&](store::SqlConnection& db) {
    auto row = db.query("SELECT actor, kind, payload_json FROM audit_events ORDER BY seq");
    REQUIRE(row->next_row());
    CHECK(row->text(0) == "cli");  // the first account: nobody was signed in
    CHECK(nlohmann::json::parse(row->text(2)) ==
          nlohmann::json{{"login", "chen.jie"}, {"role", "admin"}, {"display_name", "陈杰"}, {"regions", "*"}});
    REQUIRE(row->next_row());
    CHECK(row->text(0) == "chen.jie");
    CHECK(row->text(1) == "staff.added");
    CHECK(nlohmann::json::parse(row->text(2)) ==
          nlohmann::json{{"login", "zhao.li"}, {"role", "reviewer"}, {"display_name", "赵丽"}, {"regions", "*"}});
    CHECK_THAT(row->text(2), !Catch::Contains("passphrase"));
  });
  CHECK(this->chain_intact());
}
