#include "orders/order_queue.hpp"

namespace cahub::orders {

nlohmann::json order_queue_json(const std::vector<OrderRecord>& orders) {
  nlohmann::json out = {{"orders", nlohmann::json::array()}, {"counts", nlohmann::json::object()}};
  for (const auto& o : orders) {
    nlohmann::json j = o.to_json();
    j.erase("request");
    j.erase("quote");
    out["orders"].push_back(std::move(j));
    const std::string state(code_of(o.state));
    out["counts"][state] = out["counts"].value(state, 0) + 1;
  }
  return out;
}

}  // namespace cahub::orders
