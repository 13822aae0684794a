#include "releases/release_repository.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>

#include "releases/release_timeline.hpp"

namespace cahub::releases {
namespace {

constexpr const char* kSummaryColumns =
    "id, region, number, state, script_sha256, based_on, rollback_of, author, created_at, reason, submitted_by, "
    "submitted_at, decided_by, decided_at, decision_reason, published_by, published_at, effective_from, "
    "withdrawn_by, withdrawn_at, withdrawn_reason, version";

std::string text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }
std::optional<std::int64_t> number(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::int64_t>(c.getInt64());
}
std::optional<Stamp> stamp(const SQLite::Column& by, const SQLite::Column& at) {
  if (by.isNull()) return std::nullopt;
  return Stamp{by.getString(), text(at)};
}

void bind_text(SQLite::Statement& s, int index, const std::string& value) {
  if (value.empty()) s.bind(index);
  else s.bind(index, value);
}
void bind_stamp(SQLite::Statement& s, int by, const std::optional<Stamp>& st) {
  if (st) {
    s.bind(by, st->by);
    s.bind(by + 1, st->at);
  } else {
    s.bind(by);
    s.bind(by + 1);
  }
}

// Reads kSummaryColumns, in that order.
Release read_summary(SQLite::Statement& row) {
  Release r;
  r.id = row.getColumn(0).getInt64();
  r.region = row.getColumn(1).getString();
  r.number = row.getColumn(2).getInt64();
  r.state = parse_state(row.getColumn(3).getString()).value_or(ReleaseState::Draft);
  r.script_sha256 = row.getColumn(4).getString();
  r.based_on = number(row.getColumn(5));
  r.rollback_of = number(row.getColumn(6));
  r.created = {row.getColumn(7).getString(), row.getColumn(8).getString()};
  r.reason = row.getColumn(9).getString();
  r.submitted = stamp(row.getColumn(10), row.getColumn(11));
  r.decided = stamp(row.getColumn(12), row.getColumn(13));
  r.decision_reason = text(row.getColumn(14));
  r.published = stamp(row.getColumn(15), row.getColumn(16));
  if (!row.getColumn(17).isNull()) r.effective_from = Date::parse(row.getColumn(17).getString());
  r.withdrawn = stamp(row.getColumn(18), row.getColumn(19));
  r.withdrawn_reason = text(row.getColumn(20));
  r.version = row.getColumn(21).getInt64();
  return r;
}

}  // namespace

