#pragma once
// A cahub database in PostgreSQL: the store a deployment of several hosts shares (docs/deployment.md).
//
// Opening one behaves as opening the SQLite file does (store/database.hpp): it never makes a
// database appear by accident. A database without cahub's schema is `database_missing` (`cahub db
// init --url …` makes the schema), one with other tables is refused untouched, one of a newer
// schema is refused, and an older one is migrated. A server that cannot be reached is
// `database_unreachable`. Messages name the database by PgUrl::shown(), never with its password.

#include <memory>
#include <pqxx/connection>

#include "store/postgres/pg_session.hpp"
#include "store/postgres/pg_url.hpp"
#include "store/sql_connection.hpp"

namespace cahub::store::postgres {

class PgStore final : public SqlStore {
 public:
  static PgStore open(const PgUrl& url);
  // For `cahub db init`: makes the schema in an empty database.
  static PgStore open_or_create(const PgUrl& url);

  int schema_version();
  const PgUrl& url() const { return url_; }
  pqxx::connection& connection() { return *connection_; }

  // SqlStore: a READ COMMITTED transaction whose invariants across hosts are kept by the schema's
  // constraints and by SqlConnection::serialize; a read-only REPEATABLE READ one (one snapshot).
  // A transaction PostgreSQL rolled back to break a deadlock (or a serialization failure) is run
  // again, up to three times in all: the work is what its caller decided, not what it had read.
  // A connection found lost when it is used is opened anew and the work run again on it, once
  // (the server rolled back what the lost one carried). Lost again, or the server unreachable,
  // or a COMMIT whose answer was lost: StoreUnavailable (`store_unavailable`, unreachable), and
  // lost() says so.
  void write(const std::function<void(SqlConnection&)>& work) override;
  void read(const std::function<void(SqlConnection&)>& work) override;
  bool lost() const { return lost_; }

 private:
  PgStore(PgUrl url, std::unique_ptr<pqxx::connection> connection)
      : url_(std::move(url)), connection_(std::move(connection)) {}
  static PgStore open(const PgUrl& url, bool create);
  void reconnect_after_loss(bool already_tried);
  // Runs `transaction` on connection_, opening a new connection once after a loss; maps a lost
  // connection, a COMMIT in doubt and a statement cancelled at statement_timeout to StoreUnavailable.
  void on_connection(const std::function<void()>& transaction);

  PgUrl url_;
  std::unique_ptr<pqxx::connection> connection_;
  PreparedStatements prepared_;  // connection_'s
  bool lost_ = false;
};

}  // namespace cahub::store::postgres
