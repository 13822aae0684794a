#pragma once
// What the code that runs on both stores sees of a connection and of a store: statements with
// `?`, `?N` or `:name` placeholders, read row by row, inside transactions a SqlStore gives.
// store::Database (SQLite) implements both; postgres::PgSession (the caller's transaction on a
// PostgreSQL connection) and postgres::PgStore implement them for PostgreSQL. So the audit trail,
// the staff directory, the certificate registry, the order repository and the rule releases are
// written once and tested on both (issue 17; tests/pg/store_sides.hpp).
//
// Values cross as SQLite keeps them and as the PostgreSQL schema restates them
// (store/postgres/pg_migrations.hpp): integers (and truth values as 1 or 0), text (dates, JSON,
// hashes), bytes and NULL. Write SQL both dialects read alike; where they differ, use the helpers
// below or ask dialect(), and say why at that line.
//
// Threading: like the connection under it, one thread at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace cahub::store {

enum class SqlDialect { sqlite, postgres };

// What must happen one transaction at a time, across every host of a store. SQLite has one writer,
// so it is so already; PostgreSQL takes a transaction-scoped advisory lock (values: the ASCII of
// their names, as pg_migrations.hpp spells the chain's).
enum class Serial : std::int64_t {
  audit_chain = 0x4341484241554454,     // "CAHBAUDT": reading the chain's end and appending after it
  staff_accounts = 0x4341484253544146,  // "CAHBSTAF": the first account, the last administrator
  order_limits = 0x434148424C494D54,    // "CAHBLIMT": counting an applicant's open orders, then adding one
  rule_releases = 0x4341484252454C53,   // "CAHBRELS": a region's next release number
  idempotency_keys = 0x434148424944454D,  // "CAHBIDEM": with a key, looking it up, then inserting its order
  plugin_state = 0x434148425053544D,      // "CAHBPSTM": one plugin's state transaction (plugin.h) at a time
};

// Where the dialects differ, said once:
// - what follows a text column in ORDER BY so that both stores sort byte by byte, as SQLite's
//   BINARY does: PostgreSQL otherwise sorts by the database's locale (zh_CN sorts names by pinyin);
inline std::string bytewise(SqlDialect d) { return d == SqlDialect::postgres ? " COLLATE \"C\"" : ""; }
// - SQL that is true where text `needle` occurs in text `haystack`: instr() in SQLite, strpos() in
//   PostgreSQL, which has no instr();
inline std::string contains(SqlDialect d, const std::string& haystack, const std::string& needle) {
  return std::string(d == SqlDialect::postgres ? "strpos(" : "instr(") + haystack + ", " + needle + ") > 0";
}
// - `value IN` the elements of a JSON array of texts bound as `param`: json_each() in SQLite,
//   jsonb_array_elements_text() in PostgreSQL;
inline std::string in_json_array(SqlDialect d, const std::string& value, const std::string& param) {
  return d == SqlDialect::postgres ? value + " IN (SELECT jsonb_array_elements_text(CAST(" + param + " AS jsonb)))"
                                   : value + " IN (SELECT value FROM json_each(" + param + "))";
}
// - the first of two values that is not NULL: ifnull() in SQLite, where the queue's indexes are on
//   ifnull(due_on, …) and only that spelling finds them; coalesce() in PostgreSQL.
inline std::string if_null(SqlDialect d, const std::string& value, const std::string& otherwise) {
  return std::string(d == SqlDialect::postgres ? "coalesce(" : "ifnull(") + value + ", " + otherwise + ")";
}

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  // Parameters are numbered from 1, in the order of the `?` in the statement; `?N` names
  // parameter N, and may appear more than once (SQLite's rule, which PostgreSQL's `$N` shares).
  virtual void bind(int index, std::int64_t value) = 0;
  virtual void bind(int index, const std::string& value) = 0;
  virtual void bind_null(int index) = 0;
  // Bytes (a BLOB in SQLite, a bytea in PostgreSQL). SQLite reads them where they are, not a copy
  // (an upload may be megabytes): they must stay alive until the statement has run.
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  // `:name` parameters, by name with its colon (":state"); a statement uses one kind or the other.
  virtual void bind(const std::string& name, std::int64_t value) = 0;
  virtual void bind(const std::string& name, const std::string& value) = 0;
  // Runs the statement on the first call; true while there is a row to read.
  virtual bool next_row() = 0;
  // Runs a statement that returns no rows; how many rows it changed.
  virtual std::int64_t run() = 0;

  // The current row.
  virtual int column_count() = 0;
  virtual std::string column_name(int column) = 0;  // columns numbered from 0
  virtual bool is_null(int column) = 0;
  virtual bool is_integer(int column) = 0;
  virtual std::int64_t int64(int column) = 0;
  virtual std::string text(int column) = 0;
  virtual std::string blob(int column) = 0;  // the bytes of a BLOB / bytea column
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual std::unique_ptr<SqlStatement> query(const std::string& sql) = 0;
  // For a statement whose rows may not fit in memory (a walk through the whole audit trail): they
  // arrive a batch at a time. SQLite steps through rows anyway; PostgreSQL would otherwise hand the
  // whole result over at once, so there it is a cursor, and needs an open transaction.
  virtual std::unique_ptr<SqlStatement> scan(const std::string& sql) = 0;
  virtual SqlDialect dialect() const = 0;
  // The rest of this write transaction runs alone among those that serialize `what`: call it
  // before reading what a check depends on (the last event, the number of administrators).
  virtual void serialize(Serial what) = 0;
  // The same for one `key` of `what` only (one idempotency key): transactions with other keys go
  // on side by side. On PostgreSQL the lock is the key's 64-bit hash seeded with `what`.
  virtual void serialize(Serial what, const std::string& key) = 0;
  // How messages name the database: the SQLite file, or the URL without its password.
  virtual std::string name() const = 0;
  std::string bytewise() const;
  std::string contains(const std::string& haystack, const std::string& needle) const;
};

// Where transactions come from: code that opens its own (the staff directory) takes a store.
class SqlStore {
 public:
  virtual ~SqlStore() = default;
  // Runs `work` in a write transaction that commits when it returns; if it throws, nothing it
  // wrote remains and the exception comes back out. Inside a SQLite write already open, a
  // savepoint (store/write_transaction.hpp).
  virtual void write(const std::function<void(SqlConnection&)>& work) = 0;
  // Runs `work` on one snapshot of the store.
  virtual void read(const std::function<void(SqlConnection&)>& work) = 0;
};

// write() and read() for work that returns a value.
template <typename Work>
auto write(SqlStore& store, Work&& work) -> std::invoke_result_t<Work&, SqlConnection&> {
  std::optional<std::invoke_result_t<Work&, SqlConnection&>> out;
  store.write([&](SqlConnection& db) { out.emplace(work(db)); });
  return std::move(*out);
}
template <typename Work>
auto read(SqlStore& store, Work&& work) -> std::invoke_result_t<Work&, SqlConnection&> {
  std::optional<std::invoke_result_t<Work&, SqlConnection&>> out;
  store.read([&](SqlConnection& db) { out.emplace(work(db)); });
  return std::move(*out);
}

inline std::string SqlConnection::bytewise() const { return store::bytewise(dialect()); }
inline std::string SqlConnection::contains(const std::string& haystack, const std::string& needle) const {
  return store::contains(dialect(), haystack, needle);
}

}  // namespace cahub::store
