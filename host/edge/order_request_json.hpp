#pragma once
// The one reader of order requests (POST /v1/orders, `cahub order create`): the body is read once
// into an OrderRequest, and every mistake is a BadRequest naming the field.

#include <nlohmann/json_fwd.hpp>

#include "domain/date.hpp"
#include "orders/order_request.hpp"

namespace cahub::edge {

// The quote request's fields (pipeline/quote_request_json.hpp) plus applicant_details,
// previous_serial and revocation_reason. An order is accepted today: "today" is refused.
orders::OrderRequest parse_order_request(const nlohmann::json& body, Date today);

}  // namespace cahub::edge
