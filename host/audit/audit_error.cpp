#include "audit/audit_error.hpp"

namespace cahub::audit {

AuditAnchorError::AuditAnchorError(std::string code, const std::string& message)
    : CodedError(ErrorKind::BadInput, std::move(code), message) {}

}  // namespace cahub::audit
