#include "releases/release_json.hpp"

namespace cahub::releases {
namespace {

using nlohmann::ordered_json;

ordered_json text_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }
ordered_json by(const std::optional<Stamp>& s) { return s ? ordered_json(s->by) : ordered_json(nullptr); }
ordered_json at(const std::optional<Stamp>& s) { return s ? ordered_json(s->at) : ordered_json(nullptr); }
template <typename T> ordered_json maybe(const std::optional<T>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

}  // namespace

ordered_json release_summary_json(const ReleaseView& view) {
  const Release& r = view.release;
  return {{"region", r.region},
          {"number", r.number},
          {"state", code_of(r.state)},
          {"status", code_of(view.status)},
          {"sha256", r.script_sha256},
          {"author", r.created.by},
          {"created_at", r.created.at},
          {"reason", r.reason},
          {"based_on", maybe(r.based_on)},
          {"rollback_of", maybe(r.rollback_of)},
          {"submitted_by", by(r.submitted)},
          {"submitted_at", at(r.submitted)},
          {"decided_by", by(r.decided)},
          {"decided_at", at(r.decided)},
          {"decision_reason", text_or_null(r.decision_reason)},
          {"published_by", by(r.published)},
          {"published_at", at(r.published)},
          {"effective_from", r.effective_from ? ordered_json(r.effective_from->iso()) : ordered_json(nullptr)},
          {"withdrawn_by", by(r.withdrawn)},
          {"withdrawn_at", at(r.withdrawn)},
          {"withdrawn_reason", text_or_null(r.withdrawn_reason)},
          {"version", r.version}};
}

ordered_json release_json(const ReleaseView& view, const std::vector<store::RecordedAuditEvent>& events) {
  ordered_json out = release_summary_json(view);
  out["script"] = view.release.script;
  out["spec"] = maybe(view.release.spec);
  out["evaluation"] = evaluation_json(view.release.evaluation);
  auto list = ordered_json::array();
  for (const auto& e : events)
    list.push_back({{"seq", e.seq},
                    {"at", e.event.at},
                    {"actor", e.event.actor},
                    {"kind", e.event.kind},
                    {"reason", e.event.payload.value("reason", "")}});
  out["events"] = std::move(list);
  return out;
}

ordered_json history_json(const ReleaseHistory& history, Date today) {
  auto list = ordered_json::array();
  for (const auto& v : history.releases) list.push_back(release_summary_json(v));
  return {{"region", history.region},
          {"source", history.from_store ? "store" : "files"},
          {"today", today.iso()},
          {"in_force", maybe(history.in_force)},
          {"releases", std::move(list)}};
}

}  // namespace cahub::releases
