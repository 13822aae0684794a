#pragma once
// Where write work runs. Every write of the order desk and of the rule releases goes through a
// Committer, so that the server can let concurrent requests share one durable commit (SQLite's
// group commit) while the CLI, with one request at a time, and a PostgreSQL host, whose
// transactions commit side by side, simply write in a transaction of their own.

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "store/sql_connection.hpp"

namespace cahub::store {

class Committer {
 public:
  virtual ~Committer() = default;
  // Runs `work` inside a write transaction on a connection it may write on, and returns once what
  // it wrote is durable. If `work` throws, nothing it wrote remains and the exception comes back
  // out of run(). The work may run more than once (a PostgreSQL transaction that lost a deadlock
  // is tried again): it only writes what its caller decided, and keeps no state of its own.
  virtual void run(const std::function<void(SqlConnection&)>& work) = 0;
};

// Each run() a transaction of its own, on the calling thread (SqlStore::write): the CLI's
// connection, a SQLite worker's when group commit is off, or a PostgreSQL host's.
class DirectCommitter final : public Committer {
 public:
  explicit DirectCommitter(SqlStore& store) : store_(store) {}
  void run(const std::function<void(SqlConnection&)>& work) override { store_.write(work); }

 private:
  SqlStore& store_;
};

// run() for work that returns a value: `auto order = commit(c, [&](SqlConnection& db) { ... });`
template <typename Work>
auto commit(Committer& committer, Work&& work) -> std::invoke_result_t<Work&, SqlConnection&> {
  std::optional<std::invoke_result_t<Work&, SqlConnection&>> out;
  committer.run([&](SqlConnection& db) { out.emplace(work(db)); });
  return std::move(*out);
}

}  // namespace cahub::store
