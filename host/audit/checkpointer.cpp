#include "audit/checkpointer.hpp"

#include <pthread.h>
#include <syslog.h>

#include <spdlog/spdlog.h>

#include "audit/audit_error.hpp"
#include "store/audit_log.hpp"

namespace cahub::audit {

std::optional<Checkpoint> take_checkpoint(store::SqlConnection& db, const CheckpointTarget& target,
                                          const std::optional<Checkpoint>& newest) {
  const auto head = store::audit_chain_head(db);
  if (newest) {
    // One indexed read: the chain must still be the one the last signature was made for.
    const auto hash = store::audit_hash_at(db, newest->seq);
    if (!hash || *hash != newest->hash)
      throw AuditAnchorError("chain_contradicts_checkpoint",
                             "the audit chain no longer holds the newest checkpoint's event " +
                                 std::to_string(newest->seq) + (hash ? " with its hash" : "") +
                                 " (cut or rewritten): no checkpoint is signed; run `cahub audit verify`");
  }
  if (!head || (newest && head->seq <= newest->seq)) return std::nullopt;
  const Checkpoint c = sign_checkpoint(target.key, head->seq, head->hash, store::now_china_time());
  CheckpointLog(target.file).append(c);
  if (target.syslog) ::syslog(LOG_AUTHPRIV | LOG_NOTICE, "cahub audit checkpoint %s", to_json_line(c).c_str());
  return c;
}

Checkpointer::Checkpointer(std::unique_ptr<store::SqlStore> store, CheckpointTarget target,
                           std::chrono::milliseconds interval)
    : store_(std::move(store)), target_(std::move(target)), interval_(interval) {
  newest_ = CheckpointLog(target_.file).newest();
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "cahub-anchor");
    run();
  });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  once();  // the final state, after every write the server acknowledged
}

std::uint64_t Checkpointer::taken() const {
  std::lock_guard lock(mutex_);
  return taken_;
}

void Checkpointer::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [&] { return stopping_; })) {
    lock.unlock();
    once();
    lock.lock();
  }
}

void Checkpointer::once() {
  try {
    auto c = store::read(*store_, [&](store::SqlConnection& db) { return take_checkpoint(db, target_, newest_); });
    if (c) {
      newest_ = std::move(c);
      std::lock_guard lock(mutex_);
      ++taken_;
    }
  } catch (const std::exception& e) {
    // The server keeps serving: the events are in the chain; only their anchor is late. Logged
    // at each attempt, so a full disk or a moved file is seen.
    spdlog::error("audit checkpoint not taken: {}", e.what());
  }
}

}  // namespace cahub::audit
