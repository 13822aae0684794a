#include "store/postgres/pg_store.hpp"

#include <pqxx/except>
#include <pqxx/transaction>

#include "store/database_health.hpp"
#include "store/postgres/pg_migrate.hpp"
#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_session.hpp"
#include "store/store_error.hpp"

namespace cahub::store::postgres {
namespace {

// Identity columns, EXECUTE FUNCTION in triggers and DROP DATABASE … WITH (FORCE) in the tests.
constexpr int kOldestServer = 130000;

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::unique_ptr<pqxx::connection> connect(const PgUrl& url) {
  try {
    auto connection = std::make_unique<pqxx::connection>(url.text());
    if (connection->server_version() < kOldestServer)
      throw StoreError(url.shown() + " runs PostgreSQL " + std::to_string(connection->server_version()) +
                       "; cahub needs 13 or newer");
    return connection;
  } catch (const pqxx::broken_connection& e) {
    // libpq's reason (refused, no such host, authentication failed) names no password.
    throw StoreError(url.shown() + " cannot be reached: " + first_line(e.what()), "database_unreachable");
  }
}

}  // namespace

PgStore PgStore::open(const PgUrl& url) { return open(url, false); }

PgStore PgStore::open_or_create(const PgUrl& url) { return open(url, true); }

PgStore PgStore::open(const PgUrl& url, bool create) {
  auto connection = connect(url);
  try {
    const bool cahubs = [&] {
      pqxx::work look(*connection);
      return has_schema_table(look);
    }();
    if (!cahubs) {
      if (!create)
        throw StoreError(url.shown() + " holds no cahub database yet: `cahub db init --url …` makes its schema",
                         "database_missing");
      create_schema_table(*connection, url.shown());
    }
    const auto steps = migrations();
    const int found = postgres::schema_version(*connection);
    if (found > steps.back().version)
      throw StoreError(url.shown() + " has schema version " + std::to_string(found) + ", newer than this cahub knows (" +
                       std::to_string(steps.back().version) + "); use the cahub that made it");
    migrate(*connection, steps, url.shown());
  } catch (const pqxx::broken_connection& e) {
    throw StoreError(url.shown() + " was lost: " + first_line(e.what()), "database_unreachable");
  } catch (const pqxx::sql_error& e) {
    throw StoreError(url.shown() + ": cannot prepare the database: " + first_line(e.what()));
  }
  return PgStore(url, std::move(connection));
}

int PgStore::schema_version() { return postgres::schema_version(*connection_); }

// A connection the server dropped (a restart, a failover, an idle timeout) is found only when it
// is used. The transaction it carried is gone with it, so the work is run once more on a new
// connection; a second loss, or a server that cannot be reached, is StoreUnavailable.
void PgStore::reconnect_after_loss(bool already_tried) {
  if (!already_tried) {
    try {
      connection_ = connect(url_);
      prepared_.clear();  // the new connection has prepared nothing yet
      return;
    } catch (const StoreError&) {
    }
  }
  lost_ = true;
  throw StoreUnavailable(DatabaseCondition::Unreachable);
}

namespace {

// A statement the server cancelled at the role's or the URL's statement_timeout (SQLSTATE 57014,
// query_canceled; docs/deployment.md): its transaction is rolled back, so a 503 is the truth.
bool timed_out(const pqxx::sql_error& e) { return e.sqlstate() == "57014"; }

}  // namespace

void PgStore::on_connection(const std::function<void()>& transaction) {
  bool reconnected = false;
  for (;;) {
    try {
      transaction();
      return;
    } catch (const pqxx::in_doubt_error&) {  // the COMMIT was sent and its answer lost: not again
      lost_ = true;
      throw StoreUnavailable(DatabaseCondition::Unreachable);
    } catch (const pqxx::broken_connection&) {
      reconnect_after_loss(reconnected);
      reconnected = true;
    } catch (const pqxx::sql_error& e) {
      if (timed_out(e)) throw StoreUnavailable(DatabaseCondition::TimedOut);
      throw;
    }
  }
}

void PgStore::write(const std::function<void(SqlConnection&)>& work) {
  constexpr int kAttempts = 3;
  for (int rolled_back = 0;;) {
    try {
      on_connection([&] {
        pqxx::work tx(*connection_);
        PgSession session(tx, url_.shown(), &prepared_);
        work(session);
        tx.commit();
      });
      return;
    } catch (const pqxx::deadlock_detected&) {
      if (++rolled_back == kAttempts) throw;
    } catch (const pqxx::serialization_failure&) {
      if (++rolled_back == kAttempts) throw;
    }
  }
}

void PgStore::read(const std::function<void(SqlConnection&)>& work) {
  on_connection([&] {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(*connection_);
    PgSession session(tx, url_.shown(), &prepared_);
    work(session);
  });
}

}  // namespace cahub::store::postgres
