#include "store/postgres/pg_copy.hpp"

#include <openssl/evp.h>

#include <SQLiteCpp/Statement.h>
#include <pqxx/prepared_statement>
#include <pqxx/result>
#include <pqxx/transaction>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>

#include "store/digest.hpp"
#include "store/read_transaction.hpp"
#include "store/store_error.hpp"

namespace cahub::store::postgres {
namespace {

using Value = std::optional<std::string>;  // a value's text form; nullopt for NULL

struct Column {
  std::string name;
  bool text = false;  // declared TEXT: its key order is byte order, COLLATE "C" on PostgreSQL
  bool key = false;   // part of the primary key, in key order (Table::columns keeps table order)
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> key;  // the primary key's columns, in key order
};

// SHA-256 over a table's rows in key order. Each value is tagged and length-prefixed, so ("ab",
// "c") and ("a", "bc") differ, and NULL differs from ''.
class RowsDigest {
 public:
  RowsDigest() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) { EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr); }
  void add(const Value& v) {
    const std::string head = v ? "v" + std::to_string(v->size()) + ":" : std::string("n;");
    EVP_DigestUpdate(ctx_.get(), head.data(), head.size());
    if (v) EVP_DigestUpdate(ctx_.get(), v->data(), v->size());
  }
  std::string hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx_.get(), out, &length);
    return to_hex(out, length);
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

Table table_in(Database& source, const std::string& name) {
  Table t{name, {}, {}};
  SQLite::Statement info(source.sqlite(), "SELECT name, upper(type) = 'TEXT', pk FROM pragma_table_info(?) ORDER BY cid");
  info.bind(1, name);
  std::vector<std::pair<int, std::string>> key;
  while (info.executeStep()) {
    t.columns.push_back(Column{info.getColumn(0).getString(), info.getColumn(1).getInt() == 1,
                               info.getColumn(2).getInt() > 0});
    if (info.getColumn(2).getInt() > 0) key.emplace_back(info.getColumn(2).getInt(), t.columns.back().name);
  }
  std::sort(key.begin(), key.end());
  for (auto& [position, column] : key) t.key.push_back(column);
  return t;
}

// The tables the schema has must be the ones copy_order() copies: a table added by a later
// migration and forgotten here would otherwise be left behind without a word.
void require_every_table_known(Database& source) {
  std::set<std::string> in_schema;
  SQLite::Statement names(source.sqlite(),
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (names.executeStep()) in_schema.insert(names.getColumn(0).getString());
  const std::set<std::string> copied(copy_order().begin(), copy_order().end());
  if (in_schema != copied)
    throw StoreError("this cahub's copy does not know every table of the schema; nothing was copied (a bug: "
                     "store/postgres/pg_copy.cpp's copy_order)");
}

// The key's columns named with their table: a bare name in ORDER BY means the output column of
// that name first (PostgreSQL), and the output is `seq::text`, which sorts 1, 10, 2.
std::string key_order(const Table& t, bool postgres) {
  std::string order;
  for (const std::string& k : t.key) {
    const bool text = std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == k && c.text; });
    order += (order.empty() ? "" : ", ") + t.name + "." + k + (postgres && text ? " COLLATE \"C\"" : "");
  }
  return order;
}

// SQLite's values as the text PostgreSQL reads into the same column: a BLOB as bytea's hex form.
std::string sqlite_select(const Table& t) {
  std::string list;
  for (const Column& c : t.columns)
    list += (list.empty() ? "" : ", ") + ("CASE WHEN typeof(" + c.name + ") = 'blob' THEN '\\x' || lower(hex(" +
                                          c.name + ")) ELSE CAST(" + c.name + " AS TEXT) END");
  return "SELECT " + list + " FROM " + t.name + " ORDER BY " + key_order(t, false);
}

std::string postgres_select(pqxx::work& tx, const Table& t) {
  std::string list;
  for (const Column& c : t.columns) {
    const bool bytea = tx.exec_params1("SELECT data_type = 'bytea' FROM information_schema.columns WHERE table_schema "
                                       "= current_schema() AND table_name = $1 AND column_name = $2",
                                       t.name, c.name)[0]
                           .as<bool>();
    list += (list.empty() ? "" : ", ") + (bytea ? "'\\x' || encode(" + c.name + ", 'hex')" : c.name + "::text");
  }
  return "SELECT " + list + " FROM " + t.name + " ORDER BY " + key_order(t, true);
}

