#pragma once
// The queue as a clerk works through it (`GET /v1/orders`, `cahub order list --json`): each order
// without its request and quote, which `GET /v1/orders/{id}` gives in full, and how many orders are
// in each state.

#include <vector>

#include <nlohmann/json.hpp>

#include "orders/order_store.hpp"

namespace cahub::orders {

// {"orders": [...], "counts": {state: n}}, the orders in the order given (OrderStore::list sorts
// them by SLA due date).
nlohmann::json order_queue_json(const std::vector<OrderRecord>& orders);

}  // namespace cahub::orders
