#pragma once
// A transaction on a PostgreSQL connection as an SqlConnection (store/sql_connection.hpp): the
// code written once for both stores runs its statements inside the caller's pqxx transaction,
// which the caller commits (or lets roll back).
//
// Statements are sent with libpq's parameters, never spliced into the text: each `?` becomes
// `$1`, `$2`, … (outside quotes and comments) and every value goes as text with its type left to
// the server, which reads it by the column it meets — as SQLite's loose typing does.

#include <map>
#include <string>
#include <string_view>

#include <pqxx/transaction_base>

#include "store/sql_connection.hpp"

namespace cahub::store::postgres {

class PgSession final : public SqlConnection {
 public:
  // `shown` names the database in messages: PgUrl::shown(), without the password.
  PgSession(pqxx::transaction_base& transaction, std::string shown)
      : transaction_(transaction), shown_(std::move(shown)) {}

  std::unique_ptr<SqlStatement> query(const std::string& sql) override;
  std::unique_ptr<SqlStatement> scan(const std::string& sql) override;  // no parameters
  SqlDialect dialect() const override { return SqlDialect::postgres; }
  std::string name() const override { return shown_; }
  void serialize(Serial what) override;  // pg_advisory_xact_lock
  void serialize(Serial what, const std::string& key) override;

 private:
  pqxx::transaction_base& transaction_;
  std::string shown_;
  int scans_ = 0;  // names each scan's cursor
};

// `sql` with its placeholders numbered as PostgreSQL's `$1`, `$2`, …: `?` and `?N` as SQLite
// numbers them, and each `:name` once, whatever how often it appears (`names` says which is which).
// Inside a quoted string or identifier, or a comment, nothing is touched.
struct NumberedSql {
  std::string text;
  std::map<std::string, int, std::less<>> names;  // ":state" -> 3
};
NumberedSql number_placeholders(std::string_view sql);
std::string numbered_placeholders(std::string_view sql);  // its text

}  // namespace cahub::store::postgres
