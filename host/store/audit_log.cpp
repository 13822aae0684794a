#include "store/audit_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <SQLiteCpp/Statement.h>

#include "store/digest.hpp"

namespace cahub::store {
namespace {

const std::string kGenesis(64, '0');

std::string last_hash(Database& db) {
  store::CachedStatement last = db.statement("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  return last->executeStep() ? last->getColumn(0).getString() : kGenesis;
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

std::int64_t append_audit_event(Database& db, const AuditEvent& event) {
  store::CachedStatement next = db.statement("SELECT coalesce(max(seq), 0) + 1 FROM audit_events");
  next->executeStep();
  const std::int64_t seq = next->getColumn(0).getInt64();
  const std::string prev = last_hash(db);
  const std::string canonical = canonical_event(seq, event);
  store::CachedStatement insert = db.statement(
                           "INSERT INTO audit_events (seq, at, actor, order_id, kind, payload_json, prev_hash, hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, static_cast<std::int64_t>(seq));
  insert->bind(2, event.at);
  insert->bind(3, event.actor);
  if (event.order_id)
    insert->bind(4, static_cast<std::int64_t>(*event.order_id));
  else
    insert->bind(4);
  insert->bind(5, event.kind);
  insert->bind(6, event.payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  insert->bind(7, prev);
  insert->bind(8, chain_hash(prev, canonical));
  insert->exec();
  return seq;
}

std::vector<RecordedAuditEvent> audit_events_of(Database& db, std::int64_t order_id) {
  store::CachedStatement rows = db.statement(
      "SELECT seq, at, actor, kind, payload_json FROM audit_events WHERE order_id = ? ORDER BY seq");
  rows->bind(1, static_cast<std::int64_t>(order_id));
  std::vector<RecordedAuditEvent> out;
  while (rows->executeStep()) {
    RecordedAuditEvent r;
    r.seq = rows->getColumn(0).getInt64();
    r.event.at = rows->getColumn(1).getString();
    r.event.actor = rows->getColumn(2).getString();
    r.event.order_id = order_id;
    r.event.kind = rows->getColumn(3).getString();
    // The schema checks json_valid on insert and the table is append-only, so this parses.
    r.event.payload = nlohmann::json::parse(rows->getColumn(4).getString());
    out.push_back(std::move(r));
  }
  return out;
}


std::optional<ChainHead> audit_chain_head(Database& db) {
  SQLite::Statement last(db.sqlite(), "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  if (!last.executeStep()) return std::nullopt;
  return ChainHead{last.getColumn(0).getInt64(), last.getColumn(1).getString()};
}

std::optional<std::string> audit_hash_at(Database& db, std::int64_t seq) {
  SQLite::Statement row(db.sqlite(), "SELECT hash FROM audit_events WHERE seq = ?");
  row.bind(1, static_cast<std::int64_t>(seq));
  if (!row.executeStep()) return std::nullopt;
  return row.getColumn(0).getString();
}

void for_each_audit_event(Database& db, const std::function<void(const RecordedAuditEvent&)>& visit) {
  SQLite::Statement rows(db.sqlite(), "SELECT seq, at, actor, order_id, kind, payload_json FROM audit_events ORDER BY seq");
  while (rows.executeStep()) {
    RecordedAuditEvent r;
    r.seq = rows.getColumn(0).getInt64();
    r.event.at = rows.getColumn(1).getString();
    r.event.actor = rows.getColumn(2).getString();
    if (!rows.getColumn(3).isNull()) r.event.order_id = rows.getColumn(3).getInt64();
    r.event.kind = rows.getColumn(4).getString();
    r.event.payload = nlohmann::json::parse(rows.getColumn(5).getString(), nullptr, false);
    if (r.event.payload.is_discarded()) r.event.payload = nullptr;
    visit(r);
  }
}

AuditVerdict verify_audit_chain(Database& db) {
  AuditVerdict verdict;
  SQLite::Statement rows(db.sqlite(),
                         "SELECT seq, at, actor, order_id, kind, payload_json, prev_hash, hash FROM audit_events "
                         "ORDER BY seq");
  std::string expected_prev = kGenesis;
  std::int64_t expected_seq = 1;
  auto bad = [&](std::int64_t seq, std::string problem) {
    verdict.intact = false;
    verdict.first_bad_seq = seq;
    verdict.problem = std::move(problem);
  };
  while (rows.executeStep()) {
    const std::int64_t seq = rows.getColumn(0).getInt64();
    ++verdict.events;
    AuditEvent e;
    e.at = rows.getColumn(1).getString();
    e.actor = rows.getColumn(2).getString();
    if (!rows.getColumn(3).isNull()) e.order_id = rows.getColumn(3).getInt64();
    e.kind = rows.getColumn(4).getString();
    try {
      e.payload = nlohmann::json::parse(rows.getColumn(5).getString());
    } catch (const nlohmann::json::exception&) {
      bad(seq, "its payload is not JSON (edited)");
      return verdict;
    }
    const std::string prev = rows.getColumn(6).getString();
    const std::string hash = rows.getColumn(7).getString();
    if (seq != expected_seq) {
      bad(seq, "event " + std::to_string(expected_seq) + (seq > expected_seq ? " is missing (deleted)" : " repeats"));
      return verdict;
    }
    if (prev != expected_prev) {
      bad(seq, "it does not follow the event before it (an event was deleted or reordered)");
      return verdict;
    }
    if (chain_hash(prev, canonical_event(seq, e)) != hash) {
      bad(seq, "its content does not match its hash (edited)");
      return verdict;
    }
    expected_prev = hash;
    ++expected_seq;
  }
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
