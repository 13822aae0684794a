#include "store/audit_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <string_view>

#include "store/digest.hpp"

namespace cahub::store {
namespace {

const std::string kGenesis(64, '0');

AuditEvent event_of(SqlStatement& row, int first) {
  AuditEvent e;
  e.at = row.text(first);
  e.actor = row.text(first + 1);
  if (!row.is_null(first + 2)) e.order_id = row.int64(first + 2);
  e.kind = row.text(first + 3);
  return e;
}

// Every row of audit_events in seq order, columns seq, at, actor, order_id, kind, payload_json,
// prev_hash, hash, read as a scan (a batch at a time: the trail can be longer than memory);
// `visit` returns false to stop.
template <typename Visit>
void walk_chain(SqlConnection& db, Visit visit) {
  auto rows = db.scan("SELECT seq, at, actor, order_id, kind, payload_json, prev_hash, hash FROM audit_events "
                      "ORDER BY seq");
  while (rows->next_row())
    if (!visit(*rows)) return;
}


}  // namespace

std::string canonical_event(std::int64_t seq, const AuditEvent& e) {
  // nlohmann::json keeps object keys sorted, and dump() without indent has no spaces: one
  // spelling per event, whoever computes it.
  const nlohmann::json j = {{"seq", seq},
                            {"at", e.at},
                            {"actor", e.actor},
                            {"order_id", e.order_id ? nlohmann::json(*e.order_id) : nlohmann::json(nullptr)},
                            {"kind", e.kind},
                            {"payload", e.payload}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string chain_hash(const std::string& prev_hash, const std::string& canonical) {
  return sha256_hex(prev_hash + "\n" + canonical);
}

namespace {

// Binds the event's at, actor, order_id, kind and payload to parameters `first` to `first` + 4.
void bind_event(SqlStatement& statement, int first, const AuditEvent& event) {
  statement.bind(first, event.at);
  statement.bind(first + 1, event.actor);
  if (event.order_id)
    statement.bind(first + 2, *event.order_id);
  else
    statement.bind_null(first + 2);
  statement.bind(first + 3, event.kind);
  statement.bind(first + 4, event.payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The canonical text of `event` up to its seq, which only the chain's end decides: seq is the
// last of its keys (sorted: actor, at, kind, order_id, payload, seq), so the canonical text is
// this head, the seq's digits and "}".
std::string canonical_head(const AuditEvent& event) {
  std::string text = canonical_event(0, event);
  constexpr std::string_view tail = "\"seq\":0}";
  if (text.size() < tail.size() || text.compare(text.size() - tail.size(), tail.size(), tail) != 0)
    throw std::logic_error("the canonical audit event no longer ends with its seq");
  text.resize(text.size() - 2);  // keeps "seq":
  return text;
}

// Hosts sharing PostgreSQL append to one chain one at a time, under the chain's lock held to
// COMMIT, so what the holder does under it bounds every host's writes. One round trip does it all:
// cahub_append_audit_event (store/postgres/pg_migrations.cpp, step 7) takes the lock, reads the
// end and inserts the event, hashed there as chain_hash() hashes it, and the chain's trigger
// checks it as it checks every insert. Reading the end here first took two more round trips under
// the lock: across a network, each costs every host the latency (on a local socket the two
// measured the same; docs/deployment.md, Figures).
std::int64_t append_on_postgres(SqlConnection& db, const AuditEvent& event) {
  const std::string head = canonical_head(event);
  auto append = db.query("SELECT cahub_append_audit_event(?, ?, ?, ?, ?, ?)");
  bind_event(*append, 1, event);
  append->bind_blob(6, head);
  append->next_row();
  return append->int64(0);
}

}  // namespace

std::int64_t append_audit_event(SqlConnection& db, const AuditEvent& event) {
  if (db.dialect() == SqlDialect::postgres) return append_on_postgres(db, event);
  // SQLite: one writer, so the end read here is still the end when the insert runs.
  std::int64_t seq = 1;
  std::string prev = kGenesis;
  if (auto head = audit_chain_head(db)) {
    seq = head->seq + 1;
    prev = std::move(head->hash);
  }
  const std::string canonical = canonical_event(seq, event);
  auto insert = db.query("INSERT INTO audit_events (seq, at, actor, order_id, kind, payload_json, prev_hash, hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, seq);
  bind_event(*insert, 2, event);
  insert->bind(7, prev);
  insert->bind(8, chain_hash(prev, canonical));
  insert->run();
  return seq;
}

std::vector<RecordedAuditEvent> audit_events_of(SqlConnection& db, std::int64_t order_id) {
  auto rows = db.query("SELECT seq, at, actor, order_id, kind, payload_json FROM audit_events WHERE order_id = ? "
                       "ORDER BY seq");
  rows->bind(1, order_id);
  std::vector<RecordedAuditEvent> out;
  while (rows->next_row()) {
    RecordedAuditEvent r{rows->int64(0), event_of(*rows, 1)};
    // The schema checks the payload is JSON on insert and the table is append-only, so this parses.
    r.event.payload = nlohmann::json::parse(rows->text(5));
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<ChainHead> audit_chain_head(SqlConnection& db) {
  auto last = db.query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  if (!last->next_row()) return std::nullopt;
  return ChainHead{last->int64(0), last->text(1)};
}

std::optional<std::string> audit_hash_at(SqlConnection& db, std::int64_t seq) {
  auto row = db.query("SELECT hash FROM audit_events WHERE seq = ?");
  row->bind(1, seq);
  if (!row->next_row()) return std::nullopt;
  return row->text(0);
}

void for_each_audit_event(SqlConnection& db, const std::function<void(const RecordedAuditEvent&)>& visit) {
  walk_chain(db, [&](SqlStatement& row) {
    RecordedAuditEvent r{row.int64(0), event_of(row, 1)};
    r.event.payload = nlohmann::json::parse(row.text(5), nullptr, false);
    if (r.event.payload.is_discarded()) r.event.payload = nullptr;
    visit(r);
    return true;
  });
}

AuditVerdict verify_audit_chain(SqlConnection& db) {
  AuditVerdict verdict;
  std::string expected_prev = kGenesis;
  std::int64_t expected_seq = 1;
  auto bad = [&](std::int64_t seq, std::string problem) {
    verdict.intact = false;
    verdict.first_bad_seq = seq;
    verdict.problem = std::move(problem);
    return false;
  };
  walk_chain(db, [&](SqlStatement& row) {
    const std::int64_t seq = row.int64(0);
    ++verdict.events;
    AuditEvent e = event_of(row, 1);
    e.payload = nlohmann::json::parse(row.text(5), nullptr, false);
    if (e.payload.is_discarded()) return bad(seq, "its payload is not JSON (edited)");
    const std::string prev = row.text(6);
    const std::string hash = row.text(7);
    if (seq != expected_seq)
      return bad(seq, "event " + std::to_string(expected_seq) + (seq > expected_seq ? " is missing (deleted)" : " repeats"));
    if (prev != expected_prev) return bad(seq, "it does not follow the event before it (an event was deleted or reordered)");
    if (chain_hash(prev, canonical_event(seq, e)) != hash) return bad(seq, "its content does not match its hash (edited)");
    expected_prev = hash;
    ++expected_seq;
    return true;
  });
  return verdict;
}

std::string china_time(std::chrono::system_clock::time_point when) {
  const std::time_t now = std::chrono::system_clock::to_time_t(when) + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+08:00", &parts);
  return text;
}

}  // namespace cahub::store
