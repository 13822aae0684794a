#include "store/postgres/pg_session.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include <pqxx/binarystring>
#include <pqxx/prepared_statement>
#include <pqxx/result>

namespace cahub::store::postgres {
namespace {

// PostgreSQL's type oids for int2, int4 and int8 (pg_type.dat): what SQLite calls INTEGER; and
// bool, which SQLite has as the integers 0 and 1 (what `EXISTS (…)` gives there).
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23;
bool integer_type(pqxx::oid type) { return type == kInt8 || type == kInt4 || type == kInt2 || type == kBool; }

// Bytes as bytea's hex input form ("\x4142"), which the server reads from a text parameter.
std::string bytea_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// A row of a result, read as SQLite's columns would be.
class Rows {
 public:
  void reset(pqxx::result result) {
    result_ = std::move(result);
    row_ = -1;
  }
  bool ran() const { return result_.has_value(); }
  bool advance() { return ++row_ < static_cast<long>(result_->size()); }
  std::size_t size() const { return result_->size(); }
  std::int64_t affected() const { return static_cast<std::int64_t>(result_->affected_rows()); }

  int column_count() const { return static_cast<int>(ran_result().columns()); }
  std::string column_name(int column) const { return ran_result().column_name(static_cast<pqxx::row_size_type>(column)); }
  bool is_null(int column) const { return field(column).is_null(); }
  bool is_integer(int column) const { return !is_null(column) && integer_type(ran_result().column_type(column)); }
  std::int64_t int64(int column) const {
    if (is_null(column)) return 0;
    if (ran_result().column_type(column) == kBool) return field(column).as<bool>() ? 1 : 0;
    return field(column).as<std::int64_t>();
  }
  std::string text(int column) const { return is_null(column) ? std::string() : field(column).c_str(); }
  std::string blob(int column) const {
    if (is_null(column)) return {};
    const pqxx::binarystring bytes(field(column));
    return bytes.str();
  }

 private:
  const pqxx::result& ran_result() const {
    if (!result_) throw std::logic_error("a column was read before the statement ran");
    return *result_;
  }
  pqxx::field field(int column) const {
    if (row_ < 0 || row_ >= static_cast<long>(ran_result().size())) throw std::logic_error("a column was read with no row");
    return (*result_)[static_cast<pqxx::result::size_type>(row_)][static_cast<pqxx::row::size_type>(column)];
  }

  std::optional<pqxx::result> result_;
  long row_ = -1;
};

// A statement's reading half: the current row of its Rows.
class RowReader : public SqlStatement {
 public:
  int column_count() override { return rows_.column_count(); }
  std::string column_name(int column) override { return rows_.column_name(column); }
  bool is_null(int column) override { return rows_.is_null(column); }
  bool is_integer(int column) override { return rows_.is_integer(column); }
  std::int64_t int64(int column) override { return rows_.int64(column); }
  std::string text(int column) override { return rows_.text(column); }
  std::string blob(int column) override { return rows_.blob(column); }

 protected:
  Rows rows_;
};

class PgStatement final : public RowReader {
 public:
  // `prepared`: the name the statement is prepared under on the connection, or empty.
  PgStatement(pqxx::transaction_base& tx, NumberedSql sql, std::string prepared)
      : tx_(tx), sql_(std::move(sql)), prepared_(std::move(prepared)) {}

  void bind(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
  void bind(int index, const std::string& value) override { slot(index) = value; }
  void bind_null(int index) override { slot(index).reset(); }
  void bind_blob(int index, std::string_view bytes) override { slot(index) = bytea_hex(bytes); }
  void bind(const std::string& name, std::int64_t value) override { bind(number_of(name), value); }
  void bind(const std::string& name, const std::string& value) override { bind(number_of(name), value); }

  bool next_row() override {
    if (!rows_.ran()) execute();
    return rows_.advance();
  }
  std::int64_t run() override {
    execute();
    return rows_.affected();
  }


 private:
  int number_of(const std::string& name) const {
    const auto found = sql_.names.find(name);
    if (found == sql_.names.end()) throw std::out_of_range("no SQL parameter " + name);
    return found->second;
  }
  std::optional<std::string>& slot(int index) {
    if (index < 1 || index > 32767) throw std::out_of_range("SQL parameter " + std::to_string(index) + " out of range");
    if (static_cast<std::size_t>(index) > params_.size()) params_.resize(static_cast<std::size_t>(index));
    return params_[static_cast<std::size_t>(index) - 1];
  }
  void execute() {
    std::vector<const char*> values;
    for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
    const auto params = pqxx::prepare::make_dynamic_params(values);
    rows_.reset(prepared_.empty() ? tx_.exec_params(sql_.text, params) : tx_.exec_prepared(prepared_, params));
  }

  pqxx::transaction_base& tx_;
  NumberedSql sql_;
  std::string prepared_;
  std::vector<std::optional<std::string>> params_;
};

// A scan: the statement behind a cursor, fetched a batch at a time. No parameters: a scan is for
// walking a whole table, and DECLARE would splice them into its text.
class PgScan final : public RowReader {
 public:
  static constexpr std::size_t kBatch = 1024;

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
  void bind_blob(int, std::string_view) override { no_parameters(); }
  void bind(const std::string&, std::int64_t) override { no_parameters(); }
  void bind(const std::string&, const std::string&) override { no_parameters(); }
  bool next_row() override {
    if (rows_.ran() && rows_.advance()) return true;
    if (rows_.ran() && rows_.size() < kBatch) return false;
    rows_.reset(tx_.exec("FETCH FORWARD " + std::to_string(kBatch) + " FROM " + cursor_));
    return rows_.advance();
  }
  std::int64_t run() override { throw std::logic_error("a scan is read with next_row()"); }