Release ReleaseRepository::insert(Release r) {
  SQLite::Statement next(db_.sqlite(), "SELECT coalesce(max(number), 0) + 1 FROM rule_releases WHERE region = ?");
  next.bind(1, r.region);
  next.executeStep();
  r.number = next.getColumn(0).getInt64();
  r.version = 1;
  SQLite::Statement s(db_.sqlite(),
                      "INSERT INTO rule_releases (region, number, state, script, script_sha256, spec, based_on, "
                      "rollback_of, author, created_at, reason, evaluation_json, submitted_by, submitted_at, "
                      "decided_by, decided_at, decision_reason, published_by, published_at, effective_from) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, r.region);
  s.bind(2, r.number);
  s.bind(3, std::string(code_of(r.state)));
  s.bind(4, r.script);
  s.bind(5, r.script_sha256);
  if (r.spec) s.bind(6, *r.spec); else s.bind(6);
  if (r.based_on) s.bind(7, *r.based_on); else s.bind(7);
  if (r.rollback_of) s.bind(8, *r.rollback_of); else s.bind(8);
  s.bind(9, r.created.by);
  s.bind(10, r.created.at);
  s.bind(11, r.reason);
  s.bind(12, evaluation_json(r.evaluation).dump());
  bind_stamp(s, 13, r.submitted);
  bind_stamp(s, 15, r.decided);
  bind_text(s, 17, r.decision_reason);
  bind_stamp(s, 18, r.published);
  if (r.effective_from) s.bind(20, r.effective_from->iso()); else s.bind(20);
  s.exec();
  r.id = db_.sqlite().getLastInsertRowid();
  return r;
}

std::optional<Release> ReleaseRepository::find(const std::string& region, std::int64_t n) {
  SQLite::Statement s(db_.sqlite(), std::string("SELECT ") + kSummaryColumns +
                                        ", script, spec, evaluation_json FROM rule_releases WHERE region = ? AND number = ?");
  s.bind(1, region);
  s.bind(2, n);
  if (!s.executeStep()) return std::nullopt;
  Release r = read_summary(s);
  r.script = s.getColumn(22).getString();
  if (!s.getColumn(23).isNull()) r.spec = s.getColumn(23).getString();
  r.evaluation = evaluation_from_json(nlohmann::json::parse(s.getColumn(24).getString()));
  return r;
}

std::vector<Release> ReleaseRepository::history(const std::string& region) {
  SQLite::Statement s(db_.sqlite(), std::string("SELECT ") + kSummaryColumns +
                                        " FROM rule_releases WHERE region = ? ORDER BY number DESC");
  s.bind(1, region);
  std::vector<Release> out;
  while (s.executeStep()) out.push_back(read_summary(s));
  return out;
}

std::vector<std::string> ReleaseRepository::regions() {
  SQLite::Statement s(db_.sqlite(), "SELECT DISTINCT region FROM rule_releases ORDER BY region");
  std::vector<std::string> out;
  while (s.executeStep()) out.push_back(s.getColumn(0).getString());
  return out;
}

std::vector<ReleaseMark> ReleaseRepository::published_marks(const std::string& region) {
  SQLite::Statement s(db_.sqlite(),
                      "SELECT number, effective_from FROM rule_releases WHERE state = 'published' AND region = ? "
                      "ORDER BY number");
  s.bind(1, region);
  std::vector<ReleaseMark> out;
  while (s.executeStep())
    out.push_back({s.getColumn(0).getInt64(),
                   s.getColumn(1).isNull() ? std::nullopt : Date::parse(s.getColumn(1).getString())});
  return out;
}

std::vector<rules::PublishedRelease> ReleaseRepository::reachable_releases() {
  std::vector<rules::PublishedRelease> out;
  SQLite::Statement text_of(db_.sqlite(), "SELECT script FROM rule_releases WHERE region = ? AND number = ?");
  for (const std::string& region : regions()) {
    for (const ReleaseMark& mark : reachable(published_marks(region))) {
      text_of.reset();
      text_of.bind(1, region);
      text_of.bind(2, mark.number);
      if (text_of.executeStep()) out.push_back({region, mark, text_of.getColumn(0).getString()});
    }
  }
  return out;
}

StoreFingerprint ReleaseRepository::fingerprint() {
  SQLite::Statement s(db_.sqlite(),
                      "SELECT count(*), coalesce(sum(version), 0) FROM rule_releases "
                      "WHERE state IN ('published', 'withdrawn')");
  s.executeStep();
  return {s.getColumn(0).getInt64(), s.getColumn(1).getInt64()};
}

std::vector<store::RecordedAuditEvent> ReleaseRepository::events(const std::string& region, std::int64_t number) {
  SQLite::Statement s(db_.sqlite(),
                      "SELECT seq, at, actor, kind, payload_json FROM audit_events WHERE order_id IS NULL "
                      "AND kind LIKE 'rules.%' AND json_extract(payload_json, '$.region') = ? "
                      "AND json_extract(payload_json, '$.release') = ? ORDER BY seq");
  s.bind(1, region);
  s.bind(2, number);
  std::vector<store::RecordedAuditEvent> out;
  while (s.executeStep())
    out.push_back({s.getColumn(0).getInt64(),
                   {s.getColumn(1).getString(), s.getColumn(2).getString(), std::nullopt, s.getColumn(3).getString(),
                    nlohmann::json::parse(s.getColumn(4).getString(), nullptr, false)}});
  return out;
}

bool ReleaseRepository::revise_draft(const Release& r, std::int64_t version) {
  SQLite::Statement s(db_.sqlite(),
                      "UPDATE rule_releases SET script = ?, script_sha256 = ?, spec = ?, reason = ?, "
                      "evaluation_json = ?, version = version + 1 "
                      "WHERE id = ? AND version = ? AND state = 'draft'");
  s.bind(1, r.script);
  s.bind(2, r.script_sha256);
  if (r.spec) s.bind(3, *r.spec); else s.bind(3);
  s.bind(4, r.reason);
  s.bind(5, evaluation_json(r.evaluation).dump());
  s.bind(6, r.id);
  s.bind(7, version);
  return s.exec() == 1;
}

bool ReleaseRepository::save_transition(const Release& r, std::int64_t version) {
  SQLite::Statement s(db_.sqlite(),
                      "UPDATE rule_releases SET state = ?, evaluation_json = ?, submitted_by = ?, submitted_at = ?, "
                      "decided_by = ?, decided_at = ?, decision_reason = ?, published_by = ?, published_at = ?, "
                      "effective_from = ?, withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ?, "
                      "version = version + 1 WHERE id = ? AND version = ?");
  s.bind(1, std::string(code_of(r.state)));
  s.bind(2, evaluation_json(r.evaluation).dump());
  bind_stamp(s, 3, r.submitted);
  bind_stamp(s, 5, r.decided);
  bind_text(s, 7, r.decision_reason);
  bind_stamp(s, 8, r.published);
  if (r.effective_from) s.bind(10, r.effective_from->iso()); else s.bind(10);
  bind_stamp(s, 11, r.withdrawn);
  bind_text(s, 13, r.withdrawn_reason);
  s.bind(14, r.id);
  s.bind(15, version);
  return s.exec() == 1;
}

}  // namespace cahub::releases
