#pragma once
// Limits across orders (limit{} in a region script, docs/rules.md §4.11), counted when an order
// is created, inside the creating transaction, so that two clerks accepting at the same moment
// cannot both take the last place.

#include <vector>

#include "domain/order_limit.hpp"
#include "store/sql_connection.hpp"

namespace cahub::orders {

struct NewOrder;

// Throws OrderConflict (the limit's code, HTTP 409) naming the orders and certificates that
// already take the places, when any limit of `o` is reached.
void refuse_beyond_limits(store::SqlConnection& db, const NewOrder& o);

}  // namespace cahub::orders
