#pragma once
// Where write work runs. Every write of the order desk goes through a Committer, so that the
// server can let concurrent requests share one durable commit (group commit) while the CLI, with
// one request at a time, simply writes on its own connection.

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "store/database.hpp"

namespace cahub::store {

class Committer {
 public:
  virtual ~Committer() = default;
  // Runs `work` with a connection it may write on (through WriteTransaction) and returns once what
  // it wrote is durable. If `work` throws, nothing it wrote remains and the exception comes back
  // out of run().
  virtual void run(const std::function<void(Database&)>& work) = 0;
};

// Runs the work on one connection, on the calling thread: each WriteTransaction commits by itself.
class DirectCommitter final : public Committer {
 public:
  explicit DirectCommitter(Database& db) : db_(db) {}
  void run(const std::function<void(Database&)>& work) override { work(db_); }

 private:
  Database& db_;
};

// run() for work that returns a value: `auto order = commit(c, [&](Database& db) { ... });`
template <typename Work>
auto commit(Committer& committer, Work&& work) -> std::invoke_result_t<Work&, Database&> {
  std::optional<std::invoke_result_t<Work&, Database&>> out;
  committer.run([&](Database& db) { out.emplace(work(db)); });
  return std::move(*out);
}

}  // namespace cahub::store
