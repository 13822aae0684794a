#pragma once
// Why an audit anchor could not be used: a signing key, a public key or a checkpoint file that is
// missing, unreadable, too open or malformed. The message names the file and what to do; it is
// for the operator at the command line (no HTTP client ever sees it).

#include <string>

#include "domain/coded_error.hpp"

namespace cahub::audit {

class AuditAnchorError : public CodedError {
 public:
  AuditAnchorError(std::string code, const std::string& message);
};

}  // namespace cahub::audit
