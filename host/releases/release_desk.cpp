// The release desk's reads, evaluation and drafts; the transitions are in release_transitions.cpp.
#include "releases/release_desk.hpp"

#include "releases/release_error.hpp"
#include "releases/release_repository.hpp"
#include "releases/release_timeline.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"

namespace cahub::releases {
namespace {

// A reason is a sentence for the history, not a document.
constexpr std::size_t kLongestReason = 2000;

void require_bounded(const DraftText& text) {
  if (text.script.size() > kLargestReleaseText || (text.spec && text.spec->size() > kLargestReleaseText))
    throw ReleaseError("script_too_large", "a release's script and spec are " +
                                               std::to_string(kLargestReleaseText / 1024) + " KiB each at most",
                       "script");
  if (text.script.empty()) throw ReleaseError("bad_script", "the script is empty", "script");
}

}  // namespace

void require_reason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw ReleaseError("reason_required", "say why: the history shows every reason", "reason");
  if (reason.size() > kLongestReason)
    throw ReleaseError("reason_too_long", "a reason is " + std::to_string(kLongestReason) + " bytes at most", "reason");
}

void audit_release(store::SqlConnection& db, const std::string& at, const std::string& actor, const std::string& kind,
                   const Release& r, const std::string& reason) {
  nlohmann::json payload{{"region", r.region},
                         {"release", r.number},
                         {"to", std::string(code_of(r.state))},
                         {"script_sha256", r.script_sha256}};
  if (r.spec) payload["spec_sha256"] = store::sha256_hex(*r.spec);
  if (!reason.empty()) payload["reason"] = reason;
  if (r.based_on) payload["based_on"] = *r.based_on;
  if (r.rollback_of) payload["rollback_of"] = *r.rollback_of;
  if (r.effective_from) payload["effective_from"] = r.effective_from->iso();
  store::append_audit_event(db, {at, actor, std::nullopt, kind, std::move(payload)});
}

void ReleaseDesk::require_reader(const std::string& region, const orders::Actor& actor) const {
  if (!orders::is_region_id(region)) throw ReleaseError("unknown_region", "'" + region + "' is not a region id");
  orders::require_region(actor.regions, region);  // 403 region_not_yours, as for orders
}

void ReleaseDesk::require_administrator(const std::string& region, const orders::Actor& actor) const {
  require_reader(region, actor);
  if (actor.role != orders::Role::Admin)
    throw ReleaseError("forbidden", "only an administrator of region " + region + " changes its rules");
  if (!services_.from_store)
    throw ReleaseError("rules_from_files", "this service point takes its rules from files (rules.source = \"files\"): "
                                           "edit rules/" + region + ".lua, or set rules.source = \"store\"");
}

Evaluation ReleaseDesk::evaluate_text(const std::string& region, const DraftText& text, Date today) const {
  require_bounded(text);
  std::optional<EvaluationTurns::Turn> turn;
  if (services_.evaluation_turns) turn.emplace(services_.evaluation_turns->take());
  const rules::TimedRules live = services_.book.find(region, today);
  const Baseline baseline{live.rules, live.release ? std::optional(live.release->number) : std::nullopt};
  return releases::evaluate(region, text.script, text.spec, baseline, services_.plugins, services_.limits, today);
}

ReleaseView ReleaseDesk::view(Release release, Date today) {
  const auto published = store::read(
      reads_, [&](store::SqlConnection& db) { return ReleaseRepository(db).published_marks(release.region); });
  const ReleaseStatus status =
      status_on(release.state, {release.number, release.effective_from}, published, today);
  return {std::move(release), status};
}

ReleaseHistory ReleaseDesk::history(const std::string& region, const orders::Actor& actor, Date today) {
  require_reader(region, actor);
  std::vector<Release> releases;
  std::vector<rules::ReleaseMark> published;
  reads_.read([&](store::SqlConnection& db) {
    ReleaseRepository repository(db);
    published = repository.published_marks(region);
    releases = repository.history(region);
  });
  ReleaseHistory out{region, services_.from_store, in_force_on(published, today), {}};
  for (Release& r : releases) {
    const ReleaseStatus status = status_on(r.state, {r.number, r.effective_from}, published, today);
    out.releases.push_back({std::move(r), status});
  }
  return out;
}

