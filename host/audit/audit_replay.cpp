#include "audit/audit_replay.hpp"

#include "audit/replay_model.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"

namespace cahub::audit {
namespace {

using nlohmann::json;

struct FoundRow {
  std::string label;
  std::map<std::string, json> columns;
};
using FoundTable = std::map<std::string, FoundRow>;

json value_of(store::SqlStatement& row, int column) {
  if (row.is_null(column)) return nullptr;
  if (row.is_integer(column)) return row.int64(column);
  return row.text(column);
}

// Each row of `sql`: its key from `key_of`, and every column after the first `key_columns` by name.
template <typename KeyOf>
FoundTable read_table(store::SqlConnection& db, const std::string& sql, int key_columns, KeyOf key_of) {
  FoundTable out;
  auto rows = db.scan(sql);
  while (rows->next_row()) {
    FoundRow row;
    auto [key, label] = key_of(*rows);
    row.label = std::move(label);
    for (int i = key_columns; i < rows->column_count(); ++i) row.columns[rows->column_name(i)] = value_of(*rows, i);
    out[key] = std::move(row);
  }
  return out;
}

FoundTable found_orders(store::SqlConnection& db) {
  return read_table(db,
                    "SELECT public_id, state, total_fen, approved_by, business, region, ca, applicant_identity, "
                    "key_type, previous_serial, validity_not_after FROM orders",
                    1, [](store::SqlStatement& r) { return std::pair{r.text(0), std::string()}; });
}

FoundTable found_payments(store::SqlConnection& db) {
  std::map<std::string, std::size_t> nth;  // per order, in id order: as the events recorded them
  return read_table(db,
                    "SELECT p.id, coalesce(o.public_id, 'order id ' || p.order_id), p.method, p.amount_fen, p.voucher, "
                    "p.adjustment_reason, p.recorded_by, p.recorded_at FROM payments p "
                    "LEFT JOIN orders o ON o.id = p.order_id ORDER BY p.order_id, p.id",
                    2, [&](store::SqlStatement& r) {
                      const std::string order = r.text(1);
                      return std::pair{ReplayModel::payment_key(order, ++nth[order]),
                                       "id " + std::to_string(r.int64(0))};
                    });
}

FoundTable found_staff(store::SqlConnection& db) {
  return read_table(db, "SELECT login, role, display_name, disabled, regions FROM staff", 1,
                    [](store::SqlStatement& r) { return std::pair{r.text(0), std::string()}; });
}

FoundTable found_certificates(store::SqlConnection& db) {
  return read_table(db,
                    "SELECT c.ca, c.serial, c.region, c.key_type, coalesce(u.uscc, u.id_number) AS holder, "
                    "c.not_before, c.not_after, c.status FROM certificates c LEFT JOIN customers u ON u.id = c.customer_id",
                    2, [](store::SqlStatement& r) {
                      return std::pair{ReplayModel::certificate_key(r.text(0), r.text(1)),
                                       std::string()};
                    });
}

// A release's columns, and the hash of its script as the text hashes now (script_text_sha256).
FoundTable found_releases(store::SqlConnection& db) {
  std::map<std::string, std::string> text_hash;
  FoundTable out = read_table(db,
                              "SELECT region, number, script, state, script_sha256, author, submitted_by, decided_by, "
                              "published_by, effective_from, withdrawn_by FROM rule_releases",
                              3, [&](store::SqlStatement& r) {
                                const std::string key = ReplayModel::release_key(r.text(0),
                                                                                 r.int64(1));
                                text_hash[key] = store::sha256_hex(r.text(2));
                                return std::pair{key, std::string()};
                              });
  for (auto& [key, row] : out) row.columns["script_text_sha256"] = text_hash[key];
  return out;
}

void compare(const std::string& table, const ExpectedTable& expected, const FoundTable& found, ReplayVerdict& v) {
  v.rows[table] = found.size();
  for (const auto& [key, columns] : expected) {
    const auto row = found.find(key);
    if (row == found.end()) {
      v.differences.push_back({RowDifference::Kind::Missing, table, key, "", "", nullptr, nullptr});
      continue;
    }
    for (const auto& [column, value] : columns) {
      const auto cell = row->second.columns.find(column);
      const json there = cell == row->second.columns.end() ? json(nullptr) : cell->second;
      if (there != value)
        v.differences.push_back({RowDifference::Kind::Differs, table, key, row->second.label, column, value, there});
    }
  }
  for (const auto& [key, row] : found)
    if (!expected.contains(key)) v.differences.push_back({RowDifference::Kind::NoEvent, table, key, row.label, "", nullptr, nullptr});
}

}  // namespace

std::string RowDifference::text() const {
  const std::string row = table + " " + key + (row_label.empty() ? "" : " (" + row_label + ")");
  switch (kind) {
    case Kind::Differs:
      return row + ": " + column + " is " + found.dump() + ", the events say " + expected.dump();
    case Kind::NoEvent: return row + ": no event created this row";
    case Kind::Missing: return row + ": the events created this row, the table no longer has it";
  }
  return row;
}

ReplayVerdict replay_audit_trail(store::SqlConnection& db) {
  ReplayModel model;
  store::for_each_audit_event(db, [&](const store::RecordedAuditEvent& e) { model.apply(e); });
  ReplayVerdict v;
  compare("orders", model.table("orders"), found_orders(db), v);
  compare("payments", model.table("payments"), found_payments(db), v);
  compare("staff", model.table("staff"), found_staff(db), v);
  compare("certificates", model.table("certificates"), found_certificates(db), v);
  compare("rule_releases", model.table("rule_releases"), found_releases(db), v);
  v.orphans = model.orphans();
  return v;
}

}  // namespace cahub::audit
