// Staff who belong to regions (issue 16): an account's regions travel with every sign-in and
// session; only an administrator of all regions (a platform administrator) manages accounts, and
// the last enabled one keeps all regions; accounts made before regions existed keep every region.
#include <catch2/catch.hpp>

#include "staff/password_hash.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using cahub::testing::ScratchFolder;
using orders::RegionScope;

namespace {

constexpr const char* kPassphrase = "a long passphrase";

struct Fixture {
  ScratchFolder scratch;
  store::Database db = store::Database::open_or_create(scratch / "cahub.db");
  StaffDirectory directory{db, 1000};
  StaffMember admin = directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);

  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const StaffError& e) {
      return e.code();
    }
    return "accepted";
  }
  std::string stored_regions(const std::string& login) {
    SQLite::Statement row(db.sqlite(), "SELECT regions FROM staff WHERE login = ?");
    row.bind(1, login);
    REQUIRE(row.executeStep());
    return row.getColumn(0).getString();
  }
  std::pair<std::string, nlohmann::json> last_event() {
    SQLite::Statement row(db.sqlite(), "SELECT kind, payload_json FROM audit_events ORDER BY seq DESC LIMIT 1");
    REQUIRE(row.executeStep());
    return {row.getColumn(0).getString(), nlohmann::json::parse(row.getColumn(1).getString())};
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "an account's regions come back with its sign-in, its session and the list") {
  CHECK(admin.regions.is_all());
  CHECK(admin.is_platform_administrator());
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase, RegionScope::parse("qinghai,neimenggu"));
  CHECK(stored_regions("wang.fang") == "neimenggu,qinghai");
  CHECK(last_event() == std::pair<std::string, nlohmann::json>{
                            "staff.added",
                            {{"login", "wang.fang"}, {"role", "clerk"}, {"display_name", "王芳"},
                             {"regions", "neimenggu,qinghai"}}});
  const StaffMember signed_in = directory.authenticate("wang.fang", kPassphrase);
  CHECK(signed_in.regions == RegionScope::only({"neimenggu", "qinghai"}));
  const orders::Actor actor = directory.resolve(directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(5)).token).actor();
  CHECK(actor.regions.covers("qinghai"));
  CHECK_FALSE(actor.regions.covers("central"));
  CHECK(directory.account("wang.fang").member.regions.stored() == "neimenggu,qinghai");
}

TEST_CASE_METHOD(Fixture, "new regions hold from the next request of a session already open") {
  directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase, RegionScope::only({"qinghai"}));
  const std::string token = directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(5)).token;
  const StaffAccount changed = directory.set_regions(admin, "wang.fang", RegionScope::only({"neimenggu"}));
  CHECK(changed.member.regions.stored() == "neimenggu");
  CHECK(last_event() == std::pair<std::string, nlohmann::json>{"staff.regions_changed",
                                                                {{"login", "wang.fang"}, {"regions", "neimenggu"}}});
  CHECK(directory.resolve(token).regions == RegionScope::only({"neimenggu"}));
  // The same regions again: nothing changes, nothing is recorded.
  const auto events = db.sqlite().execAndGet("SELECT count(*) FROM audit_events").getInt64();
  directory.set_regions(admin, "wang.fang", RegionScope::only({"neimenggu"}));
  CHECK(db.sqlite().execAndGet("SELECT count(*) FROM audit_events").getInt64() == events);
  CHECK(refusal([&] { directory.set_regions(admin, "nobody", RegionScope::all()); }) == "unknown_staff");
  CHECK(store::verify_audit_chain(db).intact);
}

TEST_CASE_METHOD(Fixture, "only an administrator of all regions manages accounts, a region administrator not") {
  const StaffMember region_admin =
      directory.add(admin, "li.na", "李娜", orders::Role::Admin, kPassphrase, RegionScope::only({"qinghai"}));
  CHECK_FALSE(region_admin.is_platform_administrator());
  CHECK(refusal([&] { directory.add(region_admin, "zhou.qi", "周琦", orders::Role::Clerk, kPassphrase,
                                    RegionScope::only({"qinghai"})); }) == "forbidden");
  CHECK(refusal([&] { directory.set_regions(region_admin, "li.na", RegionScope::all()); }) == "forbidden");
  CHECK(refusal([&] { directory.disable(region_admin, "chen.jie"); }) == "forbidden");
  // Given all regions, the same account may.
  directory.set_regions(admin, "li.na", RegionScope::all());
  CHECK(refusal([&] { directory.add(region_admin, "zhou.qi", "周琦", orders::Role::Clerk, kPassphrase); }) ==
        "accepted");
}

TEST_CASE_METHOD(Fixture, "the last enabled administrator of all regions keeps all of them") {
  CHECK(refusal([&] { directory.set_regions(admin, "chen.jie", RegionScope::only({"qinghai"})); }) == "last_admin");
  CHECK(stored_regions("chen.jie") == "*");
  // A region administrator is no platform administrator: the last one still cannot be disabled.
  directory.add(admin, "li.na", "李娜", orders::Role::Admin, kPassphrase, RegionScope::only({"qinghai"}));
  CHECK(refusal([&] { directory.disable(admin, "chen.jie"); }) == "last_admin");
  // With a second one, either may be narrowed or disabled.
  directory.set_regions(admin, "li.na", RegionScope::all());
  CHECK(directory.set_regions(admin, "chen.jie", RegionScope::only({"central"})).member.regions.stored() == "central");
  CHECK(refusal([&] { directory.set_regions(admin, "li.na", RegionScope::only({"central"})); }) == "forbidden");
}

TEST_CASE("an account made before regions existed signs in with every region and still manages accounts") {
  ScratchFolder scratch;
  const auto file = scratch / "v4.db";
  {
    SQLite::Database v4(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store::migrate(v4, store::migrations().first(4), file);
    SQLite::Statement insert(v4, "INSERT INTO staff (login, display_name, role, password_hash, created_at) "
                                 "VALUES ('chen.jie', '陈杰', 'admin', ?, '2026-01-05T09:00:00+08:00')");
    insert.bind(1, hash_password(kPassphrase, 1000));
    insert.exec();
  }
  store::Database db = store::Database::open_or_create(file);
  StaffDirectory directory{db, 1000};
  const StaffMember admin = directory.authenticate("chen.jie", kPassphrase);
  CHECK(admin.regions.is_all());
  CHECK(admin.is_platform_administrator());
  CHECK(directory.add(admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase).regions.is_all());
}
