#pragma once
// The customers table: who orders and holds certificates, a unit known by its USCC, a person by
// the resident ID number. Orders and imported certificates find their customer here.

#include <cstdint>
#include <string>

#include "orders/order_store.hpp"
#include "store/database.hpp"

namespace cahub::orders {

// The customer with the applicant's identity number, added (created_at = `now`) when first seen.
// Call inside the WriteTransaction of the change that needs it.
std::int64_t customer_id_for(store::Database& db, const OrderApplicant& applicant, const std::string& now);

}  // namespace cahub::orders
