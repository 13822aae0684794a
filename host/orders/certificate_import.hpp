#pragma once
// Certificates issued before cahub was used. A service point that starts with existing customers
// records the certificates they already hold, with their real dates (from the CA's records or the
// certificate itself), so that renewal reminders (`cahub certs expiring`) and renewal orders know
// them. Nothing is asked of the CA and nothing is issued: the registry marks such a certificate by
// having no order, and the audit trail says who recorded it ("certificate.imported").

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/vocabulary.hpp"
#include "orders/certificate_registry.hpp"
#include "orders/customer_directory.hpp"
#include "orders/order.hpp"
#include "store/sql_connection.hpp"

namespace cahub::orders {

struct ImportedCertificate {
  Customer holder;  // validated upstream (check characters)
  std::string ca, region, serial;
  KeyType key = KeyType::Master;
  Date not_before, not_after;
  std::optional<Date> first_issued;  // the medium's first issue (warranty), when known
  std::string medium_serial;
};

// Records it, active (expired when its last day is before `today`), with the holder as customer
// and its audit event, in one transaction. Reviewers and admins of the certificate's region only
// (RegionNotYours "region_not_yours" for another region; WorkflowRefusal "forbidden":
// a record that no CA confirmed needs someone who checks documents); OrderConflict
// "certificate_exists" when the CA's serial is already in the registry.
RegisteredCertificate import_certificate(store::SqlStore& store, const ImportedCertificate& certificate,
                                         const Actor& actor, Date today);

}  // namespace cahub::orders
