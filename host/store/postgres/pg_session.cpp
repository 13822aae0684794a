#include "store/postgres/pg_session.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include <pqxx/prepared_statement>
#include <pqxx/result>

namespace cahub::store::postgres {
namespace {

// PostgreSQL's type oids for int2, int4 and int8 (pg_type.dat): what SQLite calls INTEGER.
constexpr pqxx::oid kInt8 = 20, kInt2 = 21, kInt4 = 23;
bool integer_type(pqxx::oid type) { return type == kInt8 || type == kInt4 || type == kInt2; }

class PgStatement final : public SqlStatement {
 public:
  PgStatement(pqxx::transaction_base& tx, std::string sql) : tx_(tx), sql_(std::move(sql)) {}

  void bind(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
  void bind(int index, const std::string& value) override { slot(index) = value; }
  void bind_null(int index) override { slot(index).reset(); }

  bool next_row() override {
    if (!result_) execute();
    return ++row_ < static_cast<long>(result_->size());
  }
  std::int64_t run() override {
    execute();
    return static_cast<std::int64_t>(result_->affected_rows());
  }

  int column_count() override { return static_cast<int>(ran().columns()); }
  std::string column_name(int column) override { return ran().column_name(static_cast<pqxx::row_size_type>(column)); }
  bool is_null(int column) override { return field(column).is_null(); }
  bool is_integer(int column) override {
    return !is_null(column) && integer_type(ran().column_type(column));
  }
  std::int64_t int64(int column) override { return is_null(column) ? 0 : field(column).as<std::int64_t>(); }
  std::string text(int column) override { return is_null(column) ? std::string() : field(column).c_str(); }

 private:
  std::optional<std::string>& slot(int index) {
    if (index < 1 || index > 32767) throw std::out_of_range("SQL parameter " + std::to_string(index) + " out of range");
    if (static_cast<std::size_t>(index) > params_.size()) params_.resize(static_cast<std::size_t>(index));
    return params_[static_cast<std::size_t>(index) - 1];
  }
  void execute() {
    std::vector<const char*> values;
    for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
    result_ = tx_.exec_params(sql_, pqxx::prepare::make_dynamic_params(values));
    row_ = -1;
  }
  const pqxx::result& ran() {
    if (!result_) throw std::logic_error("a column was read before the statement ran");
    return *result_;
  }
  pqxx::field field(int column) {
    if (row_ < 0 || row_ >= static_cast<long>(ran().size())) throw std::logic_error("a column was read with no row");
    return (*result_)[static_cast<pqxx::result::size_type>(row_)][static_cast<pqxx::row::size_type>(column)];
  }

  pqxx::transaction_base& tx_;
  std::string sql_;
  std::vector<std::optional<std::string>> params_;
  std::optional<pqxx::result> result_;
  long row_ = -1;
};

// A scan: the statement behind a cursor, fetched a batch at a time. No parameters: a scan is for
// walking a whole table, and DECLARE would splice them into its text.
class PgScan final : public SqlStatement {
 public:
  static constexpr int kBatch = 1024;

  PgScan(pqxx::transaction_base& tx, const std::string& sql, int number)
      : tx_(tx), cursor_("cahub_scan_" + std::to_string(number)) {
    tx_.exec("DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql);
  }
  ~PgScan() override {
    try {
      tx_.exec("CLOSE " + cursor_);
    } catch (...) {  // the transaction failed: the cursor went with it
    }
  }

  void bind(int, std::int64_t) override { no_parameters(); }
  void bind(int, const std::string&) override { no_parameters(); }
  void bind_null(int) override { no_parameters(); }
  bool next_row() override {
    if (result_ && ++row_ < static_cast<long>(result_->size())) return true;
    if (result_ && result_->size() < static_cast<std::size_t>(kBatch)) return false;
    result_ = tx_.exec("FETCH FORWARD " + std::to_string(kBatch) + " FROM " + cursor_);
    row_ = 0;
    return !result_->empty();
  }
  std::int64_t run() override { throw std::logic_error("a scan is read with next_row()"); }

  int column_count() override { return static_cast<int>(result_->columns()); }
  std::string column_name(int column) override { return result_->column_name(static_cast<pqxx::row_size_type>(column)); }
  bool is_null(int column) override { return field(column).is_null(); }
  bool is_integer(int column) override { return !is_null(column) && integer_type(result_->column_type(column)); }
  std::int64_t int64(int column) override { return is_null(column) ? 0 : field(column).as<std::int64_t>(); }
  std::string text(int column) override { return is_null(column) ? std::string() : field(column).c_str(); }

 private:
  [[noreturn]] static void no_parameters() { throw std::logic_error("a scan takes no parameters"); }
  pqxx::field field(int column) {
    if (!result_ || row_ < 0 || row_ >= static_cast<long>(result_->size()))
      throw std::logic_error("a column was read with no row");
    return (*result_)[static_cast<pqxx::result::size_type>(row_)][static_cast<pqxx::row::size_type>(column)];
  }

  pqxx::transaction_base& tx_;
  std::string cursor_;
  std::optional<pqxx::result> result_;
  long row_ = -1;
};

}  // namespace

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a quoted string or identifier; a doubled quote stays inside
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment to the end of the line
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      // `?N` names parameter N; a bare `?` is the one after the largest named so far (SQLite's rule).
      std::size_t digits = i + 1;
      while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
      if (digits > i + 1) {
        const std::string_view number = sql.substr(i + 1, digits - i - 1);
        next = std::max(next, std::stoi(std::string(number)));
        out += '$';
        out.append(number);
        i = digits - 1;
      } else {
        out += '$' + std::to_string(++next);
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::unique_ptr<SqlStatement> PgSession::query(const std::string& sql) {
  return std::make_unique<PgStatement>(transaction_, numbered_placeholders(sql));
}

void PgSession::serialize(Serial what) {
  transaction_.exec("SELECT pg_advisory_xact_lock(" + std::to_string(static_cast<std::int64_t>(what)) + ")");
}

std::unique_ptr<SqlStatement> PgSession::scan(const std::string& sql) {
  return std::make_unique<PgScan>(transaction_, sql, ++scans_);
}

}  // namespace cahub::store::postgres