std::string insert_statement(const Table& t) {
  std::string columns, params;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    columns += (i ? ", " : "") + t.columns[i].name;
    params += (i ? ", $" : "$") + std::to_string(i + 1);
  }
  return "INSERT INTO " + t.name + " (" + columns + ") VALUES (" + params + ")";
}

TableCopy copy_table(SQLite::Database& source, pqxx::work& tx, const Table& t) {
  const std::string insert = insert_statement(t);
  TableCopy copied{t.name, 0, {}};
  RowsDigest digest;
  SQLite::Statement rows(source, sqlite_select(t));
  std::vector<Value> values(t.columns.size());
  std::vector<const char*> params(t.columns.size());
  while (rows.executeStep()) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const SQLite::Column c = rows.getColumn(static_cast<int>(i));
      values[i] = c.isNull() ? Value{} : Value{c.getString()};
      params[i] = values[i] ? values[i]->c_str() : nullptr;
      digest.add(values[i]);
    }
    tx.exec_params(insert, pqxx::prepare::make_dynamic_params(params));
    ++copied.rows;
  }
  copied.digest = digest.hex();
  return copied;
}

TableCopy read_back(pqxx::work& tx, const Table& t) {
  TableCopy found{t.name, 0, {}};
  RowsDigest digest;
  for (const auto& row : tx.exec(postgres_select(tx, t))) {
    for (const auto& field : row) digest.add(field.is_null() ? Value{} : Value{field.c_str()});
    ++found.rows;
  }
  found.digest = digest.hex();
  return found;
}

void require_empty(pqxx::work& tx, const PgUrl& url) {
  for (const std::string& table : copy_order())
    if (tx.exec("SELECT 1 FROM " + table + " LIMIT 1").size() > 0)
      throw StoreError(url.shown() + " already holds cahub data (" + table +
                           "); a copy goes only into an empty database, made by `cahub db init --url …`",
                       "target_exists");
}

// Ids were copied as they were: each identity sequence goes on after the largest.
void continue_sequences(pqxx::work& tx) {
  for (const std::string& table : copy_order())
    for (const auto& identity : tx.exec_params("SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass "
                                               "AND attidentity <> '' AND NOT attisdropped",
                                               table)) {
      const std::string column = identity[0].as<std::string>();
      tx.exec_params("SELECT setval(pg_get_serial_sequence($1, $2), max(" + tx.quote_name(column) + ")) FROM " + table +
                         " HAVING max(" + tx.quote_name(column) + ") IS NOT NULL",
                     table, column);
    }
}

std::string first_line(const std::string& text) { return text.substr(0, std::min(text.find('\n'), std::size_t{300})); }

}  // namespace

const std::vector<std::string>& copy_order() {
  static const std::vector<std::string> order = {
      "customers", "certificates", "orders",      "audit_events",   "staff",        "sessions",
      "order_materials", "payments", "order_terms", "material_files", "rule_releases", "plugin_state"};
  return order;
}

std::vector<TableCopy> copy_database(Database& source, PgStore& target) {
  if (source.schema_version() != target.schema_version())
    throw StoreError(source.file().string() + " has schema version " + std::to_string(source.schema_version()) + " and " +
                     target.url().shown() + " " + std::to_string(target.schema_version()) + "; nothing was copied");
  require_every_table_known(source);
  ReadTransaction snapshot(source);
  pqxx::work tx(target.connection());
  require_empty(tx, target.url());
  std::vector<TableCopy> copied;
  std::string table = "the sequences";
  try {
    for (const std::string& name : copy_order()) {
      table = name;
      const Table t = table_in(source, name);
      copied.push_back(copy_table(source.sqlite(), tx, t));
      const TableCopy found = read_back(tx, t);
      if (found.rows != copied.back().rows || found.digest != copied.back().digest)
        throw StoreError(name + " reads back from " + target.url().shown() + " differently from " +
                         source.file().string() + " (" + std::to_string(found.rows) + " rows against " +
                         std::to_string(copied.back().rows) + "); nothing was copied");
    }
    table = "the sequences";
    continue_sequences(tx);
  } catch (const pqxx::sql_error& e) {
    // The operator's own data, on the operator's terminal: PostgreSQL's reason as it gave it.
    throw StoreError(target.url().shown() + " refused a row of " + table + " (" + first_line(e.what()) +
                     "); nothing was copied");
  }
  tx.commit();
  return copied;
}

}  // namespace cahub::store::postgres
