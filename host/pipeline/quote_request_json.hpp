#pragma once
// The one reader of quote requests: the HTTP API hands it the body, the CLI hands it its options
// gathered into the same JSON shape, so both give the same errors for the same mistakes.

#include <nlohmann/json_fwd.hpp>

#include "domain/quote_request.hpp"

namespace cahub::pipeline {

// Strict: unknown fields, wrong types, unknown codes and malformed dates are BadRequest.
// `today` is used when the request names none.
QuoteRequest parse_quote_request(const nlohmann::json& body, Date today);

}  // namespace cahub::pipeline
