#include "store/group_commit.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <pthread.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "store/database_health.hpp"
#include "store/store_error.hpp"

namespace cahub::store {
namespace {

bool in_transaction(Database& db) { return sqlite3_get_autocommit(db.sqlite().getHandle()) == 0; }

// The writer's own statements, run through the connection's statement cache: one of each per job
// or per batch, and parsing them anew each time was a visible part of the writer's work.
const std::string kBegin = "BEGIN IMMEDIATE";
const std::string kSavepoint = "SAVEPOINT job";
const std::string kRelease = "RELEASE job";
const std::string kRollbackTo = "ROLLBACK TO job";
const std::string kCommit = "COMMIT";

void execute(Database& db, const std::string& sql) { db.statement(sql)->exec(); }

// Best effort, after a failure: what is left of the transaction must go before the next batch.
void roll_back(Database& db) {
  if (!in_transaction(db)) return;
  try {
    db.sqlite().exec("ROLLBACK");
  } catch (...) {
    // The next BEGIN will fail and say why; there is nothing better to do here.
  }
}

// A copy of `error` for one more caller, message text included. Callers rethrow and read their
// exceptions on their own threads at once; one object (or a copy, whose message libstdc++ shares
// by reference count) shared between them is kept alive by libstdc++'s reference counts alone,
// which ThreadSanitizer cannot see: it reported the callers' reads and the last one's delete as
// a race. The copy keeps the type the API maps to a status.
std::exception_ptr copy_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const SQLite::Exception& e) {
    return std::make_exception_ptr(SQLite::Exception(std::string(e.what()), e.getErrorCode()));
  } catch (const StoreUnavailable& e) {  // 503 store_unavailable, with the condition that says why
    return std::make_exception_ptr(StoreUnavailable(e.condition()));
  } catch (const StoreError& e) {
    return std::make_exception_ptr(StoreError(std::string(e.what())));
  } catch (const std::exception& e) {
    return std::make_exception_ptr(std::runtime_error(std::string(e.what())));
  } catch (...) {
    return error;
  }
}

// For the jobs that had done their work when SQLite threw their batch's transaction away.
std::exception_ptr batch_lost(const std::exception_ptr& cause) {
  std::string why = "unknown error";
  try {
    if (cause) std::rethrow_exception(cause);
  } catch (const std::exception& e) {
    why = e.what();
  } catch (...) {
  }
  return std::make_exception_ptr(
      StoreError("nothing was written: the transaction this request shared with others was rolled back (" + why + ")"));
}

}  // namespace

struct GroupCommitter::Job {
  explicit Job(const std::function<void(SqlConnection&)>& w) : work(w) {}

  const std::function<void(SqlConnection&)>& work;
  std::exception_ptr error;
  bool done = false;                   // guarded by mutex_
  std::condition_variable finished;    // its caller waits on it, with mutex_
};

GroupCommitter::GroupCommitter(Database connection, std::size_t max_batch)
    : db_(std::move(connection)), max_batch_(std::max<std::size_t>(max_batch, 1)), writer_() {
  // Each job runs in a savepoint, so SQLite keeps the old content of every page a job changes in
  // a sub-journal, and past 64 KB (a few pages, as each statement of a job journals its pages
  // again) it moved that sub-journal to a temporary file it created, wrote and deleted on disk:
  // one per batch or more. In memory it costs a job's few pages, freed at its RELEASE.
  db_.sqlite().exec("PRAGMA temp_store = MEMORY");
  writer_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "cahub-writer");  // for top -H, perf and gdb
    write_batches();
  });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_arrived_.notify_one();
  writer_.join();
  // A caller woken by the last batch may still be taking mutex_ back on its way out of run():
  // wait until it has left before the mutex and condition variables go.
  std::unique_lock lock(mutex_);
  callers_left_.wait(lock, [&] { return callers_inside_ == 0; });
}