 private:
  [[noreturn]] static void no_parameters() { throw std::logic_error("a scan takes no parameters"); }

  pqxx::transaction_base& tx_;
  std::string cursor_;
};

bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// The end of the quoted string or identifier, or comment, that starts at `i`; npos if none does.
std::size_t skipped_to(std::string_view sql, std::size_t i) {
  const char c = sql[i];
  if (c == '\'' || c == '"') {  // a doubled quote inside ends one run and starts the next: the same
    const std::size_t end = sql.find(c, i + 1);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
    const std::size_t end = sql.find('\n', i);
    return end == std::string_view::npos ? sql.size() : end;
  }
  return std::string_view::npos;
}

}  // namespace

NumberedSql number_placeholders(std::string_view sql) {
  NumberedSql out;
  out.text.reserve(sql.size() + 16);
  int next = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (const std::size_t end = skipped_to(sql, i); end != std::string_view::npos) {
      out.text.append(sql.substr(i, end - i));
      i = end - 1;
    } else if (c == '?') {
      // `?N` names parameter N; a bare `?` is the one after the largest named so far (SQLite's rule).
      std::size_t digits = i + 1;
      while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
      const std::string_view number = sql.substr(i + 1, digits - i - 1);
      const int n = number.empty() ? next + 1 : std::stoi(std::string(number));
      next = std::max(next, n);
      out.text += '$' + std::to_string(n);
      i = digits - 1;
    } else if (c == ':' && i + 1 < sql.size() && name_char(sql[i + 1]) && (i == 0 || sql[i - 1] != ':')) {
      // `:name`, one number per name however often it appears (a `::type` cast is left alone).
      std::size_t end = i + 1;
      while (end < sql.size() && name_char(sql[end])) ++end;
      const std::string name(sql.substr(i, end - i));
      const auto [at, added] = out.names.emplace(name, next + 1);
      if (added) ++next;
      out.text += '$' + std::to_string(at->second);
      i = end - 1;
    } else {
      out.text += c;
    }
  }
  return out;
}

std::string numbered_placeholders(std::string_view sql) { return number_placeholders(sql).text; }

const std::string& PreparedStatements::name_for(pqxx::connection_base& connection, const std::string& sql) {
  static const std::string none;
  if (const auto found = names_.find(sql); found != names_.end()) return found->second;
  if (names_.size() >= kMax) return none;
  std::string name = "cahub_" + std::to_string(names_.size() + 1);
  connection.prepare(name, sql);  // libpqxx prepares it on the server at its first execution
  return names_.emplace(sql, std::move(name)).first->second;
}

std::unique_ptr<SqlStatement> PgSession::query(const std::string& sql) {
  NumberedSql numbered = number_placeholders(sql);
  std::string prepared = prepared_ ? prepared_->name_for(transaction_.conn(), numbered.text) : std::string();
  return std::make_unique<PgStatement>(transaction_, std::move(numbered), std::move(prepared));
}

void PgSession::serialize(Serial what) {
  transaction_.exec("SELECT pg_advisory_xact_lock(" + std::to_string(static_cast<std::int64_t>(what)) + ")");
}

void PgSession::serialize(Serial what, const std::string& key) {
  // hashtextextended (PostgreSQL 11) hashes text to 64 bits with a seed: each Serial its own space.
  transaction_.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, $2))", key,
                           static_cast<std::int64_t>(what));
}

std::unique_ptr<SqlStatement> PgSession::scan(const std::string& sql) {
  return std::make_unique<PgScan>(transaction_, sql, ++scans_);
}

}  // namespace cahub::store::postgres
