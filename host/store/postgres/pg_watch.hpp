#pragma once
// Watches the PostgreSQL database a host serves from, as store::DatabaseWatch watches a SQLite
// file: every `period` it asks the server `SELECT 1` on a connection of its own (opened anew
// after a loss), and what it finds goes into `health()`, which /healthz reports (503
// "unreachable" while the server cannot be reached), so that a load balancer takes the host out.
// Workers find a lost connection by themselves and answer 503 store_unavailable meanwhile
// (server/authentication.hpp, worker_store).

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/database_health.hpp"
#include "store/postgres/pg_url.hpp"

namespace cahub::store::postgres {

class PgWatch {
 public:
  // Called on the watch's thread when the condition changes (Sound or Unreachable), with why.
  using Report = std::function<void(DatabaseCondition now, const std::string& seen)>;

  // Starts looking at once; the database was reachable when the server opened it.
  PgWatch(PgUrl url, std::chrono::milliseconds period, Report report);
  ~PgWatch();
  PgWatch(const PgWatch&) = delete;
  PgWatch& operator=(const PgWatch&) = delete;

  std::shared_ptr<const DatabaseHealth> health() const { return health_; }

 private:
  struct Connection;
  void keep_looking();
  DatabaseCondition look(std::string& seen);

  const PgUrl url_;
  const std::chrono::milliseconds period_;
  Report report_;
  std::shared_ptr<DatabaseHealth> health_ = std::make_shared<DatabaseHealth>();
  std::unique_ptr<Connection> connection_;  // the thread's

  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace cahub::store::postgres
