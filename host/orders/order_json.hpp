#pragma once
// An order as the API answers it and `cahub order show --json` prints it (docs/api.md).

#include <nlohmann/json.hpp>

#include "orders/order.hpp"
#include "orders/order_repository.hpp"

namespace cahub::orders {

// The whole order, with its materials, payments, terms, request and frozen quote.
nlohmann::json order_json(const Order& order);
// A page of the queue: {"orders": [summaries], "counts": {state: n}, "next_cursor": "..."|null}.
nlohmann::json order_page_json(const OrderPage& page);

}  // namespace cahub::orders
