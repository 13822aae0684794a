#include "orders/certificate_registry.hpp"

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

void bind_regions(store::SqlStatement& s, const RegionScope& regions, int first) {
  for (std::size_t i = 0; i < regions.regions().size(); ++i) s.bind(first + static_cast<int>(i), regions.regions()[i]);
}

// The registry's order: by holder, then expiry; names and numbers compared byte by byte on both stores.
std::string by_holder(const store::SqlConnection& db) {
  const std::string bytewise = db.bytewise();
  return "ORDER BY u.name" + bytewise + ", coalesce(u.uscc, u.id_number)" + bytewise + ", c.not_after, c.serial" +
         bytewise;
}

}  // namespace

std::vector<ExpiringCertificate> expiring_certificates(store::SqlConnection& db, Date today, int within_days,
                                                       const RegionScope& regions) {
  auto rows = db.query(
      "SELECT u.name, coalesce(u.uscc, u.id_number), c.ca, c.region, c.serial, c.key_type, c.not_after "
      "FROM certificates c JOIN customers u ON u.id = c.customer_id "
      "WHERE c.status = 'active' AND c.not_after >= ?1 AND c.not_after <= ?2 " + region_condition(regions, 3) +
      by_holder(db));
  rows->bind(1, today.iso());
  rows->bind(2, today.plus_days(within_days).iso());
  bind_regions(*rows, regions, 3);
  std::vector<ExpiringCertificate> out;
  while (rows->next_row()) {
    ExpiringCertificate e;
    e.customer_name = rows->text(0);
    e.identity = rows->text(1);
    e.ca = rows->text(2);
    e.region = rows->text(3);
    e.serial = rows->text(4);
    e.key_type = rows->text(5);
    e.not_after = Date::parse(rows->text(6)).value_or(today);  // the schema checks the format
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

std::vector<RegisteredCertificate> registered_certificates(store::SqlConnection& db, const CertificateFilter& f, int limit) {
  // Cached: a renewal's creation looks its certificate up here (find_certificate), and compiling
  // this statement cost more than running it.
  auto rows = db.query(
      "SELECT u.name, coalesce(u.uscc, u.id_number), c.ca, c.region, c.serial, c.key_type, c.not_before, "
      "c.not_after, c.status, coalesce(c.medium_serial, ''), coalesce(c.first_issued, ''), "
      "coalesce((SELECT o.public_id FROM orders o WHERE o.certificate_id = c.id LIMIT 1), ''), "
      "u.kind "
      "FROM certificates c JOIN customers u ON u.id = c.customer_id "
      "WHERE (?1 = '' OR coalesce(u.uscc, u.id_number) = ?1 OR " + db.contains("u.name", "?1") + ") "
      "AND (?2 = '' OR upper(c.serial) = upper(?2)) AND (?3 = '' OR c.ca = ?3) "
      "AND (?5 = '' OR c.status = ?5) "
      // lower() folds ASCII only, which is what can differ in case here; Chinese
      // names have no case.
      "AND (?6 = '' OR upper(coalesce(u.uscc, u.id_number)) = upper(?6) "
      "     OR " + db.contains("lower(u.name)", "lower(?6)") + " OR upper(c.serial) = upper(?6)) " +
      region_condition(f.regions, 7) + by_holder(db) + " LIMIT ?4");
  rows->bind(1, f.holder);
  rows->bind(2, f.serial);
  rows->bind(3, f.ca);
  rows->bind(4, std::int64_t{limit});
  rows->bind(5, f.status);
  rows->bind(6, f.any);
  bind_regions(*rows, f.regions, 7);
  std::vector<RegisteredCertificate> out;
  while (rows->next_row()) {
    RegisteredCertificate c;
    std::string* fields[] = {&c.customer_name, &c.identity,  &c.ca,     &c.region,        &c.serial,
                             &c.key_type,      &c.not_before, &c.not_after, &c.status,    &c.medium_serial,
                             &c.first_issued,  &c.order_id,  &c.holder_kind};
    for (int i = 0; i < 13; ++i) *fields[i] = rows->text(i);
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<RegisteredCertificate> find_certificate(store::SqlConnection& db, const std::string& ca,
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
  // CASE ... THEN 1 ELSE 0: an integer on both stores (EXISTS is a boolean in PostgreSQL).
  return "SELECT CASE WHEN EXISTS (SELECT 1 FROM certificates ce JOIN customers c ON c.id = ce.customer_id "
         "WHERE (c.uscc = ?1 OR c.id_number = ?1) AND ce.region = ?2 AND ce.key_type = 'master' "
         "AND ce.status IN ('active', 'frozen')) THEN 1 ELSE 0 END";
}

bool holds_master_key(store::SqlConnection& db, const std::string& identity, const std::string& region) {
  if (identity.empty()) return false;
  auto held = db.query(holds_master_key_statement());
  held->bind(1, identity);
  held->bind(2, region);
  return held->next_row() && held->int64(0) != 0;
}

bool set_certificate_status(store::SqlConnection& db, const std::string& ca, const std::string& serial,
                            const std::string& status) {
  auto update = db.query("UPDATE certificates SET status = ? WHERE ca = ? AND upper(serial) = upper(?)");
  update->bind(1, status);
  update->bind(2, ca);
  update->bind(3, serial);
  return update->run() == 1;
}

}  // namespace cahub::orders
