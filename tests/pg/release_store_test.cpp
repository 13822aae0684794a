// Rule releases in the store (releases/release_repository.hpp, release_source.hpp) on both stores:
// the rules folder imported once, the rule book loaded from the store, a draft numbered and
// changed only at its version, and its audit events found again; the replay accounts for them.
#include <catch2/catch.hpp>

#include <future>

#include "audit/audit_replay.hpp"
#include "releases/release_desk.hpp"
#include "releases/release_repository.hpp"
#include "releases/release_source.hpp"
#include "rules/rule_book.hpp"
#include "store/digest.hpp"
#include "store_sides.hpp"

using namespace cahub;
using namespace cahub::releases;
using cahub::testing::PostgresSide;
using cahub::testing::SqliteSide;

namespace {

template <typename Side>
struct Releases : Side {
  // A draft of `region` with `script`, written with its audit event as the desk writes one.
  Release draft(const std::string& region, const std::string& script) {
    return store::write(this->sql_store(), [&](store::SqlConnection& db) {
      Release r;
      r.region = region;
      r.script = script;
      r.script_sha256 = store::sha256_hex(script);
      r.reason = "2027 price list";
      r.created = {"wang.min", store::now_china_time()};
      Release saved = ReleaseRepository(db).insert(r);
      audit_release(db, saved.created.at, "wang.min", "rules.drafted", saved, r.reason);
      return saved;
    });
  }
};

}  // namespace

TEMPLATE_TEST_CASE_METHOD(Releases, "the rules folder goes into the store once, and the rule book is loaded from it", "",
                          SqliteSide, PostgresSide) {
  const auto imported = import_missing_regions(this->sql_store(), CAHUB_REGION_RULES_DIR, {});
  CHECK(imported.size() == 5);
  CHECK(import_missing_regions(this->sql_store(), CAHUB_REGION_RULES_DIR, {}).empty());  // once
  rules::RuleBook book;
  const StoreFingerprint loaded = load_book_from_store(book, this->sql_store());
  CHECK(loaded == StoreFingerprint{5, 5});
  auto ids = book.ids();
  std::sort(ids.begin(), ids.end());
  std::vector<std::string> expected = imported;
  std::sort(expected.begin(), expected.end());
  CHECK(ids == expected);
  const auto regions = store::read(this->sql_store(), [](store::SqlConnection& db) { return ReleaseRepository(db).regions(); });
  CHECK(regions == expected);  // sorted byte by byte on both
}

TEMPLATE_TEST_CASE_METHOD(Releases, "a draft takes the region's next number and changes only at its version", "",
                          SqliteSide, PostgresSide) {
  import_missing_regions(this->sql_store(), CAHUB_REGION_RULES_DIR, {});
  const Release first = this->draft("neimenggu", "return {}");
  const Release second = this->draft("neimenggu", "return { }");
  CHECK(first.number == 2);  // after the imported release 1
  CHECK(second.number == 3);
  CHECK(this->draft("qinghai", "return {}").number == 2);
  this->sql_store().write([&](store::SqlConnection& db) {
    ReleaseRepository repository(db);
    Release revised = *repository.find("neimenggu", 2);
    CHECK(revised.script == "return {}");
    CHECK(revised.state == ReleaseState::Draft);
    revised.script = "return {} -- revised";
    revised.script_sha256 = store::sha256_hex(revised.script);
    REQUIRE(repository.revise_draft(revised, 1));
    revised.version = 2;
    audit_release(db, store::now_china_time(), "wang.min", "rules.revised", revised, "");
    CHECK_FALSE(repository.revise_draft(revised, 1));  // someone acted first: no longer at version 1
    CHECK(repository.find("neimenggu", 2)->version == 2);
    const auto history = repository.history("neimenggu");
    REQUIRE(history.size() == 3);
    CHECK(history.front().number == 3);  // newest first
    CHECK_FALSE(repository.find("neimenggu", 9));
  });
  const auto events = store::read(this->sql_store(), [](store::SqlConnection& db) {
    return ReleaseRepository(db).events("neimenggu", 2);
  });
  REQUIRE(events.size() == 2);
  CHECK(events[0].event.kind == "rules.drafted");
  CHECK(events[1].event.kind == "rules.revised");
  CHECK(events[0].event.payload.at("release") == 2);
  this->sql_store().read([&](store::SqlConnection& db) {
    CHECK(store::verify_audit_chain(db).intact);
    const audit::ReplayVerdict v = audit::replay_audit_trail(db);
    std::string found;
    for (const auto& d : v.differences) found += d.text() + "\n";
    for (const auto& o : v.orphans) found += o + "\n";
    INFO(found);
    CHECK(v.agrees());
    CHECK(v.rows.at("rule_releases") == 8);
  });
}

// Two hosts starting a draft of one region at once: under READ COMMITTED each would read the same
// largest number and both would take the next one. The numbering runs one draft at a time
// (Serial::rule_releases): the second waits, then takes the number after the first's.
TEST_CASE("on PostgreSQL two hosts drafting one region at once get consecutive numbers") {
  Releases<PostgresSide> side;
  import_missing_regions(side.sql_store(), CAHUB_REGION_RULES_DIR, {});
  pqxx::connection other_host(side.scratch.url());
  pqxx::work open(other_host);  // the first host, between its insert and its commit
  store::postgres::PgSession session(open, "other host");
  Release first;
  first.region = "neimenggu";
  first.script = "return {}";
  first.script_sha256 = store::sha256_hex(first.script);
  first.reason = "2027 price list";
  first.created = {"wang.min", store::now_china_time()};
  first = ReleaseRepository(session).insert(first);
  REQUIRE(first.number == 2);

  auto second = std::async(std::launch::async, [&] { return side.draft("neimenggu", "return { }").number; });
  CHECK(second.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);  // waiting its turn
  open.commit();
  CHECK(second.get() == 3);
}
