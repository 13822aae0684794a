#pragma once
// The certificate registry as back-office staff ask it: which certificates are inside their
// renewal window, per unit, for reminder work (`cahub certs expiring --within 30d`).

#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace cahub::orders {

struct ExpiringCertificate {
  std::string customer_name, identity;  // the unit's USCC or the person's ID number
  std::string ca, region, serial, key_type;
  Date not_after;
  int days_left = 0;  // 0 on the last valid day
};

// Active certificates whose last valid day is between `today` and `today + within_days`, ordered by
// customer then expiry.
std::vector<ExpiringCertificate> expiring_certificates(store::Database& db, Date today, int within_days);

}  // namespace cahub::orders
