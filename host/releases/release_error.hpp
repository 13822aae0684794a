#pragma once
// What the release desk refuses, as the one error model's codes (domain/coded_error.hpp; the
// table is in docs/api.md, "Rule releases").

#include <string>

#include "domain/coded_error.hpp"

namespace cahub::releases {

class ReleaseError : public CodedError {
 public:
  ReleaseError(std::string code, const std::string& message, std::string field = {})
      : CodedError(kind_of(code), code, message, std::move(field)) {}

 private:
  static ErrorKind kind_of(const std::string& code) {
    if (code == "unknown_release" || code == "unknown_region") return ErrorKind::NotFound;
    if (code == "region_not_yours" || code == "forbidden" || code == "four_eyes") return ErrorKind::Forbidden;
    if (code == "version_conflict") return ErrorKind::Conflict;
    if (code == "not_allowed_now" || code == "script_has_errors" || code == "not_a_published_release" ||
        code == "rules_from_files")
      return ErrorKind::Refused;
    if (code == "evaluations_busy") return ErrorKind::Unavailable;
    return ErrorKind::BadInput;  // reason_required, effective_in_past, script_too_large, bad_region, bad_script
  }
};

}  // namespace cahub::releases
