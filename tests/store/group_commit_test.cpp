// Group commit on a real database file: jobs of concurrent callers share a commit, each caller
// returns only once its batch is durable, and one job's failure stays its own — except that a
// failed COMMIT fails every job of its batch.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "rows.hpp"
#include "store/group_commit.hpp"
#include "store/store_error.hpp"
#include "store/write_transaction.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::store;
using namespace cahub::store::testing;
using namespace cahub::testing;

namespace {

// A distinct 18-character USCC-shaped key per number (the schema checks only the length).
std::string uscc(int n) {
  char text[19];
  std::snprintf(text, sizeof text, "9135010%011d", n);
  return text;
}

// The committer hands work an SqlConnection; these tests write through SQLite's own API.
std::function<void(SqlConnection&)> on_sqlite(std::function<void(Database&)> work) {
  return [work = std::move(work)](SqlConnection& db) { work(static_cast<Database&>(db)); };
}

// Work as the store writes: its own WriteTransaction, committed.
void add_customer(Database& db, int n) {
  WriteTransaction tx(db);
  insert_org(db.sqlite(), uscc(n));
  tx.commit();
}

// Holds the writer inside a first job, so that what callers queue meanwhile becomes one batch.
class HeldWriter {
 public:
  explicit HeldWriter(GroupCommitter& committer) {
    auto entered = std::make_shared<std::promise<void>>();
    std::future<void> inside = entered->get_future();
    first_ = std::async(std::launch::async, [&committer, entered, release = release_.get_future().share()] {
      committer.run(on_sqlite([&](Database& db) {
        add_customer(db, 0);
        entered->set_value();
        release.wait();
      }));
    });
    inside.wait();
  }
  // Lets the first job finish; its batch commits and the queued jobs form the next one.
  void release() {
    release_.set_value();
    first_.get();
  }

