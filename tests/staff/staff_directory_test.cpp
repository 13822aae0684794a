#include <catch2/catch.hpp>

#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using cahub::testing::ScratchFolder;

namespace {

struct Fixture {
  ScratchFolder scratch;
  store::Database db = store::Database::open_or_create(scratch / "cahub.db");
  StaffDirectory directory{db, 1000};  // fast hashes: the tests are about the directory
  // The first account, which adds the others.
  StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, "a long passphrase");

  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const StaffError& e) {
      return e.code();
    }
    return "accepted";
  }
  int count(const std::string& sql) { return db.sqlite().execAndGet(sql).getInt(); }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "an account signs in and its token resolves to it") {
  const StaffMember added = directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase");
  CHECK(added.role == orders::Role::Reviewer);
  const Session s = directory.sign_in("zhao.li", "a long passphrase", std::chrono::minutes(480));
  CHECK(s.token.size() == 64);
  const StaffMember who = directory.resolve(s.token);
  CHECK(who.login == "zhao.li");
  CHECK(who.display_name == "赵丽");
  CHECK(who.role == orders::Role::Reviewer);
  // The token itself is not in the database, only its hash.
  CHECK(count("SELECT count(*) FROM sessions WHERE token_hash = '" + s.token + "'") == 0);
}

TEST_CASE_METHOD(Fixture, "wrong password and unknown login get the same answer") {
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  CHECK(refusal([&] { directory.sign_in("wang.fang", "wrong passphrase", std::chrono::minutes(60)); }) ==
        "bad_credentials");
  CHECK(refusal([&] { directory.sign_in("nobody", "a long passphrase", std::chrono::minutes(60)); }) ==
        "bad_credentials");
}

TEST_CASE_METHOD(Fixture, "authenticating checks the password and opens no session") {
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  CHECK(directory.authenticate("wang.fang", "a long passphrase").role == orders::Role::Clerk);
  CHECK(refusal([&] { directory.authenticate("wang.fang", "wrong passphrase"); }) == "bad_credentials");
  CHECK(refusal([&] { directory.authenticate("nobody", "a long passphrase"); }) == "bad_credentials");
  CHECK(count("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE_METHOD(Fixture, "bad logins, weak passwords and taken logins are refused and nothing is stored") {
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  CHECK(refusal([&] { directory.add(admin, "Wang", "王", orders::Role::Clerk, "a long passphrase"); }) == "bad_login");
  CHECK(refusal([&] { directory.add(admin, "li", "", orders::Role::Clerk, "a long passphrase"); }) == "bad_name");
  CHECK(refusal([&] { directory.add(admin, "li", "李", orders::Role::Clerk, "short"); }) == "password_too_short");
  CHECK(refusal([&] { directory.add(admin, "li.na", "李", orders::Role::Clerk, "my name is Li.Na ok"); }) ==
        "password_contains_login");
  CHECK(refusal([&] { directory.add(admin, "li", "李", orders::Role::Clerk, "1qaz2wsx3edc"); }) == "password_common");
  CHECK(refusal([&] { directory.add(admin, "wang.fang", "王", orders::Role::Admin, "a long passphrase"); }) ==
        "login_taken");
  CHECK(count("SELECT count(*) FROM staff") == 2);
  CHECK(count("SELECT count(*) FROM audit_events") == 2);
}

TEST_CASE_METHOD(Fixture, "a refusal's kind is what the API answers with") {
  CHECK(StaffError("password_common", "").kind() == ErrorKind::BadInput);
  CHECK(StaffError("first_account_admin", "").kind() == ErrorKind::BadInput);
  CHECK(StaffError("forbidden", "").kind() == ErrorKind::Forbidden);
  CHECK(StaffError("unknown_staff", "").kind() == ErrorKind::NotFound);
  CHECK(StaffError("last_admin", "").kind() == ErrorKind::Conflict);
  CHECK(StaffError("sign_in_required", "").kind() == ErrorKind::Unauthenticated);
  CHECK(StaffError("bad_token", "").kind() == ErrorKind::Unauthenticated);
}

TEST_CASE_METHOD(Fixture, "an expired or unknown session is refused") {
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  const Session s = directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(0));
  CHECK(refusal([&] { directory.resolve(s.token); }) == "session_expired");
  CHECK(refusal([&] { directory.resolve(std::string(64, 'a')); }) == "bad_token");
  CHECK(refusal([&] { directory.resolve("short"); }) == "bad_token");
}

TEST_CASE_METHOD(Fixture, "signing out ends that session only, for good") {
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, "a long passphrase");
  const Session first = directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(60));
  const Session second = directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(60));
  directory.sign_out(first.token);
  CHECK(refusal([&] { directory.resolve(first.token); }) == "bad_token");
  CHECK(directory.resolve(second.token).login == "wang.fang");
  CHECK(refusal([&] { directory.sign_out(first.token); }) == "bad_token");
  CHECK(refusal([&] { directory.sign_out("short"); }) == "bad_token");
  CHECK(count("SELECT count(*) FROM sessions") == 1);
}

TEST_CASE_METHOD(Fixture, "adding an account is in the audit trail, and the chain holds") {
  directory.add(admin, "zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase");
  SQLite::Statement row(db.sqlite(), "SELECT actor, kind, payload_json FROM audit_events ORDER BY seq");
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getString() == "cli");  // the first account: nobody was signed in
  CHECK(nlohmann::json::parse(row.getColumn(2).getString()) ==
        nlohmann::json{{"login", "chen.jie"}, {"role", "admin"}, {"display_name", "陈杰"}, {"regions", "*"}});
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getString() == "chen.jie");
  CHECK(row.getColumn(1).getString() == "staff.added");
  CHECK(nlohmann::json::parse(row.getColumn(2).getString()) ==
        nlohmann::json{{"login", "zhao.li"}, {"role", "reviewer"}, {"display_name", "赵丽"}, {"regions", "*"}});
  CHECK_THAT(row.getColumn(2).getString(), !Catch::Contains("passphrase"));
  CHECK(store::verify_audit_chain(db).intact);
}
