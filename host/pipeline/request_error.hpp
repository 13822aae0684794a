#pragma once
// The two ways a request can fail before it is answered. Each carries a stable code for the API
// and one human sentence. An ineligible request is NOT an error: it is an answer (eligible=false).

#include <stdexcept>
#include <string>

#include "domain/coded_error.hpp"

namespace cahub::pipeline {

// The caller's input is wrong: unknown region/CA/business code, malformed date, bad check
// character, years the region does not allow. CLI exit 2, HTTP 400.
// `field` names the request field at fault where one is ("applicant_details.uscc").
class BadRequest : public CodedError {
 public:
  BadRequest(std::string code, const std::string& message, std::string field = {})
      : CodedError(ErrorKind::BadInput, std::move(code), message, std::move(field)) {}
};

// A rule script or a plugin failed while answering a valid request (raised an error, ran away,
// returned garbage). Answered as internal_error with an incident id (CLI exit 3, HTTP 500); the log has the
// script's own message. Other requests are unaffected.
class StageFailure : public std::runtime_error {
 public:
  StageFailure(std::string stage, const std::string& message)
      : std::runtime_error(message), stage_(std::move(stage)) {}
  const std::string& stage() const { return stage_; }

 private:
  std::string stage_;
};

}  // namespace cahub::pipeline
