#pragma once
// Taking checkpoints: sign the chain's head and append it to the checkpoint file (and syslog).
//
// When. Signing costs about 50 µs and the file append an fsync, so never per event and never on
// the write path: `cahub serve` runs a Checkpointer thread that looks at the chain's head every
// `interval` (default 1 s, [audit] checkpoint_interval_ms) on a connection of its own and signs
// only when the head has moved since the last checkpoint, so an idle server writes nothing. The
// writer and the request threads never wait for it. It takes a last one when it stops (a clean
// shutdown), so the chain's final state is anchored. At most `interval` worth of events is
// unanchored at any moment, and only after a crash. `cahub audit checkpoint` takes one on demand
// (for the CLI-only service point, or cron).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "audit/checkpoint.hpp"
#include "audit/checkpoint_log.hpp"
#include "store/sql_connection.hpp"

namespace cahub::audit {

struct CheckpointTarget {
  SigningKey key;
  std::filesystem::path file;  // the checkpoint file
  bool syslog = false;         // also one line to syslog (LOG_AUTHPRIV), for a copy off the machine
};

// Signs the head of the chain in `db` and appends it, unless `newest` (the newest checkpoint
// already taken) reaches it or the chain is empty. Returns what it appended. Throws
// AuditAnchorError when the file cannot be written, and "chain_contradicts_checkpoint" when the
// chain no longer holds `newest`'s hash at its seq: a rewritten chain is never signed.
std::optional<Checkpoint> take_checkpoint(store::SqlConnection& db, const CheckpointTarget& target,
                                          const std::optional<Checkpoint>& newest);

class Checkpointer {
 public:
  // Takes `store` (a connection of its own: the SQLite file's or PostgreSQL's) for its thread and
  // starts it. [thread-safe to construct once]
  Checkpointer(std::unique_ptr<store::SqlStore> store, CheckpointTarget target, std::chrono::milliseconds interval);
  // Stops the thread, then takes a last checkpoint of what is there now.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  std::uint64_t taken() const;  // checkpoints appended so far

 private:
  void run();
  void once();

  std::unique_ptr<store::SqlStore> store_;  // the thread's, then the destructor's
  const CheckpointTarget target_;
  const std::chrono::milliseconds interval_;
  std::optional<Checkpoint> newest_;  // the thread's, then the destructor's

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t taken_ = 0;
  std::thread thread_;  // started last
};

}  // namespace cahub::audit
