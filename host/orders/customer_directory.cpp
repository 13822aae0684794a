#include "orders/customer_directory.hpp"

#include <SQLiteCpp/Statement.h>

namespace cahub::orders {

CustomerRecord customer_for(store::Database& db, const Customer& c, const std::string& now) {
  store::CachedStatement find = db.statement(c.org ? "SELECT id, name FROM customers WHERE uscc = ?"
                                                   : "SELECT id, name FROM customers WHERE id_number = ?");
  find->bind(1, c.identity);
  if (find->executeStep()) return {find->getColumn(0).getInt64(), find->getColumn(1).getString()};
  store::CachedStatement insert =
      db.statement(c.org ? "INSERT INTO customers (kind, name, uscc, created_at) VALUES ('org', ?, ?, ?)"
                         : "INSERT INTO customers (kind, name, id_number, created_at) VALUES ('person', ?, ?, ?)");
  insert->bind(1, c.name);
  insert->bind(2, c.identity);
  insert->bind(3, now);
  insert->exec();
  return {db.sqlite().getLastInsertRowid(), c.name};
}

}  // namespace cahub::orders