 private:
  std::promise<void> release_;
  std::future<void> first_;
};

void wait_until_queued(const GroupCommitter& committer, std::size_t jobs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (committer.queued() < jobs && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  REQUIRE(committer.queued() == jobs);
}

// What each caller's run() did: nothing, or the text of what it threw.
using Outcome = std::string;

std::future<Outcome> call(GroupCommitter& committer, std::function<void(Database&)> work) {
  return std::async(std::launch::async, [&committer, work = std::move(work)]() -> Outcome {
    try {
      committer.run(on_sqlite(work));
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  });
}

// A committer on a fresh database, a connection to look at it, and the callers' outcomes.
struct Batch {
  ScratchFolder scratch;
  Database reader = Database::open_or_create(scratch / "cahub.db");
  GroupCommitter committer{reader.open_another()};
  std::vector<std::future<Outcome>> outcomes;  // last: destroyed first, each waiting for its caller

  // Queues `work` from a caller thread of its own and waits until it is in the queue, so that
  // jobs queue in the order the test gives them (call this while a HeldWriter holds the writer).
  void queue(std::function<void(Database&)> work) {
    const std::size_t before = committer.queued();
    outcomes.push_back(call(committer, std::move(work)));
    wait_until_queued(committer, before + 1);
  }
  std::string customers() {
    return reader.sqlite().execAndGet("SELECT group_concat(uscc) FROM (SELECT uscc FROM customers ORDER BY uscc)").getString();
  }
};

}  // namespace

TEST_CASE("group commit: run returns once the work is durable, and commit() hands back its value") {
  ScratchFolder scratch;
  Database reader = Database::open_or_create(scratch / "cahub.db");
  GroupCommitter committer(reader.open_another());
  const long long id = commit(committer, [](SqlConnection& connection) {
    auto& db = static_cast<Database&>(connection);
    WriteTransaction tx(db);
    const long long rowid = insert_org(db.sqlite());
    tx.commit();
    return rowid;
  });
  CHECK(id == 1);
  CHECK(count_rows(reader.sqlite(), "customers") == 1);  // another connection sees it at once
  CHECK(committer.counts().commits == 1);
  CHECK(committer.counts().jobs_committed == 1);
}

TEST_CASE_METHOD(Batch, "group commit: callers that queue while a commit is under way share the next one") {
  HeldWriter held(committer);
  constexpr int callers = 20;
  for (int n = 1; n <= callers; ++n) queue([n](Database& db) { add_customer(db, n); });
  wait_until_queued(committer, callers);
  CHECK(count_rows(reader.sqlite(), "customers") == 0);  // nothing is visible before its COMMIT
  held.release();
  for (auto& o : outcomes) CHECK(o.get() == "");
  CHECK(count_rows(reader.sqlite(), "customers") == callers + 1);
  const GroupCommitter::Counts counts = committer.counts();
  CHECK(counts.commits == 2);  // the held job's, then one for all twenty
  CHECK(counts.jobs_committed == callers + 1);
  CHECK(counts.largest_batch == callers);
  CHECK(counts.jobs_failed == 0);
}

TEST_CASE_METHOD(Batch, "group commit: a job that fails is rolled back alone and its caller gets its exception") {
  HeldWriter held(committer);
  queue([](Database& db) { add_customer(db, 1); });
  queue([](Database& db) {
    WriteTransaction tx(db);
    insert_org(db.sqlite(), uscc(2));
    throw std::runtime_error("the order conflicts");  // after writing: the savepoint takes it back
  });
  queue([](Database& db) {
    WriteTransaction tx(db);
    insert_org(db.sqlite(), uscc(3));
    tx.commit();
    throw std::runtime_error("failed after its transaction was released");  // the job's own savepoint takes it back
  });
  queue([](Database& db) { add_customer(db, 1); });  // UNIQUE: a constraint error
  queue([](Database& db) { add_customer(db, 5); });
  wait_until_queued(committer, outcomes.size());
  held.release();

  CHECK(outcomes[0].get() == "");
  CHECK(outcomes[1].get() == "the order conflicts");
  CHECK(outcomes[2].get() == "failed after its transaction was released");
  CHECK_THAT(outcomes[3].get(), Catch::Contains("UNIQUE constraint failed"));
  CHECK(outcomes[4].get() == "");
  CHECK(customers() == uscc(0) + "," + uscc(1) + "," + uscc(5));
  CHECK(committer.counts().commits == 2);
  CHECK(committer.counts().jobs_failed == 3);
}

TEST_CASE_METHOD(Batch, "group commit: a COMMIT that fails fails every job of its batch and keeps nothing of it") {
  // A deferred foreign key is checked at COMMIT, not at the statement: the way to make a COMMIT fail.
  reader.sqlite().exec("CREATE TABLE notes (customer_id INTEGER REFERENCES customers (id) DEFERRABLE INITIALLY DEFERRED)");
  HeldWriter held(committer);
  queue([](Database& db) { add_customer(db, 1); });
  queue([](Database& db) {
    WriteTransaction tx(db);
    db.sqlite().exec("INSERT INTO notes (customer_id) VALUES (999)");  // nobody: the COMMIT will refuse it
    tx.commit();
  });
  queue([](Database& db) { add_customer(db, 3); });
  wait_until_queued(committer, outcomes.size());
  held.release();
  for (auto& o : outcomes) CHECK_THAT(o.get(), Catch::Contains("FOREIGN KEY constraint failed"));
  CHECK(count_rows(reader.sqlite(), "customers") == 1);  // the held job's, committed before
  CHECK(count_rows(reader.sqlite(), "notes") == 0);
  CHECK(committer.counts().jobs_failed == 3);

  // The writer goes on with the next batch.
  CHECK(call(committer, [](Database& db) { add_customer(db, 4); }).get() == "");
  CHECK(count_rows(reader.sqlite(), "customers") == 2);
}

TEST_CASE_METHOD(Batch, "group commit: a job that ends the transaction by hand fails the jobs before it, not those after") {
  HeldWriter held(committer);
  queue([](Database& db) { add_customer(db, 1); });
  // What SQLite does by itself on SQLITE_FULL or an I/O error: the whole transaction is gone.
  queue([](Database& db) {
    db.sqlite().exec("ROLLBACK");
    throw std::runtime_error("database or disk is full");
  });
  queue([](Database& db) { add_customer(db, 3); });
  wait_until_queued(committer, outcomes.size());
  held.release();
  CHECK_THAT(outcomes[0].get(), Catch::Contains("nothing was written") && Catch::Contains("database or disk is full"));
  CHECK(outcomes[1].get() == "database or disk is full");
  CHECK(outcomes[2].get() == "");
  CHECK(customers() == uscc(0) + "," + uscc(3));
}

TEST_CASE("group commit: many concurrent callers all get their own writes, durably") {
  ScratchFolder scratch;
  Database reader = Database::open_or_create(scratch / "cahub.db");
  constexpr int threads = 8, each = 50;
  GroupCommitter::Counts counts;
  {
    GroupCommitter committer(reader.open_another(), 16);
    std::vector<std::thread> callers;
    std::atomic<int> failures{0};
    for (int t = 0; t < threads; ++t)
      callers.emplace_back([&, t] {
        for (int i = 0; i < each; ++i) {
          try {
            const int n = t * 1000 + i;
            const long long seen = commit(committer, [n](SqlConnection& connection) {
              auto& db = static_cast<Database&>(connection);
              add_customer(db, n);
              return db.sqlite().execAndGet("SELECT count(*) FROM customers WHERE uscc = '" + uscc(n) + "'").getInt64();
            });
            if (seen != 1) ++failures;
          } catch (...) {
            ++failures;
          }
        }
      });
    for (auto& c : callers) c.join();
    CHECK(failures == 0);
    counts = committer.counts();
  }
  Database after = Database::open_or_create(scratch / "cahub.db");
  CHECK(count_rows(after.sqlite(), "customers") == threads * each);
  CHECK(counts.jobs_committed == threads * each);
  CHECK(counts.largest_batch <= 16);
  CHECK(counts.commits <= counts.jobs_committed);
}

TEST_CASE("group commit: stopping drains the queue: every job queued by then is committed") {
  ScratchFolder scratch;
  Database reader = Database::open_or_create(scratch / "cahub.db");
  std::vector<std::future<Outcome>> outcomes;
  {
    auto committer = std::make_unique<GroupCommitter>(reader.open_another());
    auto held = std::make_unique<HeldWriter>(*committer);
    for (int n = 1; n <= 5; ++n) outcomes.push_back(call(*committer, [n](Database& db) { add_customer(db, n); }));
    wait_until_queued(*committer, 5);
    // The destructor waits for the writer, which still holds the first job: stop from elsewhere.
    auto stopping = std::async(std::launch::async, [&] { committer.reset(); });
    CHECK(stopping.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout);
    held->release();
    stopping.get();
  }
  for (auto& o : outcomes) CHECK(o.get() == "");
  CHECK(count_rows(reader.sqlite(), "customers") == 6);
}
