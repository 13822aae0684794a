#include "orders/order.hpp"

namespace cahub::orders {

OrderFacts Order::facts() const {
  OrderFacts f;
  f.business = business;
  f.priced = priced;
  f.total = total;
  f.materials_complete = materials_complete;
  f.accepted_by = accepted_by;
  f.approved_by = approved_by;
  return f;
}

}  // namespace cahub::orders
