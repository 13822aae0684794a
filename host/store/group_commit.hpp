#pragma once
// Group commit: concurrent requests share one durable commit.
//
// With WAL and synchronous=FULL every COMMIT waits for the disk (fsync of the WAL). On the
// project's machines that is about 0.25 ms for one small transaction, so one transaction per
// request caps the whole server near 4,000 writes/s however many threads it has, while a
// transaction of 100 rows costs hardly more than one of 1. A GroupCommitter therefore runs the
// write work of many requests in one transaction on one connection and commits it once:
//
//   caller threads ── run(work) ──► queue ──► writer thread: BEGIN IMMEDIATE
//        (blocked until their batch                            SAVEPOINT; work 1; RELEASE
//         is durable, or failed)                               SAVEPOINT; work 2; RELEASE …
//                                                            COMMIT (fsync) ──► wake every caller
//
// - No timer: a batch is whatever queued while the previous COMMIT was waiting for the disk, so a
//   lone request is committed at once and a crowd shares commits by itself (bounded by max_batch,
//   which bounds how long the last job of a batch waits for the others' work).
// - Each job runs inside its own savepoint: if its work throws, its writes are rolled back and
//   the others of the batch are kept; the exception comes out of that caller's run(). The store
//   code's WriteTransaction nests (a savepoint too), so it is unchanged.
// - Nothing is acknowledged before the COMMIT returns. If the COMMIT fails, or SQLite rolls the
//   whole transaction back by itself (disk full, I/O error), every job whose writes were in it
//   fails with that error and nothing of them remains.
// - One writer connection: the jobs never wait for each other's locks, and the busy timeout is
//   met only when another process (or a direct write such as a sign-in) holds the write lock.
//
// What work may do: read and write through the connection it is given (the writer's Database),
// on the writer thread. It must not be slow (no plugin calls, no network: the whole batch waits
// for it), must not call run() of the same committer (it would wait for its own batch), and must
// not keep the connection after it returns.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "store/committer.hpp"
#include "store/database.hpp"

namespace cahub::store {

class GroupCommitter final : public Committer {
 public:
  static constexpr std::size_t default_max_batch = 256;

  // What the writer has done so far, for the bench and for monitoring.
  struct Counts {
    std::uint64_t commits = 0;         // COMMITs that succeeded
    std::uint64_t jobs_committed = 0;  // jobs acknowledged as durable by them
    std::uint64_t jobs_failed = 0;     // jobs whose run() threw (their own error or their batch's)
    std::size_t largest_batch = 0;     // the most jobs one transaction carried
  };

  // Takes `connection` (e.g. Database::open_another()) for the writer thread and starts it.
  explicit GroupCommitter(Database connection, std::size_t max_batch = default_max_batch);
  // Drains: the jobs already queued are committed (or failed) and their callers woken, then the
  // writer stops. run() called meanwhile throws StoreError without running its work.
  ~GroupCommitter() override;

  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues `work` for the next batch and blocks until that batch is durable (returns) or failed
  // (throws what the work threw, or the COMMIT's error). [thread-safe]
  void run(const std::function<void(SqlConnection&)>& work) override;

  Counts counts() const;
  // Jobs waiting for a batch that has not begun yet.
  std::size_t queued() const;

 private:
  struct Job;

  void write_batches();
  void write(const std::vector<Job*>& batch);

  Database db_;  // used by the writer thread only
  const std::size_t max_batch_;

  mutable std::mutex mutex_;
  std::condition_variable work_arrived_;
  std::deque<Job*> queue_;  // each Job lives on its caller's stack until it is done
  std::size_t callers_inside_ = 0;  // in run(), from queueing to leaving
  std::condition_variable callers_left_;
  bool stopping_ = false;
  Counts counts_;

  std::thread writer_;  // started last, by the constructor, once everything above exists
};

}  // namespace cahub::store
