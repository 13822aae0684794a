// The release desk's transitions: submit, approve, reject, publish, withdraw and rollback. Each is
// one writer job: the release read under the write lock, its version checked, the change saved
// under that version, and the audit event appended in the same transaction.
#include "releases/release_desk.hpp"

#include "releases/release_error.hpp"
#include "releases/release_repository.hpp"
#include "releases/release_timeline.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"

namespace cahub::releases {
namespace {

std::string named(const Release& r) { return "release " + std::to_string(r.number) + " of " + r.region; }

void require_state(const Release& r, std::initializer_list<ReleaseState> allowed, const std::string& verb) {
  for (ReleaseState s : allowed)
    if (r.state == s) return;
  throw ReleaseError("not_allowed_now", named(r) + " is " + std::string(code_of(r.state)) + ": it cannot be " + verb);
}

void require_loads(const Release& r) {
  if (!r.evaluation.loads())
    throw ReleaseError("script_has_errors", named(r) + " fails its check (" + r.evaluation.findings.front().text() +
                                                ", and " + std::to_string(r.evaluation.findings.size() - 1) +
                                                " more): fix it in a new draft");
}

// Four eyes: whoever approves or rejects has neither written nor submitted it.
void require_second_person(const Release& r, const orders::Actor& actor) {
  if (r.created.by == actor.login || (r.submitted && r.submitted->by == actor.login))
    throw ReleaseError("four_eyes", named(r) + " was written or submitted by " + actor.login +
                                        ": another administrator of " + r.region + " approves or rejects it");
}

}  // namespace

void ReleaseDesk::after_publication() const {
  if (services_.published) services_.published();
}

ReleaseView ReleaseDesk::transition(const std::string& region, std::int64_t number, std::int64_t version,
                                    const orders::Actor& actor, Date today, const std::string& kind,
                                    const std::string& reason, const std::function<void(Release&)>& change) {
  require_administrator(region, actor);
  Release saved = store::commit(writes_, [&](store::SqlConnection& db) {
    ReleaseRepository repository(db);
    auto r = repository.find(region, number);
    if (!r) throw ReleaseError("unknown_release", "region " + region + " has no release " + std::to_string(number));
    if (r->version != version)
      throw ReleaseError("version_conflict", named(*r) + " is at version " + std::to_string(r->version) + " (" +
                                                 std::string(code_of(r->state)) + "), not " +
                                                 std::to_string(version) + ": someone else acted first");
    change(*r);
    if (!repository.save_transition(*r, version))
      throw ReleaseError("version_conflict", named(*r) + " changed meanwhile: someone else acted first");
    r->version = version + 1;
    audit_release(db, store::now_china_time(), actor.login, kind, *r, reason);
    return std::move(*r);
  });
  return view(std::move(saved), today);
}

ReleaseView ReleaseDesk::submit(const std::string& region, std::int64_t number, const Decision& d,
                                const orders::Actor& actor, Date today) {
  require_administrator(region, actor);
  // Evaluated again: the release in force may have changed since the draft was saved.
  const ReleaseView current = show(region, number, actor, today);
  const Evaluation fresh = evaluate_text(region, {current.release.script, current.release.spec, {}}, today);
  return transition(region, number, d.version, actor, today, "rules.submitted", d.reason, [&](Release& r) {
    require_state(r, {ReleaseState::Draft}, "submitted");
    r.evaluation = fresh;
    require_loads(r);
    r.state = ReleaseState::Submitted;
    r.submitted = Stamp{actor.login, store::now_china_time()};
  });
}

ReleaseView ReleaseDesk::approve(const std::string& region, std::int64_t number, const Decision& d,
                                 const orders::Actor& actor, Date today) {
  return transition(region, number, d.version, actor, today, "rules.approved", d.reason, [&](Release& r) {
    require_state(r, {ReleaseState::Submitted}, "approved");
    require_second_person(r, actor);
    require_loads(r);
    r.state = ReleaseState::Approved;
    r.decided = Stamp{actor.login, store::now_china_time()};
    r.decision_reason = d.reason;
  });
}

ReleaseView ReleaseDesk::reject(const std::string& region, std::int64_t number, const Decision& d,
                                const orders::Actor& actor, Date today) {
  require_reason(d.reason);
  return transition(region, number, d.version, actor, today, "rules.rejected", d.reason, [&](Release& r) {
    require_state(r, {ReleaseState::Submitted}, "rejected");
    require_second_person(r, actor);
    r.state = ReleaseState::Rejected;
    r.decided = Stamp{actor.login, store::now_china_time()};
    r.decision_reason = d.reason;
  });
}

ReleaseView ReleaseDesk::publish(const std::string& region, std::int64_t number, std::int64_t version,
                                 std::optional<Date> from, const orders::Actor& actor, Date today) {
  // Never back-dated: a quote given yesterday must stay what yesterday's rules said.
  if (from && *from < today)
    throw ReleaseError("effective_in_past", from->iso() + " is before today (" + today.iso() +
                                                 " in China time): a release takes effect today or later",
                       "effective_from");
  ReleaseView out = transition(region, number, version, actor, today, "rules.published", "", [&](Release& r) {
    require_state(r, {ReleaseState::Approved}, "published (it needs a second administrator's approval first)");
    require_loads(r);
    r.state = ReleaseState::Published;
    r.published = Stamp{actor.login, store::now_china_time()};
    r.effective_from = from.value_or(today);
  });
  after_publication();
  return out;
}

ReleaseView ReleaseDesk::withdraw(const std::string& region, std::int64_t number, const Decision& d,
                                  const orders::Actor& actor, Date today) {
  require_reason(d.reason);
  ReleaseView out = transition(region, number, d.version, actor, today, "rules.withdrawn", d.reason, [&](Release& r) {
    require_state(r, {ReleaseState::Draft, ReleaseState::Submitted, ReleaseState::Approved, ReleaseState::Published},
                  "withdrawn");
    if (r.state == ReleaseState::Published && (!r.effective_from || *r.effective_from <= today))
      throw ReleaseError("not_allowed_now", named(r) + " has been in force since " +
                                                (r.effective_from ? r.effective_from->iso() : "its import") +
                                                ": roll back to an earlier release instead");
    r.state = ReleaseState::Withdrawn;
    r.withdrawn = Stamp{actor.login, store::now_china_time()};
    r.withdrawn_reason = d.reason;
  });
  after_publication();
  return out;
}

ReleaseView ReleaseDesk::rollback(const std::string& region, std::int64_t to, const std::string& reason,
                                  const orders::Actor& actor, Date today) {
  require_administrator(region, actor);
  require_reason(reason);
  const ReleaseView target = show(region, to, actor, today);
  if (target.release.state != ReleaseState::Published)
    throw ReleaseError("not_a_published_release", named(target.release) + " is " +
                                                      std::string(code_of(target.release.state)) +
                                                      ": a rollback returns to a release that was published");
  Release r;
  r.region = region;
  r.script = target.release.script;
  r.spec = target.release.spec;
  r.script_sha256 = target.release.script_sha256;
  r.evaluation = evaluate_text(region, {r.script, r.spec, {}}, today);
  require_loads(r);
  r.based_on = r.evaluation.diff_against;
  r.rollback_of = to;
  r.reason = reason;
  r.state = ReleaseState::Published;
  r.effective_from = today;
  Release saved = store::commit(writes_, [&](store::SqlConnection& db) {
    const std::string now = store::now_china_time();
    r.created = {actor.login, now};
    r.published = Stamp{actor.login, now};
    Release inserted = ReleaseRepository(db).insert(r);
    audit_release(db, now, actor.login, "rules.rolled_back", inserted, reason);
    return inserted;
  });
  after_publication();
  return view(std::move(saved), today);
}

}  // namespace cahub::releases
