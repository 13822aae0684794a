#pragma once
// The one reader of quote requests: the HTTP API hands it the body, the CLI hands it its options
// gathered into the same JSON shape, so both give the same errors for the same mistakes.

#include <initializer_list>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "domain/quote_request.hpp"

namespace cahub::pipeline {

// Strict: unknown fields, wrong types, unknown codes and malformed dates are BadRequest.
// `today` is used when the request names none. `read_elsewhere` are fields of a larger request
// (an order's applicant_details) that its own reader takes; they are skipped here.
QuoteRequest parse_quote_request(const nlohmann::json& body, Date today,
                                 std::initializer_list<std::string_view> read_elsewhere = {});

}  // namespace cahub::pipeline
