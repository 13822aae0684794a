#include "releases/release_repository.hpp"

#include <map>

#include "releases/release_timeline.hpp"

namespace cahub::releases {
namespace {

constexpr const char* kSummaryColumns =
    "id, region, number, state, script_sha256, based_on, rollback_of, author, created_at, reason, submitted_by, "
    "submitted_at, decided_by, decided_at, decision_reason, published_by, published_at, effective_from, "
    "withdrawn_by, withdrawn_at, withdrawn_reason, version";

std::optional<std::int64_t> number(store::SqlStatement& row, int column) {
  return row.is_null(column) ? std::nullopt : std::optional<std::int64_t>(row.int64(column));
}
std::optional<Stamp> stamp(store::SqlStatement& row, int by) {
  if (row.is_null(by)) return std::nullopt;
  return Stamp{row.text(by), row.text(by + 1)};
}

void bind_text(store::SqlStatement& s, int index, const std::string& value) {
  if (value.empty()) s.bind_null(index);
  else s.bind(index, value);
}
void bind_optional(store::SqlStatement& s, int index, const std::optional<std::string>& value) {
  if (value) s.bind(index, *value);
  else s.bind_null(index);
}
void bind_optional(store::SqlStatement& s, int index, const std::optional<std::int64_t>& value) {
  if (value) s.bind(index, *value);
  else s.bind_null(index);
}
void bind_stamp(store::SqlStatement& s, int by, const std::optional<Stamp>& st) {
  if (st) {
    s.bind(by, st->by);
    s.bind(by + 1, st->at);
  } else {
    s.bind_null(by);
    s.bind_null(by + 1);
  }
}

// A field of a JSON text column, compared as SQLite's json_extract gives it (PostgreSQL's ->>
// gives text, which a bound value compares with as text).
std::string json_field(store::SqlDialect d, const std::string& column, const std::string& key) {
  return d == store::SqlDialect::postgres ? "(CAST(" + column + " AS jsonb) ->> '" + key + "')"
                                          : "json_extract(" + column + ", '$." + key + "')";
}

// Reads kSummaryColumns, in that order.
Release read_summary(store::SqlStatement& row) {
  Release r;
  r.id = row.int64(0);
  r.region = row.text(1);
  r.number = row.int64(2);
  r.state = parse_state(row.text(3)).value_or(ReleaseState::Draft);
  r.script_sha256 = row.text(4);
  r.based_on = number(row, 5);
  r.rollback_of = number(row, 6);
  r.created = {row.text(7), row.text(8)};
  r.reason = row.text(9);
  r.submitted = stamp(row, 10);
  r.decided = stamp(row, 12);
  r.decision_reason = row.text(14);
  r.published = stamp(row, 15);
  if (!row.is_null(17)) r.effective_from = Date::parse(row.text(17));
  r.withdrawn = stamp(row, 18);
  r.withdrawn_reason = row.text(20);
  r.version = row.int64(21);
  return r;
}

}  // namespace

Release ReleaseRepository::insert(Release r) {
  // Hosts sharing PostgreSQL number a region's releases one at a time: two drafts started at once
  // would otherwise both take the same next number (SQLite's one writer does so already).
  db_.serialize(store::Serial::rule_releases);
  auto next = db_.query("SELECT coalesce(max(number), 0) + 1 FROM rule_releases WHERE region = ?");
  next->bind(1, r.region);
  next->next_row();
  r.number = next->int64(0);
  next.reset();
  r.version = 1;
  auto statement = db_.query(
                      "INSERT INTO rule_releases (region, number, state, script, script_sha256, spec, based_on, "
                      "rollback_of, author, created_at, reason, evaluation_json, submitted_by, submitted_at, "
                      "decided_by, decided_at, decision_reason, published_by, published_at, effective_from) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  store::SqlStatement& s = *statement;
  s.bind(1, r.region);
  s.bind(2, r.number);
  s.bind(3, std::string(code_of(r.state)));
  s.bind(4, r.script);
  s.bind(5, r.script_sha256);
  bind_optional(s, 6, r.spec);
  bind_optional(s, 7, r.based_on);
  bind_optional(s, 8, r.rollback_of);
  s.bind(9, r.created.by);
  s.bind(10, r.created.at);
  s.bind(11, r.reason);
  s.bind(12, evaluation_json(r.evaluation).dump());
  bind_stamp(s, 13, r.submitted);
  bind_stamp(s, 15, r.decided);
  bind_text(s, 17, r.decision_reason);
  bind_stamp(s, 18, r.published);
  bind_optional(s, 20, r.effective_from ? std::optional<std::string>(r.effective_from->iso()) : std::nullopt);
  s.next_row();
  r.id = s.int64(0);
  return r;
}

std::optional<Release> ReleaseRepository::find(const std::string& region, std::int64_t n) {
  auto s = db_.query(std::string("SELECT ") + kSummaryColumns +
                     ", script, spec, evaluation_json FROM rule_releases WHERE region = ? AND number = ?");
  s->bind(1, region);
  s->bind(2, n);
  if (!s->next_row()) return std::nullopt;
  Release r = read_summary(*s);
  r.script = s->text(22);
  if (!s->is_null(23)) r.spec = s->text(23);
  r.evaluation = evaluation_from_json(nlohmann::json::parse(s->text(24)));
  return r;
}

std::vector<Release> ReleaseRepository::history(const std::string& region) {
  auto s = db_.query(std::string("SELECT ") + kSummaryColumns +
                     " FROM rule_releases WHERE region = ? ORDER BY number DESC");
  s->bind(1, region);
  std::vector<Release> out;
  while (s->next_row()) out.push_back(read_summary(*s));
  return out;
}

std::vector<std::string> ReleaseRepository::regions() {
  auto s = db_.query("SELECT region FROM rule_releases GROUP BY region ORDER BY region" + db_.bytewise());
  std::vector<std::string> out;
  while (s->next_row()) out.push_back(s->text(0));
  return out;
}

std::vector<ReleaseMark> ReleaseRepository::published_marks(const std::string& region) {
  auto s = db_.query("SELECT number, effective_from FROM rule_releases WHERE state = 'published' AND region = ? "
                     "ORDER BY number");
  s->bind(1, region);
  std::vector<ReleaseMark> out;
  while (s->next_row()) out.push_back({s->int64(0), s->is_null(1) ? std::nullopt : Date::parse(s->text(1))});
  return out;
}

std::vector<rules::PublishedRelease> ReleaseRepository::reachable_releases() {
  std::vector<rules::PublishedRelease> out;
  for (const std::string& region : regions()) {
    for (const ReleaseMark& mark : reachable(published_marks(region))) {
      auto text_of = db_.query("SELECT script FROM rule_releases WHERE region = ? AND number = ?");
      text_of->bind(1, region);
      text_of->bind(2, mark.number);
      if (text_of->next_row()) out.push_back({region, mark, text_of->text(0)});
    }
  }
  return out;
}

StoreFingerprint ReleaseRepository::fingerprint() {
  // sum() of BIGINT is numeric on PostgreSQL: cast back, as SQLite's integer sum is.
  auto s = db_.query("SELECT count(*), CAST(coalesce(sum(version), 0) AS BIGINT) FROM rule_releases "
                     "WHERE state IN ('published', 'withdrawn')");
  s->next_row();
  return {s->int64(0), s->int64(1)};
}

std::vector<store::RecordedAuditEvent> ReleaseRepository::events(const std::string& region, std::int64_t number) {
  const store::SqlDialect d = db_.dialect();
  auto s = db_.query("SELECT seq, at, actor, kind, payload_json FROM audit_events WHERE order_id IS NULL "
                     "AND kind LIKE 'rules.%' AND " + json_field(d, "payload_json", "region") + " = ? AND " +
                     json_field(d, "payload_json", "release") + " = ? ORDER BY seq");
  s->bind(1, region);
  s->bind(2, number);  // PostgreSQL reads it as the text ->> gives
  std::vector<store::RecordedAuditEvent> out;
  while (s->next_row())
    out.push_back({s->int64(0),
                   {s->text(1), s->text(2), std::nullopt, s->text(3), nlohmann::json::parse(s->text(4), nullptr, false)}});
  return out;
}

bool ReleaseRepository::revise_draft(const Release& r, std::int64_t version) {
  auto s = db_.query("UPDATE rule_releases SET script = ?, script_sha256 = ?, spec = ?, reason = ?, "
                     "evaluation_json = ?, version = version + 1 "
                     "WHERE id = ? AND version = ? AND state = 'draft'");
  s->bind(1, r.script);
  s->bind(2, r.script_sha256);
  bind_optional(*s, 3, r.spec);
  s->bind(4, r.reason);
  s->bind(5, evaluation_json(r.evaluation).dump());
  s->bind(6, r.id);
  s->bind(7, version);
  return s->run() == 1;
}

bool ReleaseRepository::save_transition(const Release& r, std::int64_t version) {
  auto statement = db_.query(
      "UPDATE rule_releases SET state = ?, evaluation_json = ?, submitted_by = ?, submitted_at = ?, "
      "decided_by = ?, decided_at = ?, decision_reason = ?, published_by = ?, published_at = ?, "
      "effective_from = ?, withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ?, "
      "version = version + 1 WHERE id = ? AND version = ?");
  store::SqlStatement& s = *statement;
  s.bind(1, std::string(code_of(r.state)));
  s.bind(2, evaluation_json(r.evaluation).dump());
  bind_stamp(s, 3, r.submitted);
  bind_stamp(s, 5, r.decided);
  bind_text(s, 7, r.decision_reason);
  bind_stamp(s, 8, r.published);
  bind_optional(s, 10, r.effective_from ? std::optional<std::string>(r.effective_from->iso()) : std::nullopt);
  bind_stamp(s, 11, r.withdrawn);
  bind_text(s, 13, r.withdrawn_reason);
  s.bind(14, r.id);
  s.bind(15, version);
  return s.run() == 1;
}

}  // namespace cahub::releases
