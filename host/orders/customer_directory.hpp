#pragma once
// The customers table: who orders and holds certificates, a unit known by its USCC, a person by
// the resident ID number. Orders and imported certificates find their customer here.

#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace cahub::orders {

struct Customer {
  bool org = true;       // a unit (USCC); false: a person (resident ID number)
  std::string name;
  std::string identity;  // validated upstream (check characters)
};

// The customer with this identity number, added (created_at = `now`) when first seen.
// Call inside the WriteTransaction of the change that needs it.
std::int64_t customer_id_for(store::Database& db, const Customer& customer, const std::string& now);

}  // namespace cahub::orders
