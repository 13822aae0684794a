#include "cli/audit_keys.hpp"

#include <cstdlib>

#include "audit/audit_error.hpp"

namespace cahub::cli {

std::optional<audit::SigningKey> configured_signing_key(const config::Config& cfg) {
  return audit::SigningKey::configured(std::getenv("CAHUB_AUDIT_SIGNING_KEY"), cfg.audit.signing_key_file);
}

std::optional<audit::VerifyingKey> configured_public_key(const config::Config& cfg, const std::filesystem::path& given) {
  if (!given.empty()) return audit::VerifyingKey::from_file(given);
  if (!cfg.audit.public_key_file.empty()) return audit::VerifyingKey::from_file(cfg.audit.public_key_file);
  if (auto key = configured_signing_key(cfg)) return key->verifying_key();
  return std::nullopt;
}

std::optional<audit::CheckpointTarget> configured_checkpoints(const config::Config& cfg) {
  auto key = configured_signing_key(cfg);
  const auto& file = cfg.audit.checkpoint_file;
  if (!key && file.empty()) return std::nullopt;
  if (!key)
    throw audit::AuditAnchorError("checkpoints_half_configured",
                                  "[audit] checkpoint_file is set but there is no signing key: set [audit] "
                                  "signing_key_file or $CAHUB_AUDIT_SIGNING_KEY (make one with `cahub audit keygen`)");
  if (file.empty())
    throw audit::AuditAnchorError("checkpoints_half_configured",
                                  "a signing key is set but [audit] checkpoint_file is not: name the file the signed "
                                  "checkpoints go to");
  return audit::CheckpointTarget{std::move(*key), file, cfg.audit.checkpoint_syslog};
}

}  // namespace cahub::cli
