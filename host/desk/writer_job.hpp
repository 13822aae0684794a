#pragma once
// One writer job of the desk: `work(repository, db, now)` in one write transaction, through the
// committer (in `cahub serve` on SQLite, a savepoint in a batch that shares one durable commit). It returns
// once what it wrote is durable, with what `work` returned; if `work` throws, nothing of it remains.
// Work only writes (and counts what a limit needs, inside the transaction): it reads no order back.

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "orders/order_repository.hpp"
#include "orders/order_workflow.hpp"
#include "store/audit_log.hpp"
#include "store/committer.hpp"

namespace cahub::desk {

template <typename Work>
auto write_job(store::Committer& writes, Work&& work) {
  return store::commit(writes, [&](store::SqlConnection& db) {
    orders::OrderRepository repository(db);
    return work(repository, db, store::now_china_time());
  });
}

inline void audit(store::SqlConnection& db, const std::string& at, const orders::Actor& actor, std::int64_t order_id,
                  const std::string& kind, nlohmann::json payload) {
  store::append_audit_event(db, {at, actor.login, order_id, kind, std::move(payload)});
}

// The caller decided on what it saw at `expected`; if the order has moved on since, the decision
// is stale: "version_conflict", saying where the order is now.
inline void require_version(const orders::Order& o, std::int64_t expected) {
  if (o.version == expected) return;
  throw orders::OrderConflict("version_conflict", "order " + o.public_id + " is at version " +
                                                      std::to_string(o.version) + " (" +
                                                      std::string(orders::code_of(o.state)) + "), not " +
                                                      std::to_string(expected) + ": someone else acted first");
}

}  // namespace cahub::desk
