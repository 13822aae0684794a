#pragma once
// The certificate registry as back-office staff ask it: which certificates are inside their
// renewal window, per unit, for reminder work (`cahub certs expiring --within 30d`), what a unit
// holds (`cahub certs list`), and the one certificate an order concerns (renew, reissue, change,
// unlock, freeze, unfreeze, revoke). On either store (store/sql_connection.hpp).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "orders/region_scope.hpp"
#include "store/sql_connection.hpp"

namespace cahub::orders {

struct ExpiringCertificate {
  std::string customer_name, identity;  // the unit's USCC or the person's ID number
  std::string ca, region, serial, key_type;
  Date not_after;
  int days_left = 0;  // 0 on the last valid day
};

// Active certificates of the regions `regions` covers whose last valid day is between `today` and
// `today + within_days`, ordered by customer then expiry.
std::vector<ExpiringCertificate> expiring_certificates(store::SqlConnection& db, Date today, int within_days,
                                                       const RegionScope& regions = RegionScope::all());

// A certificate as the registry holds it.
struct RegisteredCertificate {
  std::string customer_name, identity, ca, region, serial, key_type, not_before, not_after, status;
  std::string medium_serial, first_issued;  // empty when unknown
  std::string order_id;                     // the order that issued it; empty when imported
  std::string holder_kind;                  // "org" (known by its USCC) or "person" (by the ID number)

  nlohmann::json to_json() const;
};

struct CertificateFilter {
  std::string holder;  // the USCC or ID number, or a part of the name; empty: anyone
  std::string serial, ca;
  std::string status;  // active, frozen, revoked or expired; empty: any
  // What a clerk types into one search box: the holder's USCC or ID number, a part of the holder's
  // name, or the serial, each ignoring case (serials are hex, a typed x in an ID number is lower
  // case); empty: anything.
  std::string any;
  // The regions the caller covers: a certificate of another region is not listed, so a serial
  // looked up there is as unknown as a missing one (issue 16).
  RegionScope regions = RegionScope::all();
};

// The certificates that match, by holder, then expiry.
std::vector<RegisteredCertificate> registered_certificates(store::SqlConnection& db, const CertificateFilter& filter,
                                                           int limit = 500);

// The certificate `serial` of `ca`, if the registry holds it. Serials are hexadecimal, so the
// match ignores case (a clerk may type 3f0a… for 3F0A…).
std::optional<RegisteredCertificate> find_certificate(store::SqlConnection& db, const std::string& ca,
                                                      const std::string& serial);

// Whether the holder with this USCC or ID number holds an active or frozen master certificate in
// `region` (issued by any CA): "one master key per unit" is a fact the registry knows. One indexed
// lookup, cached on the connection, as every order creation asks it.
bool holds_master_key(store::SqlConnection& db, const std::string& identity, const std::string& region);
// The statement holds_master_key runs (?1 the identity, ?2 the region): tests read its plan.
const char* holds_master_key_statement();

// Records the provider's new status (active, frozen, revoked) of a registered certificate, inside
// the caller's write transaction. Returns false when the registry does not hold it.
bool set_certificate_status(store::SqlConnection& db, const std::string& ca, const std::string& serial,
                            const std::string& status);

}  // namespace cahub::orders
