#pragma once
// One error model for every answer that is not a success: a stable code a client can match on, a
// kind that says what the client should do about it, and one sentence for people. The kind is
// mapped to an HTTP status once (errors/error_answer.cpp) and to an exit code once
// (cli/exit_codes.hpp); nothing else classifies errors.
//
// A CodedError's message is written for the client: it names the field, the order or the rule,
// never a file path, a SQL statement or a library's exception text. Anything that is not a
// CodedError is an internal error and reaches the client only as `internal_error` with an incident
// id (the log carries the detail under that id).

#include <chrono>
#include <stdexcept>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace cahub {

// What the client should do. The issue (#13) names seven kinds; Forbidden and Unavailable are
// split off Refused and Upstream because a client does something different for each: a 403 asks
// for another person, a 422 for another moment; a 503 says retry later, a 502 that the provider
// answered wrongly. TooManyRequests is this client's own pace (failed sign-ins), not the
// server's state: slow down, and come back after the Retry-After the answer carries.
enum class ErrorKind {
  BadInput,         // fix the request (400)
  Unauthenticated,  // sign in (401)
  Forbidden,        // another person must do it: role, four eyes (403)
  NotFound,         // no such order, material, certificate (404)
  Conflict,         // someone acted first, or a limit is taken: reload and decide again (409)
  Refused,          // the workflow or the rules cannot take it now (422)
  TooManyRequests,  // too many failed attempts from this login or address: wait (429, Retry-After)
  Upstream,         // the provider failed (502)
  Unavailable,      // a provider is not loaded, the store is full or busy: retry later (503)
  Internal,         // a bug: answered as internal_error with an incident id (500)
};

class CodedError : public std::runtime_error {
 public:
  CodedError(ErrorKind kind, std::string code, const std::string& message, std::string field = {})
      : std::runtime_error(message), kind_(kind), code_(std::move(code)), field_(std::move(field)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  // The request field at fault (e.g. "applicant_details.uscc"), when one is.
  const std::string& field() const { return field_; }
  // Adds what else the answer carries beside the error (a not-eligible order's quote).
  virtual void describe(nlohmann::json& /*answer*/) const {}
  // The id under which the log has what the client is not shown (a provider's own failure text).
  const std::string& incident() const { return incident_; }
  CodedError& with_incident(std::string id) {
    incident_ = std::move(id);
    return *this;
  }

 private:
  std::string incident_;
  ErrorKind kind_;
  std::string code_;
  std::string field_;
};

// A refusal that says when to come back: the HTTP answer carries it as `Retry-After` (seconds).
// For a client that is going too fast (TooManyRequests) or a server with no free turn right now
// (Unavailable); the wait is the earliest moment a retry can be let through, at least a second.
class ThrottledError : public CodedError {
 public:
  ThrottledError(ErrorKind kind, std::string code, const std::string& message, std::chrono::seconds retry_after)
      : CodedError(kind, std::move(code), message), retry_after_(retry_after) {}
  std::chrono::seconds retry_after() const { return retry_after_; }

 private:
  std::chrono::seconds retry_after_;
};

}  // namespace cahub
