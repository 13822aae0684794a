#include "orders/customer_directory.hpp"

#include <optional>
#include <stdexcept>

namespace cahub::orders {
namespace {

std::optional<CustomerRecord> find(store::SqlConnection& db, const Customer& c) {
  auto row = db.query(c.org ? "SELECT id, name FROM customers WHERE uscc = ?"
                            : "SELECT id, name FROM customers WHERE id_number = ?");
  row->bind(1, c.identity);
  if (!row->next_row()) return std::nullopt;
  return CustomerRecord{row->int64(0), row->text(1)};
}

}  // namespace

CustomerRecord customer_for(store::SqlConnection& db, const Customer& c, const std::string& now) {
  if (auto found = find(db, c)) return *found;
  // ON CONFLICT DO NOTHING: on PostgreSQL another host may have added the same customer since the
  // read above; the insert then waits for its commit and returns no row, and the read below finds
  // it (READ COMMITTED reads anew). SQLite's one writer always inserts here.
  auto insert = db.query(c.org ? "INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING RETURNING id"
                               : "INSERT INTO customers (kind, name, id_number, created_at) VALUES ('person', ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING RETURNING id");
  insert->bind(1, c.name);
  insert->bind(2, c.identity);
  insert->bind(3, now);
  if (insert->next_row()) return {insert->int64(0), c.name};
  insert.reset();
  if (auto found = find(db, c)) return *found;
  throw std::runtime_error("the customer " + c.identity + " was neither found nor added");
}

}  // namespace cahub::orders
