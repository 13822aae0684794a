#pragma once
// An error that is an answer: a stable code a client can match on, and a sentence for people.
// The workflow's refusals, order conflicts and staff errors are all of this kind.

#include <stdexcept>
#include <string>

namespace cahub {

class CodedError : public std::runtime_error {
 public:
  CodedError(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

}  // namespace cahub
