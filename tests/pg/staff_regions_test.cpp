// Staff who belong to regions (issue 16): an account's regions travel with every sign-in and
// session; only an administrator of all regions (a platform administrator) manages accounts, and
// the last enabled one keeps all regions; accounts made before regions existed keep every region.
#include <catch2/catch.hpp>

#include "staff/password_hash.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"
#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "staff_fixture.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::staff;
using cahub::testing::PostgresSide;
using cahub::testing::ScratchFolder;
using cahub::testing::SqliteSide;
using orders::RegionScope;

namespace {

constexpr const char* kPassphrase = "a long passphrase";

template <typename Side>
struct Fixture : cahub::testing::StaffFixture<Side> {
  StaffMember admin = this->directory.add_first_account("chen.jie", "陈杰", orders::Role::Admin, kPassphrase);

  std::string stored_regions(const std::string& login) {
    return store::read(this->sql_store(), [&](store::SqlConnection& db) {
      auto row = db.query("SELECT regions FROM staff WHERE login = ?");
      row->bind(1, login);
      REQUIRE(row->next_row());
      return row->text(0);
    });
  }
  // The newest audit event's kind and payload.
  std::pair<std::string, nlohmann::json> last_event() {
    auto [kind, actor, payload] = this->newest_event();
    return {kind, payload};
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Fixture, "an account's regions come back with its sign-in, its session and the list", "", SqliteSide, PostgresSide) {
  CHECK(this->admin.regions.is_all());
  CHECK(this->admin.is_platform_administrator());
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase, RegionScope::parse("qinghai,neimenggu"));
  CHECK(this->stored_regions("wang.fang") == "neimenggu,qinghai");
  CHECK(this->last_event() == std::pair<std::string, nlohmann::json>{
                            "staff.added",
                            {{"login", "wang.fang"}, {"role", "clerk"}, {"display_name", "王芳"},
                             {"regions", "neimenggu,qinghai"}}});
  const StaffMember signed_in = this->directory.authenticate("wang.fang", kPassphrase);
  CHECK(signed_in.regions == RegionScope::only({"neimenggu", "qinghai"}));
  const orders::Actor actor = this->directory.resolve(this->directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(5)).token).actor();
  CHECK(actor.regions.covers("qinghai"));
  CHECK_FALSE(actor.regions.covers("central"));
  CHECK(this->directory.account("wang.fang").member.regions.stored() == "neimenggu,qinghai");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "new regions hold from the next request of a session already open", "", SqliteSide, PostgresSide) {
  this->directory.add(this->admin, "wang.fang", "王芳", orders::Role::Clerk, kPassphrase, RegionScope::only({"qinghai"}));
  const std::string token = this->directory.sign_in("wang.fang", kPassphrase, std::chrono::minutes(5)).token;
  const StaffAccount changed = this->directory.set_regions(this->admin, "wang.fang", RegionScope::only({"neimenggu"}));
  CHECK(changed.member.regions.stored() == "neimenggu");
  CHECK(this->last_event() == std::pair<std::string, nlohmann::json>{"staff.regions_changed",
                                                                {{"login", "wang.fang"}, {"regions", "neimenggu"}}});
  CHECK(this->directory.resolve(token).regions == RegionScope::only({"neimenggu"}));
  // The same regions again: nothing changes, nothing is recorded.
  const auto events = this->count("SELECT count(*) FROM audit_events");
  this->directory.set_regions(this->admin, "wang.fang", RegionScope::only({"neimenggu"}));
  CHECK(this->count("SELECT count(*) FROM audit_events") == events);
  CHECK(this->refusal([&] { this->directory.set_regions(this->admin, "nobody", RegionScope::all()); }) == "unknown_staff");
  CHECK(this->chain_intact());
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "only an administrator of all regions manages accounts, a region administrator not", "", SqliteSide, PostgresSide) {
  const StaffMember region_admin =
      this->directory.add(this->admin, "li.na", "李娜", orders::Role::Admin, kPassphrase, RegionScope::only({"qinghai"}));
  CHECK_FALSE(region_admin.is_platform_administrator());
  CHECK(this->refusal([&] { this->directory.add(region_admin, "zhou.qi", "周琦", orders::Role::Clerk, kPassphrase,
                                    RegionScope::only({"qinghai"})); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.set_regions(region_admin, "li.na", RegionScope::all()); }) == "forbidden");
  CHECK(this->refusal([&] { this->directory.disable(region_admin, "chen.jie"); }) == "forbidden");
  // Given all regions, the same account may.
  this->directory.set_regions(this->admin, "li.na", RegionScope::all());
  CHECK(this->refusal([&] { this->directory.add(region_admin, "zhou.qi", "周琦", orders::Role::Clerk, kPassphrase); }) ==
        "accepted");
}

TEMPLATE_TEST_CASE_METHOD(Fixture, "the last enabled administrator of all regions keeps all of them", "", SqliteSide, PostgresSide) {
  CHECK(this->refusal([&] { this->directory.set_regions(this->admin, "chen.jie", RegionScope::only({"qinghai"})); }) == "last_admin");
  CHECK(this->stored_regions("chen.jie") == "*");
  // A region administrator is no platform administrator: the last one still cannot be disabled.
  this->directory.add(this->admin, "li.na", "李娜", orders::Role::Admin, kPassphrase, RegionScope::only({"qinghai"}));
  CHECK(this->refusal([&] { this->directory.disable(this->admin, "chen.jie"); }) == "last_admin");
  // With a second one, either may be narrowed or disabled.
  this->directory.set_regions(this->admin, "li.na", RegionScope::all());
  CHECK(this->directory.set_regions(this->admin, "chen.jie", RegionScope::only({"central"})).member.regions.stored() == "central");
  CHECK(this->refusal([&] { this->directory.set_regions(this->admin, "li.na", RegionScope::only({"central"})); }) == "forbidden");
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
