#include "orders/certificate_import.hpp"

#include <SQLiteCpp/Statement.h>

#include "orders/customer_directory.hpp"
#include "store/audit_log.hpp"
#include "store/write_transaction.hpp"

namespace cahub::orders {

RegisteredCertificate import_certificate(store::Database& db, const ImportedCertificate& c, const Actor& actor,
                                         Date today) {
  if (actor.role == Role::Clerk)
    throw WorkflowRefusal(ErrorKind::Forbidden, "forbidden", "clerk " + actor.login + " may not import a certificate: a reviewer checks "
                                       "the holder's documents first");
  require_region(actor.regions, c.region);  // RegionNotYours (403): only into a region of one's own
  store::WriteTransaction tx(db);
  {
    SQLite::Statement known(db.sqlite(), "SELECT 1 FROM certificates WHERE ca = ? AND serial = ?");
    known.bind(1, c.ca);
    known.bind(2, c.serial);
    if (known.executeStep())
      throw OrderConflict("certificate_exists", c.ca + " certificate " + c.serial + " is already in the registry");
  }
  const std::string now = store::now_china_time();
  const std::string status = c.not_after < today ? "expired" : "active";
  SQLite::Statement insert(db.sqlite(),
                           "INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, "
                           "status, medium_serial, first_issued) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(customer_id_for(db, c.holder, now)));
  insert.bind(2, c.ca);
  insert.bind(3, c.region);
  insert.bind(4, c.serial);
  insert.bind(5, std::string(cahub::code_of(c.key)));
  insert.bind(6, c.not_before.iso());
  insert.bind(7, c.not_after.iso());
  insert.bind(8, status);
  // Unknown is NULL, not an empty text.
  auto text_or_null = [&insert](int index, const std::string& value) {
    if (value.empty())
      insert.bind(index);
    else
      insert.bind(index, value);
  };
  text_or_null(9, c.medium_serial);
  text_or_null(10, c.first_issued ? c.first_issued->iso() : std::string());
  insert.exec();
  store::append_audit_event(db, {now, actor.login, std::nullopt, "certificate.imported",
                                 {{"ca", c.ca}, {"region", c.region}, {"serial", c.serial},
                                  {"holder", c.holder.identity}, {"not_before", c.not_before.iso()},
                                  {"not_after", c.not_after.iso()}, {"status", status},
                                  {"key_type", cahub::code_of(c.key)}}});
  tx.commit();
  CertificateFilter recorded;
  recorded.holder = c.holder.identity;
  recorded.serial = c.serial;
  recorded.ca = c.ca;
  return registered_certificates(db, recorded).at(0);
}

}  // namespace cahub::orders
