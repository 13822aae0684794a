// store::Database as an SqlConnection and SqlStore (store/sql_connection.hpp): each statement is one from the
// connection's cache (store/prepared_statements.hpp), so code written for both stores costs SQLite
// no extra compile.
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/database.hpp"
#include "store/read_transaction.hpp"
#include "store/write_transaction.hpp"

namespace cahub::store {
namespace {

class SqliteStatement final : public SqlStatement {
 public:
  explicit SqliteStatement(CachedStatement statement) : s_(std::move(statement)) {}

  void bind(int index, std::int64_t value) override { s_->bind(index, static_cast<int64_t>(value)); }
  void bind(int index, const std::string& value) override { s_->bind(index, value); }
  void bind_null(int index) override { s_->bind(index); }
  void bind_blob(int index, std::string_view bytes) override {
    s_->bindNoCopy(index, static_cast<const void*>(bytes.data()), static_cast<int>(bytes.size()));
  }
  void bind(const std::string& name, std::int64_t value) override { s_->bind(name, static_cast<int64_t>(value)); }
  void bind(const std::string& name, const std::string& value) override { s_->bind(name, value); }
  bool next_row() override { return s_->executeStep(); }
  std::int64_t run() override { return s_->exec(); }

  int column_count() override { return s_->getColumnCount(); }
  std::string column_name(int column) override { return s_->getColumnName(column); }
  bool is_null(int column) override { return s_->getColumn(column).isNull(); }
  bool is_integer(int column) override { return s_->getColumn(column).isInteger(); }
  std::int64_t int64(int column) override { return s_->getColumn(column).getInt64(); }
  std::string text(int column) override { return s_->getColumn(column).getString(); }
  std::string blob(int column) override {
    const SQLite::Column c = s_->getColumn(column);
    return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
  }

 private:
  CachedStatement s_;
};

}  // namespace

std::unique_ptr<SqlStatement> Database::query(const std::string& sql) {
  return std::make_unique<SqliteStatement>(statement(sql));
}

void Database::write(const std::function<void(SqlConnection&)>& work) {
  WriteTransaction tx(*this);
  work(*this);
  tx.commit();
}

void Database::read(const std::function<void(SqlConnection&)>& work) {
  ReadTransaction snapshot(*this);
  work(*this);
}

}  // namespace cahub::store
