#pragma once
// The one classification of errors, shared by the HTTP API and the CLI: whatever a request threw
// becomes an ErrorAnswer with a kind, a stable code and a message fit for the client.
//
// - A CodedError (domain/coded_error.hpp) is answered as it is.
// - A SQLite constraint is recognised by its name (the table's named CHECK, the UNIQUE index's
//   columns), never by searching its text, and answered with the code the table gives it.
// - A full disk or a busy database is Unavailable: "retry later", nothing was written.
// - Anything else is Internal: the client gets `internal_error` and an incident id; the log gets
//   the exception's own text under that id. No SQL, path or library text reaches the client.

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/coded_error.hpp"

namespace cahub::errors {

struct ErrorAnswer {
  ErrorKind kind = ErrorKind::Internal;
  std::string code;
  std::string message;
  std::string field;     // the request field at fault, if any
  std::string incident;  // Internal only: the id the log carries the detail under
  // When a retry can be let through (a ThrottledError): the HTTP front sends it as Retry-After.
  std::optional<std::chrono::seconds> retry_after;
  nlohmann::json extra = nlohmann::json::object();  // more of the answer (a not-eligible order's quote)

  // {"error": {"code", "message", "field"?, "incident"?}, ...extra}
  nlohmann::json body() const;
};

// Classifies `error`; `context` (e.g. "POST /v1/orders") goes into the log line of an internal one.
ErrorAnswer answer_for(std::exception_ptr error, std::string_view context);

// The HTTP status of each kind: 400, 401, 403, 404, 409, 422, 429, 502, 503, 500.
int http_status(ErrorKind kind);

// A fresh incident id: 12 hex digits, unique enough to find one line in a day's log.
std::string new_incident_id();

}  // namespace cahub::errors
