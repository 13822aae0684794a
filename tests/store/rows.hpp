#pragma once
// Valid rows for the schema tests: each test changes one column to see one constraint at work.

#include <SQLiteCpp/Database.h>

#include <string>
#include <utility>

namespace cahub::store::testing {

inline constexpr const char* timestamp = "2026-03-01T09:30:00+08:00";
inline const std::string zero_hash(64, '0');
inline const std::string some_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

inline long long count_rows(SQLite::Database& db, const std::string& table) {
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

inline long long insert_org(SQLite::Database& db, const std::string& uscc = "91350100M000100Y43") {
  db.exec("INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', '福州某公司', '" + uscc + "', '" +
          timestamp + "')");
  return db.getLastInsertRowid();
}

inline long long insert_certificate(SQLite::Database& db, long long customer_id, const std::string& serial = "0A1B2C") {
  db.exec("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status, "
          "medium_serial, first_issued) VALUES (" +
          std::to_string(customer_id) + ", 'bjca', 'central', '" + serial +
          "', 'master', '2025-03-01', '2026-02-28', 'active', 'KEY-0001', '2025-03-01')");
  return db.getLastInsertRowid();
}

// An INSERT of a valid order, except that `column`, if given, gets `value` (SQL text).
inline std::string order_insert(const std::string& column = "", const std::string& value = "") {
  const std::pair<const char*, std::string> columns[] = {
      {"public_id", "'ORD-2026-0001'"}, {"business", "'new'"},         {"region", "'central'"},
      {"ca", "'bjca'"},                 {"customer_id", "1"},          {"channel", "'onsite'"},
      {"years", "1"},                   {"key_type", "'master'"},      {"certificate_id", "NULL"},
      {"state", "'received'"},
      {"quote_json", "NULL"},           {"version", "1"},              {"idempotency_key", "'key-1'"},
      {"request_hash", "'" + some_hash + "'"}, {"created_at", std::string("'") + timestamp + "'"},
      {"updated_at", std::string("'") + timestamp + "'"},
  };
  std::string names, values;
  for (const auto& [name, default_value] : columns) {
    names += std::string(names.empty() ? "" : ", ") + name;
    values += std::string(values.empty() ? "" : ", ") + (name == column ? value : default_value);
  }
  return "INSERT INTO orders (" + names + ") VALUES (" + values + ")";
}

}  // namespace cahub::store::testing
