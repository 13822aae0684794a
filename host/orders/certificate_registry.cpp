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

std::optional<RegisteredCertificate> find_certificate(store::Database& db, const std::string& ca,
                                                      const std::string& serial) {
  SQLite::Statement row(db.sqlite(),
                        "SELECT c.id, coalesce(u.uscc, u.id_number), c.ca, c.region, c.serial, c.key_type, c.status, "
                        "c.not_before, c.not_after, c.first_issued FROM certificates c "
                        "JOIN customers u ON u.id = c.customer_id WHERE c.ca = ? AND upper(c.serial) = upper(?)");
  row.bind(1, ca);
  row.bind(2, serial);
  if (!row.executeStep()) return std::nullopt;
  RegisteredCertificate c;
  c.id = row.getColumn(0).getInt64();
  c.identity = row.getColumn(1).getString();
  c.ca = row.getColumn(2).getString();
  c.region = row.getColumn(3).getString();
  c.serial = row.getColumn(4).getString();
  c.key_type = row.getColumn(5).getString();
  c.status = row.getColumn(6).getString();
  // The schema checks every date's format, so these parse.
  c.not_before = Date::parse(row.getColumn(7).getString()).value_or(Date());
  c.not_after = Date::parse(row.getColumn(8).getString()).value_or(Date());
  if (!row.getColumn(9).isNull()) c.first_issued = Date::parse(row.getColumn(9).getString());
  return c;
}

bool set_certificate_status(store::Database& db, const std::string& ca, const std::string& serial,
                            const std::string& status) {
  SQLite::Statement update(db.sqlite(), "UPDATE certificates SET status = ? WHERE ca = ? AND upper(serial) = upper(?)");
  update.bind(1, status);
  update.bind(2, ca);
  update.bind(3, serial);
  return update.exec() == 1;
}

}  // namespace cahub::orders
