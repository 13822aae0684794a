#include "store/postgres/pg_watch.hpp"

#include <pthread.h>

#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>

namespace cahub::store::postgres {

struct PgWatch::Connection {
  pqxx::connection pq;
  explicit Connection(const PgUrl& url) : pq(url.text()) {}
};

PgWatch::PgWatch(PgUrl url, std::chrono::milliseconds period, Report report)
    : url_(std::move(url)), period_(period), report_(std::move(report)) {
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "cahub-pg-watch");
    keep_looking();
  });
}

PgWatch::~PgWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  thread_.join();
}

DatabaseCondition PgWatch::look(std::string& seen) {
  try {
    if (!connection_) connection_ = std::make_unique<Connection>(url_);
    pqxx::nontransaction ask(connection_->pq);
    ask.exec("SELECT 1");
    seen = url_.shown();
    return DatabaseCondition::Sound;
  } catch (const std::exception& e) {
    // libpq's reason names host and port, never the password; the first line is enough for a log.
    const std::string why = e.what();
    seen = url_.shown() + ": " + why.substr(0, why.find('\n'));
    connection_.reset();
    return DatabaseCondition::Unreachable;
  }
}

void PgWatch::keep_looking() {
  std::unique_lock lock(mutex_);
  while (!stop_.wait_for(lock, period_, [this] { return stopping_; })) {
    lock.unlock();
    std::string seen;
    const DatabaseCondition now = look(seen);
    if (health_->set(now) != now && report_) report_(now, seen);
    lock.lock();
  }
}

}  // namespace cahub::store::postgres
