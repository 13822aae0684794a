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

  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const StaffError& e) {
      return e.code();
    }
    return "accepted";
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "an account signs in and its token resolves to it") {
  const StaffMember added = directory.add("zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase", "cli");
  CHECK(added.role == orders::Role::Reviewer);
  const Session s = directory.sign_in("zhao.li", "a long passphrase", std::chrono::minutes(480));
  CHECK(s.token.size() == 64);
  const StaffMember who = directory.resolve(s.token);
  CHECK(who.login == "zhao.li");
  CHECK(who.display_name == "赵丽");
  CHECK(who.role == orders::Role::Reviewer);
  // The token itself is not in the database, only its hash.
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM sessions WHERE token_hash = '" + s.token + "'").getInt() == 0);
}

TEST_CASE_METHOD(Fixture, "wrong password and unknown login get the same answer") {
  directory.add("wang.fang", "王芳", orders::Role::Clerk, "a long passphrase", "cli");
  CHECK(refusal([&] { directory.sign_in("wang.fang", "wrong passphrase", std::chrono::minutes(60)); }) ==
        "bad_credentials");
  CHECK(refusal([&] { directory.sign_in("nobody", "a long passphrase", std::chrono::minutes(60)); }) ==
        "bad_credentials");
}

TEST_CASE_METHOD(Fixture, "authenticating checks the password and opens no session") {
  directory.add("wang.fang", "王芳", orders::Role::Clerk, "a long passphrase", "cli");
  CHECK(directory.authenticate("wang.fang", "a long passphrase").role == orders::Role::Clerk);
  CHECK(refusal([&] { directory.authenticate("wang.fang", "wrong passphrase"); }) == "bad_credentials");
  CHECK(refusal([&] { directory.authenticate("nobody", "a long passphrase"); }) == "bad_credentials");
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM sessions").getInt() == 0);
}

TEST_CASE_METHOD(Fixture, "bad logins, short passwords and taken logins are refused and nothing is stored") {
  directory.add("wang.fang", "王芳", orders::Role::Clerk, "a long passphrase", "cli");
  CHECK(refusal([&] { directory.add("Wang", "王", orders::Role::Clerk, "a long passphrase", "cli"); }) == "bad_login");
  CHECK(refusal([&] { directory.add("li", "李", orders::Role::Clerk, "short", "cli"); }) == "weak_password");
  CHECK(refusal([&] { directory.add("wang.fang", "王", orders::Role::Admin, "a long passphrase", "cli"); }) ==
        "login_taken");
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM staff").getInt() == 1);
}

TEST_CASE_METHOD(Fixture, "an expired or unknown session is refused") {
  directory.add("wang.fang", "王芳", orders::Role::Clerk, "a long passphrase", "cli");
  const Session s = directory.sign_in("wang.fang", "a long passphrase", std::chrono::minutes(0));
  CHECK(refusal([&] { directory.resolve(s.token); }) == "session_expired");
  CHECK(refusal([&] { directory.resolve(std::string(64, 'a')); }) == "bad_token");
  CHECK(refusal([&] { directory.resolve("short"); }) == "bad_token");
}

TEST_CASE_METHOD(Fixture, "adding an account is in the audit trail, and the chain holds") {
  directory.add("zhao.li", "赵丽", orders::Role::Reviewer, "a long passphrase", "admin.chen");
  SQLite::Statement row(db.sqlite(), "SELECT actor, kind, payload_json FROM audit_events");
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getString() == "admin.chen");
  CHECK(row.getColumn(1).getString() == "staff.added");
  CHECK_THAT(row.getColumn(2).getString(), Catch::Contains("\"role\":\"reviewer\""));
  CHECK_THAT(row.getColumn(2).getString(), !Catch::Contains("passphrase"));
  CHECK(store::verify_audit_chain(db).intact);
}