void GroupCommitter::run(const std::function<void(SqlConnection&)>& work) {
  Job job(work);
  std::unique_lock lock(mutex_);
  if (stopping_) throw StoreError("the server is stopping; nothing was written");
  queue_.push_back(&job);
  ++callers_inside_;
  work_arrived_.notify_one();
  job.finished.wait(lock, [&] { return job.done; });
  if (--callers_inside_ == 0 && stopping_) callers_left_.notify_all();  // with mutex_ held, as above
  lock.unlock();
  if (job.error) std::rethrow_exception(job.error);
}

GroupCommitter::Counts GroupCommitter::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::size_t GroupCommitter::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void GroupCommitter::write_batches() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_arrived_.wait(lock, [&] { return !queue_.empty() || stopping_; });
    if (queue_.empty()) return;  // stopping, and every queued job has been answered
    const auto take = static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
    const std::vector<Job*> batch(queue_.begin(), queue_.begin() + take);
    queue_.erase(queue_.begin(), queue_.begin() + take);
    lock.unlock();
    write(batch);
    lock.lock();
    for (Job* job : batch) {
      if (job->error) ++counts_.jobs_failed;
      job->done = true;
      // Notified with mutex_ held: the caller cannot see `done`, return and destroy the Job
      // (its condition variable included) before this loop lets go of the mutex.
      job->finished.notify_one();
    }
  }
}

// Runs `batch` and commits it, usually in one transaction. Sets each job's error, or leaves it
// empty when its writes are durable.
void GroupCommitter::write(const std::vector<Job*>& batch) {
  std::size_t next = 0;
  while (next < batch.size()) {
    try {
      // A file deleted, replaced or made read-only under the server takes no batch (as a
      // WriteTransaction would take no write): each job is refused with store_unavailable.
      db_.health().require_writable();
      execute(db_, kBegin);
    } catch (...) {
      // E.g. SQLITE_BUSY: another process held the write lock for the whole busy timeout.
      const std::exception_ptr error = std::current_exception();
      for (; next < batch.size(); ++next) batch[next]->error = copy_of(error);
      return;
    }
    // The jobs whose writes are in the open transaction: they share its fate.
    std::vector<Job*> riding;
    for (; next < batch.size(); ++next) {
      Job& job = *batch[next];
      try {
        execute(db_, kSavepoint);
        job.work(db_);
        execute(db_, kRelease);
      } catch (...) {
        job.error = std::current_exception();
        try {
          if (in_transaction(db_)) {
            execute(db_, kRollbackTo);
            execute(db_, kRelease);
          }
        } catch (...) {
          roll_back(db_);  // cannot undo just this job: undo them all (handled just below)
        }
      }
      if (!in_transaction(db_)) {
        if (!job.error)  // its writes may be kept or not; either way the batch is not what it claims
          job.error = std::make_exception_ptr(std::logic_error("work ended its batch's transaction by hand"));
        // SQLite (or a failed ROLLBACK TO) ended the transaction: the writes of every job before
        // this one are gone. Fail them, and begin again for the rest.
        const std::exception_ptr lost = batch_lost(job.error);
        for (Job* earlier : riding) earlier->error = copy_of(lost);
        riding.clear();
        ++next;
        break;
      }
      if (!job.error) riding.push_back(&job);
    }
    if (!in_transaction(db_)) continue;
    try {
      execute(db_, kCommit);
    } catch (...) {
      // A COMMIT that fails (I/O error, a deferred constraint) keeps nothing of the batch.
      const std::exception_ptr error = std::current_exception();
      roll_back(db_);
      for (Job* job : riding) job->error = copy_of(error);
      continue;
    }
    std::lock_guard lock(mutex_);
    ++counts_.commits;
    counts_.jobs_committed += riding.size();
    counts_.largest_batch = std::max(counts_.largest_batch, riding.size());
  }
}

}  // namespace cahub::store
