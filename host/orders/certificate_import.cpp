#include "orders/certificate_import.hpp"

#include "orders/customer_directory.hpp"
#include "store/audit_log.hpp"

namespace cahub::orders {
namespace {

OrderConflict already_there(const ImportedCertificate& c) {
  return OrderConflict("certificate_exists", c.ca + " certificate " + c.serial + " is already in the registry");
}

}  // namespace

RegisteredCertificate import_certificate(store::SqlStore& store, const ImportedCertificate& c, const Actor& actor,
                                         Date today) {
  if (actor.role == Role::Clerk)
    throw WorkflowRefusal(ErrorKind::Forbidden, "forbidden", "clerk " + actor.login + " may not import a certificate: a reviewer checks "
                                       "the holder's documents first");
  require_region(actor.regions, c.region);  // RegionNotYours (403): only into a region of one's own
  store.write([&](store::SqlConnection& db) {
    {
      auto known = db.query("SELECT 1 FROM certificates WHERE ca = ? AND serial = ?");
      known->bind(1, c.ca);
      known->bind(2, c.serial);
      if (known->next_row()) throw already_there(c);
    }
    const std::string now = store::now_china_time();
    const std::string status = c.not_after < today ? "expired" : "active";
    const std::int64_t customer = customer_id_for(db, c.holder, now);
    // ON CONFLICT: another host importing the same serial since the check above (PostgreSQL)
    // waits for it and then inserts nothing; the answer is the same as the check's.
    auto insert = db.query("INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, "
                           "status, medium_serial, first_issued) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT DO NOTHING RETURNING id");
    insert->bind(1, customer);
    insert->bind(2, c.ca);
    insert->bind(3, c.region);
    insert->bind(4, c.serial);
    insert->bind(5, std::string(cahub::code_of(c.key)));
    insert->bind(6, c.not_before.iso());
    insert->bind(7, c.not_after.iso());
    insert->bind(8, status);
    // Unknown is NULL, not an empty text.
    auto text_or_null = [&insert](int index, const std::string& value) {
      if (value.empty())
        insert->bind_null(index);
      else
        insert->bind(index, value);
    };
    text_or_null(9, c.medium_serial);
    text_or_null(10, c.first_issued ? c.first_issued->iso() : std::string());
    if (!insert->next_row()) throw already_there(c);
    insert.reset();
    store::append_audit_event(db, {now, actor.login, std::nullopt, "certificate.imported",
                                   {{"ca", c.ca}, {"region", c.region}, {"serial", c.serial},
                                    {"holder", c.holder.identity}, {"not_before", c.not_before.iso()},
                                    {"not_after", c.not_after.iso()}, {"status", status},
                                    {"key_type", cahub::code_of(c.key)}}});
  });
  CertificateFilter recorded;
  recorded.holder = c.holder.identity;
  recorded.serial = c.serial;
  recorded.ca = c.ca;
  return store::read(store, [&](store::SqlConnection& db) { return registered_certificates(db, recorded).at(0); });
}

}  // namespace cahub::orders
