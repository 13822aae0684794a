#include "orders/certificate_registry.hpp"

#include <SQLiteCpp/Statement.h>

namespace cahub::orders {

std::vector<ExpiringCertificate> expiring_certificates(store::Database& db, Date today, int within_days) {
  SQLite::Statement rows(db.sqlite(),
                         "SELECT u.name, coalesce(u.uscc, u.id_number), c.ca, c.region, c.serial, c.key_type, c.not_after "
                         "FROM certificates c JOIN customers u ON u.id = c.customer_id "
                         "WHERE c.status = 'active' AND c.not_after >= ? AND c.not_after <= ? "
                         "ORDER BY u.name, coalesce(u.uscc, u.id_number), c.not_after, c.serial");
  rows.bind(1, today.iso());
  rows.bind(2, today.plus_days(within_days).iso());
  std::vector<ExpiringCertificate> out;
  while (rows.executeStep()) {
    ExpiringCertificate e;
    e.customer_name = rows.getColumn(0).getString();
    e.identity = rows.getColumn(1).getString();
    e.ca = rows.getColumn(2).getString();
    e.region = rows.getColumn(3).getString();
    e.serial = rows.getColumn(4).getString();
    e.key_type = rows.getColumn(5).getString();
    e.not_after = Date::parse(rows.getColumn(6).getString()).value_or(today);  // the schema checks the format
    e.days_left = e.not_after - today;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace cahub::orders
