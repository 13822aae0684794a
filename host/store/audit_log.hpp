#pragma once
// The audit trail: every state change, payment, material tick and issuance, appended in the same
// write transaction as the change it records, as a SHA-256 hash chain nobody can quietly edit.
//
// Each event's hash is SHA-256 over the previous event's hash and the event's canonical form (its
// fields as compact JSON with sorted keys; the first event links to 64 zeros). The schema makes the
// table append-only (triggers refuse UPDATE and DELETE and check prev_hash on INSERT); verify()
// catches what triggers cannot: someone who dropped them, or edited the file itself.
//
// Written once for both stores (store/sql_connection.hpp): SQLite's file, or PostgreSQL shared by
// several hosts, where appends are serialized by the chain's advisory lock.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sql_connection.hpp"

namespace cahub::store {

struct AuditEvent {
  std::string at;     // ISO 8601 with offset, e.g. "2026-11-23T09:30:00+08:00"
  std::string actor;  // a staff login, or "system"
  std::optional<std::int64_t> order_id;
  std::string kind;   // "order.submitted", "payment.recorded", ...
  nlohmann::json payload = nlohmann::json::object();
};

// The canonical form hashed for an event at position `seq`.
std::string canonical_event(std::int64_t seq, const AuditEvent& event);
// Lower-case hex SHA-256 of prev_hash + "\n" + canonical.
std::string chain_hash(const std::string& prev_hash, const std::string& canonical);

// Appends `event` after the last one and returns its seq. Call inside a WriteTransaction on `db`,
// together with the change it records, so both commit or neither does.
std::int64_t append_audit_event(SqlConnection& db, const AuditEvent& event);

// An event as stored, with its place in the chain.
struct RecordedAuditEvent {
  std::int64_t seq = 0;
  AuditEvent event;
};

// The events of one order, in seq order: what happened to it, as the console's history shows it.
// `order_id` is the orders table's own id (audit_events.order_id), not the public ORD-... id.
// Reads only; the chain is checked by verify_audit_chain, not here.
std::vector<RecordedAuditEvent> audit_events_of(SqlConnection& db, std::int64_t order_id);

// The chain's last event: where a checkpoint pins it. None for an empty chain.
struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};
std::optional<ChainHead> audit_chain_head(SqlConnection& db);
// The stored hash of event `seq`, if there is one.
std::optional<std::string> audit_hash_at(SqlConnection& db, std::int64_t seq);

// Every event in seq order, handed to `visit` one at a time (a replay of the whole trail does not
// hold it in memory). Payloads that are not JSON are handed over as null: verify_audit_chain is
// what reports them.
void for_each_audit_event(SqlConnection& db, const std::function<void(const RecordedAuditEvent&)>& visit);

struct AuditVerdict {
  std::int64_t events = 0;  // how many were checked
  bool intact = true;
  std::int64_t first_bad_seq = 0;  // the first event that does not fit, when !intact
  std::string problem;             // "edited", "deleted or reordered before it", ...
};

// Walks the whole chain in seq order and reports the first event that was edited (its hash does
// not match its content), deleted (a gap in seq) or reordered (its prev_hash is not the hash of
// the event before it). Reads only.
AuditVerdict verify_audit_chain(SqlConnection& db);

// A time in China Standard Time as ISO 8601 with offset ("2026-11-23T09:30:00+08:00"). One offset
// everywhere, so these texts compare in time order.
std::string china_time(std::chrono::system_clock::time_point when);
inline std::string now_china_time() { return china_time(std::chrono::system_clock::now()); }

}  // namespace cahub::store