ReleaseView ReleaseDesk::show(const std::string& region, std::int64_t number, const orders::Actor& actor, Date today) {
  require_reader(region, actor);
  auto release =
      store::read(reads_, [&](store::SqlConnection& db) { return ReleaseRepository(db).find(region, number); });
  if (!release) throw ReleaseError("unknown_release", "region " + region + " has no release " + std::to_string(number));
  return view(std::move(*release), today);
}

std::vector<store::RecordedAuditEvent> ReleaseDesk::events(const std::string& region, std::int64_t number,
                                                           const orders::Actor& actor) {
  require_reader(region, actor);
  return store::read(reads_,
                     [&](store::SqlConnection& db) { return ReleaseRepository(db).events(region, number); });
}

std::string ReleaseDesk::export_script(const std::string& region, std::optional<std::int64_t> number,
                                       const orders::Actor& actor, Date today) {
  require_reader(region, actor);
  if (!number)
    number = in_force_on(
        store::read(reads_, [&](store::SqlConnection& db) { return ReleaseRepository(db).published_marks(region); }),
        today);
  if (!number) throw ReleaseError("unknown_release", "region " + region + " has no release in force on " + today.iso());
  return show(region, *number, actor, today).release.script;
}

Evaluation ReleaseDesk::evaluate(const std::string& region, const DraftText& text, const orders::Actor& actor,
                                 Date today) {
  require_administrator(region, actor);
  return evaluate_text(region, text, today);
}

ReleaseView ReleaseDesk::draft(const std::string& region, const DraftText& text, const orders::Actor& actor,
                               Date today) {
  require_administrator(region, actor);
  require_reason(text.reason);
  Release r;
  r.region = region;
  r.script = text.script;
  r.spec = text.spec;
  r.evaluation = evaluate_text(region, text, today);  // the slow part, before the writer job
  r.script_sha256 = store::sha256_hex(r.script);
  r.based_on = r.evaluation.diff_against;
  r.reason = text.reason;
  Release saved = store::commit(writes_, [&](store::SqlConnection& db) {
    r.created = {actor.login, store::now_china_time()};
    Release inserted = ReleaseRepository(db).insert(r);
    audit_release(db, inserted.created.at, actor.login, "rules.drafted", inserted, text.reason);
    return inserted;
  });
  return view(std::move(saved), today);
}

ReleaseView ReleaseDesk::revise(const std::string& region, std::int64_t number, std::int64_t version,
                                const DraftText& text, const orders::Actor& actor, Date today) {
  require_administrator(region, actor);
  const Evaluation evaluation = evaluate_text(region, text, today);
  Release saved = store::commit(writes_, [&](store::SqlConnection& db) {
    ReleaseRepository repository(db);
    auto r = repository.find(region, number);
    if (!r) throw ReleaseError("unknown_release", "region " + region + " has no release " + std::to_string(number));
    if (r->state != ReleaseState::Draft)
      throw ReleaseError("not_allowed_now", "release " + std::to_string(number) + " is " +
                                                std::string(code_of(r->state)) + ": only a draft is edited");
    if (r->created.by != actor.login)
      throw ReleaseError("forbidden", "release " + std::to_string(number) + " is " + r->created.by +
                                          "'s draft: start your own from it");
    if (r->version != version)
      throw ReleaseError("version_conflict", "release " + std::to_string(number) + " is at version " +
                                                 std::to_string(r->version) + ", not " + std::to_string(version));
    r->script = text.script;
    r->spec = text.spec;
    r->script_sha256 = store::sha256_hex(text.script);
    if (!text.reason.empty()) {
      require_reason(text.reason);
      r->reason = text.reason;
    }
    r->evaluation = evaluation;
    if (!repository.revise_draft(*r, version))
      throw ReleaseError("version_conflict", "release " + std::to_string(number) + " changed meanwhile");
    r->version = version + 1;
    audit_release(db, store::now_china_time(), actor.login, "rules.revised", *r, text.reason);
    return std::move(*r);
  });
  return view(std::move(saved), today);
}

}  // namespace cahub::releases
