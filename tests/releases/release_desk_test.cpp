// The release desk (releases/release_desk.hpp) on a real SQLite file, the real region scripts and
// the real CFCA plugin: the scenario (Neimenggu's CFCA 1-year new fee raised for next
// month, four eyes, quotes before and after, rollback), who may do what, and the audit trail.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "audit/audit_replay.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "plugins/plugin_registry.hpp"
#include "releases/release_desk.hpp"
#include "releases/release_error.hpp"
#include "releases/release_source.hpp"
#include "store/committer.hpp"
#include "support/region_script_edit.hpp"
#include "support/scratch_folder.hpp"

#include <fstream>
#include <sstream>

using namespace cahub;
using namespace cahub::releases;
using cahub::testing::ScratchFolder;

namespace {

const Date kToday = *Date::parse("2026-12-07");
const Date kNextMonth = *Date::parse("2027-01-01");

orders::Actor admin(const std::string& login, const std::string& region) {
  return {login, orders::Role::Admin, orders::RegionScope::only({region})};
}
const orders::Actor wang = admin("wang.min", "neimenggu");
const orders::Actor li = admin("li.na", "neimenggu");
const orders::Actor qinghai_admin = admin("ma.lin", "qinghai");
const orders::Actor clerk{"chen.jie", orders::Role::Clerk, orders::RegionScope::only({"neimenggu"})};

std::string neimenggu_with_cfca_fee(int fen) {
  return cahub::testing::neimenggu_with_cfca_fee(CAHUB_REGION_RULES_DIR, fen);
}

struct Desk {
  ScratchFolder folder;
  store::Database db = store::Database::open_or_create(folder / "cahub.db");
  plugins::PluginRegistry plugins;
  rules::RuleBook book;
  store::DirectCommitter writes{db};
  EvaluationTurns turns{1};
  ReleaseServices services{book, plugins, {}, true, &turns, [this] { load_book_from_store(book, db); }};
  ReleaseDesk desk{services, db, writes};

  Desk() {
    plugins.load_folder(CAHUB_PLUGINS_DIR, folder / "var");
    REQUIRE(plugins.find("cfca"));
    REQUIRE(import_missing_regions(db, CAHUB_REGION_RULES_DIR, {}).size() == 5);
    load_book_from_store(book, db);
  }

  // CFCA's 1-year new fee for a quote dated `day`, and the release that priced it.
  std::pair<std::int64_t, std::int64_t> cfca_fee_on(Date day) {
    const pipeline::QuotePipeline quotes(book, plugins);
    const auto ctx = quotes.run(pipeline::parse_quote_request(
        {{"region", "neimenggu"}, {"ca", "cfca"}, {"business", "new"}, {"today", day.iso()}}, day));
    return {ctx.quote.fee.total_fen.value_or(-1), ctx.quote.rules.release.value_or(-1)};
  }

