#pragma once
// A transaction on a PostgreSQL connection as an SqlConnection (store/sql_connection.hpp): the
// code written once for both stores runs its statements inside the caller's pqxx transaction,
// which the caller commits (or lets roll back).
//
// Statements are sent with libpq's parameters, never spliced into the text: each `?` becomes
// `$1`, `$2`, … (outside quotes and comments) and every value goes as text with its type left to
// the server, which reads it by the column it meets — as SQLite's loose typing does.

#include <map>
#include <unordered_map>
#include <string>
#include <string_view>

#include <pqxx/connection_base>
#include <pqxx/transaction_base>

#include "store/sql_connection.hpp"

namespace cahub::store::postgres {

// The statements one connection has prepared, by their text: the server parses and plans each
// once per connection instead of at every execution, which on the busy path (a creation runs a
// dozen statements) was server CPU spent again and again. At most kMax per connection (the
// statements cahub sends are a fixed set of shapes; a text beyond runs unprepared). Belongs to
// its connection (PgStore), and is forgotten with it.
class PreparedStatements {
 public:
  static constexpr std::size_t kMax = 512;
  // The name `sql` is prepared under on `connection`, registered on first use; empty when full.
  const std::string& name_for(pqxx::connection_base& connection, const std::string& sql);
  void clear() { names_.clear(); }

 private:
  std::unordered_map<std::string, std::string> names_;
};

class PgSession final : public SqlConnection {
 public:
  // `shown` names the database in messages: PgUrl::shown(), without the password. With
  // `prepared`, the statements are prepared on the transaction's connection (PgStore's).
  PgSession(pqxx::transaction_base& transaction, std::string shown, PreparedStatements* prepared = nullptr)
      : transaction_(transaction), shown_(std::move(shown)), prepared_(prepared) {}

  std::unique_ptr<SqlStatement> query(const std::string& sql) override;
  std::unique_ptr<SqlStatement> scan(const std::string& sql) override;  // no parameters
  SqlDialect dialect() const override { return SqlDialect::postgres; }
  std::string name() const override { return shown_; }
  void serialize(Serial what) override;  // pg_advisory_xact_lock
  void serialize(Serial what, const std::string& key) override;

 private:
  pqxx::transaction_base& transaction_;
  std::string shown_;
  PreparedStatements* prepared_;
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
