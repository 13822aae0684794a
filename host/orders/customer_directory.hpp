#pragma once
// The customers table: who orders and holds certificates, a unit known by its USCC, a person by
// the resident ID number. Orders and imported certificates find their customer here.

#include <cstdint>
#include <string>

#include "store/sql_connection.hpp"

namespace cahub::orders {

struct Customer {
  bool org = true;       // a unit (USCC); false: a person (resident ID number)
  std::string name;
  std::string identity;  // validated upstream (check characters)
};

// A customer as recorded: an existing one keeps the name it was first recorded with.
struct CustomerRecord {
  std::int64_t id = 0;
  std::string name;
};

// The customer with this identity number, added (created_at = `now`) when first seen.
// Call inside the write transaction of the change that needs it. On PostgreSQL, of two hosts
// adding the same new customer at once, the second waits for the first and finds its row.
CustomerRecord customer_for(store::SqlConnection& db, const Customer& customer, const std::string& now);
inline std::int64_t customer_id_for(store::SqlConnection& db, const Customer& customer, const std::string& now) {
  return customer_for(db, customer, now).id;
}

}  // namespace cahub::orders
