#include "orders/certificate_registry.hpp"

#include <SQLiteCpp/Statement.h>

namespace cahub::orders {
namespace {

// " AND c.region IN (?first, ...)" for a scope of some regions, one bound parameter per region;
// nothing for all of them.
std::string region_condition(const RegionScope& regions, int first) {
  if (regions.is_all()) return {};
  std::string in = " AND c.region IN (";
  for (std::size_t i = 0; i < regions.regions().size(); ++i)
    in += (i ? ", ?" : "?") + std::to_string(first + static_cast<int>(i));
  return in + ") ";
}

void bind_regions(SQLite::Statement& s, const RegionScope& regions, int first) {
  for (std::size_t i = 0; i < regions.regions().size(); ++i) s.bind(first + static_cast<int>(i), regions.regions()[i]);
}

}  // namespace

std::vector<ExpiringCertificate> expiring_certificates(store::Database& db, Date today, int within_days,
                                                       const RegionScope& regions) {
  store::CachedStatement rows = db.statement(
      "SELECT u.name, coalesce(u.uscc, u.id_number), c.ca, c.region, c.serial, c.key_type, c.not_after "
      "FROM certificates c JOIN customers u ON u.id = c.customer_id "
      "WHERE c.status = 'active' AND c.not_after >= ?1 AND c.not_after <= ?2 " + region_condition(regions, 3) +
      "ORDER BY u.name, coalesce(u.uscc, u.id_number), c.not_after, c.serial");
  rows->bind(1, today.iso());
  rows->bind(2, today.plus_days(within_days).iso());
  bind_regions(*rows, regions, 3);
  std::vector<ExpiringCertificate> out;
  while (rows->executeStep()) {
    ExpiringCertificate e;
    e.customer_name = rows->getColumn(0).getString();
    e.identity = rows->getColumn(1).getString();
    e.ca = rows->getColumn(2).getString();
    e.region = rows->getColumn(3).getString();
    e.serial = rows->getColumn(4).getString();
    e.key_type = rows->getColumn(5).getString();
    e.not_after = Date::parse(rows->getColumn(6).getString()).value_or(today);  // the schema checks the format
    e.days_left = e.not_after - today;
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::json RegisteredCertificate::to_json() const {
  auto or_null = [](const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); };
  return {{"holder", customer_name}, {"identity", identity},      {"ca", ca},
          {"region", region},        {"serial", serial},          {"key", key_type},
          {"not_before", not_before}, {"not_after", not_after},   {"status", status},
          {"medium_serial", or_null(medium_serial)}, {"first_issued", or_null(first_issued)},
          {"order", or_null(order_id)}, {"holder_kind", holder_kind}};
}

std::vector<RegisteredCertificate> registered_certificates(store::Database& db, const CertificateFilter& f, int limit) {
  // Cached: a renewal's creation looks its certificate up here (find_certificate), and compiling
  // this statement cost more than running it.
  store::CachedStatement rows = db.statement(
      "SELECT u.name, coalesce(u.uscc, u.id_number), c.ca, c.region, c.serial, c.key_type, c.not_before, "
      "c.not_after, c.status, coalesce(c.medium_serial, ''), coalesce(c.first_issued, ''), "
      "coalesce((SELECT o.public_id FROM orders o WHERE o.certificate_id = c.id LIMIT 1), ''), "
      "u.kind "
      "FROM certificates c JOIN customers u ON u.id = c.customer_id "
      "WHERE (?1 = '' OR coalesce(u.uscc, u.id_number) = ?1 OR instr(u.name, ?1) > 0) "
      "AND (?2 = '' OR upper(c.serial) = upper(?2)) AND (?3 = '' OR c.ca = ?3) "
      "AND (?5 = '' OR c.status = ?5) "
      // lower() folds ASCII only, which is what can differ in case here; Chinese
      // names have no case.
      "AND (?6 = '' OR upper(coalesce(u.uscc, u.id_number)) = upper(?6) "
      "     OR instr(lower(u.name), lower(?6)) > 0 OR upper(c.serial) = upper(?6)) " +
      region_condition(f.regions, 7) +
      "ORDER BY u.name, coalesce(u.uscc, u.id_number), c.not_after, c.serial LIMIT ?4");
  rows->bind(1, f.holder);
  rows->bind(2, f.serial);
  rows->bind(3, f.ca);
  rows->bind(4, limit);
  rows->bind(5, f.status);
  rows->bind(6, f.any);
  bind_regions(*rows, f.regions, 7);
  std::vector<RegisteredCertificate> out;
  while (rows->executeStep()) {
    RegisteredCertificate c;
    std::string* fields[] = {&c.customer_name, &c.identity,  &c.ca,     &c.region,        &c.serial,
                             &c.key_type,      &c.not_before, &c.not_after, &c.status,    &c.medium_serial,
                             &c.first_issued,  &c.order_id,  &c.holder_kind};
    for (int i = 0; i < 13; ++i) *fields[i] = rows->getColumn(i).getString();
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<RegisteredCertificate> find_certificate(store::Database& db, const std::string& ca,
                                                      const std::string& serial) {
  if (ca.empty() || serial.empty()) return std::nullopt;
  CertificateFilter one;
  one.serial = serial;
  one.ca = ca;
  auto found = registered_certificates(db, one, 1);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

const char* holds_master_key_statement() {
  // (uscc = ?1 OR id_number = ?1) rather than coalesce(uscc, id_number) = ?1, which is the same
  // (a customer has exactly one of them) but would hide both unique indexes from the planner.
  return "SELECT EXISTS (SELECT 1 FROM certificates ce JOIN customers c ON c.id = ce.customer_id "
         "WHERE (c.uscc = ?1 OR c.id_number = ?1) AND ce.region = ?2 AND ce.key_type = 'master' "
         "AND ce.status IN ('active', 'frozen'))";
}

bool holds_master_key(store::Database& db, const std::string& identity, const std::string& region) {
  if (identity.empty()) return false;
  store::CachedStatement held = db.statement(holds_master_key_statement());
  held->bind(1, identity);
  held->bind(2, region);
  return held->executeStep() && held->getColumn(0).getInt() != 0;
}

bool set_certificate_status(store::Database& db, const std::string& ca, const std::string& serial,
                            const std::string& status) {
  store::CachedStatement update =
      db.statement("UPDATE certificates SET status = ? WHERE ca = ? AND upper(serial) = upper(?)");
  update->bind(1, status);
  update->bind(2, ca);
  update->bind(3, serial);
  return update->exec() == 1;
}

}  // namespace cahub::orders