  // A raise drafted by wang, submitted, approved by li: release `number`, approved.
  ReleaseView approved_raise(int fen) {
    const auto draft = desk.draft("neimenggu", {neimenggu_with_cfca_fee(fen), std::nullopt, "CFCA fee notice"}, wang,
                                  kToday);
    const auto submitted = desk.submit("neimenggu", draft.release.number, {draft.release.version, ""}, wang, kToday);
    return desk.approve("neimenggu", draft.release.number, {submitted.release.version, "matches the notice"}, li,
                        kToday);
  }
};

template <typename F> std::string refusal_of(F&& f) {
  try {
    f();
  } catch (const CodedError& e) {  // ReleaseError, and orders::RegionNotYours for the region gate
    return e.code();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a raise scheduled for next month prices quotes from that day, and a rollback restores 250.00") {
  Desk d;
  CHECK(d.cfca_fee_on(kNextMonth) == std::pair<std::int64_t, std::int64_t>{25000, 1});
  const auto approved = d.approved_raise(28000);
  CHECK(approved.status == ReleaseStatus::Approved);
  // The evaluation saw the change for customers against release 1.
  REQUIRE(approved.release.evaluation.diff_against == 1);
  REQUIRE(approved.release.evaluation.changes.size() == 1);
  CHECK(approved.release.evaluation.changes[0].old_value == "250.00");
  CHECK(approved.release.evaluation.changes[0].new_value == "280.00");

  const auto published = d.desk.publish("neimenggu", 2, approved.release.version, kNextMonth, wang, kToday);
  CHECK(published.status == ReleaseStatus::Scheduled);
  CHECK(d.cfca_fee_on(*Date::parse("2026-12-31")) == std::pair<std::int64_t, std::int64_t>{25000, 1});
  CHECK(d.cfca_fee_on(kNextMonth) == std::pair<std::int64_t, std::int64_t>{28000, 2});

  const auto rolled_back = d.desk.rollback("neimenggu", 1, "the notice was withdrawn", wang, kToday);
  CHECK(rolled_back.release.number == 3);
  CHECK(rolled_back.release.rollback_of == 1);
  CHECK(rolled_back.status == ReleaseStatus::InForce);
  CHECK(d.cfca_fee_on(kNextMonth) == std::pair<std::int64_t, std::int64_t>{25000, 3});
  const auto history = d.desk.history("neimenggu", wang, kToday);
  CHECK(history.in_force == 3);
  CHECK(history.releases.at(1).status == ReleaseStatus::Superseded);  // release 2 never comes into force
}

TEST_CASE("four eyes: neither the author nor the submitter approves or rejects") {
  Desk d;
  const auto draft = d.desk.draft("neimenggu", {neimenggu_with_cfca_fee(26000), std::nullopt, "notice"}, wang, kToday);
  const auto submitted = d.desk.submit("neimenggu", 2, {draft.release.version, ""}, wang, kToday);
  CHECK(refusal_of([&] { d.desk.approve("neimenggu", 2, {submitted.release.version, ""}, wang, kToday); }) ==
        "four_eyes");
  CHECK(refusal_of([&] { d.desk.reject("neimenggu", 2, {submitted.release.version, "no"}, wang, kToday); }) ==
        "four_eyes");
  CHECK(refusal_of([&] { d.desk.publish("neimenggu", 2, submitted.release.version, {}, wang, kToday); }) ==
        "not_allowed_now");
  CHECK(refusal_of([&] { d.desk.reject("neimenggu", 2, {submitted.release.version, " "}, li, kToday); }) ==
        "reason_required");
  const auto rejected = d.desk.reject("neimenggu", 2, {submitted.release.version, "wrong amount"}, li, kToday);
  CHECK(rejected.status == ReleaseStatus::Rejected);
  CHECK(rejected.release.decided->by == "li.na");
}

TEST_CASE("two administrators acting on one release at once: the second is told someone acted first") {
  Desk d;
  const auto approved = d.approved_raise(27000);
  d.desk.publish("neimenggu", 2, approved.release.version, {}, wang, kToday);
  CHECK(refusal_of([&] { d.desk.publish("neimenggu", 2, approved.release.version, {}, li, kToday); }) ==
        "version_conflict");
  CHECK(d.cfca_fee_on(kToday).first == 27000);
}

TEST_CASE("a release takes effect today or later, never on a past day") {
  Desk d;
  const auto approved = d.approved_raise(27000);
  CHECK(refusal_of([&] {
          d.desk.publish("neimenggu", 2, approved.release.version, *Date::parse("2026-12-06"), wang, kToday);
        }) == "effective_in_past");
}

TEST_CASE("a script that fails its check is kept as a draft with its findings but never submitted") {
  Desk d;
  const auto draft = d.desk.draft("neimenggu", {"region { id = \"neimenggu\" \n", std::nullopt, "typo"}, wang, kToday);
  CHECK_FALSE(draft.release.evaluation.loads());
  CHECK(refusal_of([&] { d.desk.submit("neimenggu", 2, {draft.release.version, ""}, wang, kToday); }) ==
        "script_has_errors");
}

TEST_CASE("a scheduled release can be withdrawn before its day, one in force cannot") {
  Desk d;
  const auto approved = d.approved_raise(29000);
  const auto scheduled = d.desk.publish("neimenggu", 2, approved.release.version, kNextMonth, wang, kToday);
  CHECK(refusal_of([&] { d.desk.withdraw("neimenggu", 1, {1, "old"}, wang, kToday); }) == "not_allowed_now");
  const auto withdrawn = d.desk.withdraw("neimenggu", 2, {scheduled.release.version, "postponed"}, li, kToday);
  CHECK(withdrawn.status == ReleaseStatus::Withdrawn);
  CHECK(d.cfca_fee_on(kNextMonth).first == 25000);
}

TEST_CASE("another region's administrator and a clerk cannot touch a region's rules") {
  Desk d;
  CHECK(refusal_of([&] { d.desk.history("neimenggu", qinghai_admin, kToday); }) == "region_not_yours");
  CHECK(refusal_of([&] { d.desk.show("neimenggu", 1, qinghai_admin, kToday); }) == "region_not_yours");
  CHECK(refusal_of([&] {
          d.desk.draft("neimenggu", {neimenggu_with_cfca_fee(1), std::nullopt, "x"}, qinghai_admin, kToday);
        }) == "region_not_yours");
  CHECK(refusal_of([&] { d.desk.rollback("neimenggu", 1, "x", qinghai_admin, kToday); }) == "region_not_yours");
  CHECK(refusal_of([&] {
          d.desk.draft("neimenggu", {neimenggu_with_cfca_fee(1), std::nullopt, "x"}, clerk, kToday);
        }) == "forbidden");
  CHECK(d.desk.history("neimenggu", clerk, kToday).in_force == 1);  // a clerk of the region reads it
  CHECK(refusal_of([&] { d.desk.show("neimenggu", 9, wang, kToday); }) == "unknown_release");
}

TEST_CASE("evaluations beyond the turns free are refused busy, and a turn is given back when one ends") {
  Desk d;
  const DraftText text{neimenggu_with_cfca_fee(26000), std::nullopt, ""};
  {
    const auto held = d.turns.take();  // another evaluation running
    CHECK(refusal_of([&] { d.desk.evaluate("neimenggu", text, wang, kToday); }) == "evaluations_busy");
  }
  CHECK(d.desk.evaluate("neimenggu", text, wang, kToday).changes.size() == 1);
  CHECK(d.desk.evaluate("neimenggu", text, wang, kToday).changes.size() == 1);  // its turn came back
  CHECK(refusal_of([&] { d.desk.evaluate("neimenggu", text, clerk, kToday); }) == "forbidden");
}

TEST_CASE("with rules from files, releases are read but never written") {
  Desk d;
  d.services.from_store = false;
  CHECK(refusal_of([&] {
          d.desk.draft("neimenggu", {neimenggu_with_cfca_fee(1), std::nullopt, "x"}, wang, kToday);
        }) == "rules_from_files");
}

TEST_CASE("every release change is an audit event the replay accounts for, and an edited text shows") {
  Desk d;
  const auto approved = d.approved_raise(28000);
  d.desk.publish("neimenggu", 2, approved.release.version, kNextMonth, wang, kToday);
  d.desk.rollback("neimenggu", 1, "withdrawn notice", wang, kToday);
  REQUIRE(d.desk.events("neimenggu", 2, wang).size() == 4);  // drafted, submitted, approved, published
  const auto clean = audit::replay_audit_trail(d.db);
  CHECK(clean.agrees());

  // Someone with a shell drops the trigger and edits the published raise's amount in place.
  d.db.sqlite().exec("DROP TRIGGER rule_releases_text_frozen");
  d.db.sqlite().exec("UPDATE rule_releases SET script = replace(script, 'fen = 28000', 'fen = 18000') "
                     "WHERE region = 'neimenggu' AND number = 2");
  const auto tampered = audit::replay_audit_trail(d.db);
  REQUIRE(tampered.differences.size() == 1);
  CHECK(tampered.differences[0].text().find("neimenggu release 2") != std::string::npos);
  CHECK(tampered.differences[0].text().find("script_text_sha256") != std::string::npos);
}
