#pragma once
// The audit anchors as the configuration names them: the signing key ($CAHUB_AUDIT_SIGNING_KEY,
// else [audit] signing_key_file) and the public key verifiers use (a file given on the command
// line, else [audit] public_key_file, else the signing key's public half).

#include <filesystem>
#include <optional>

#include "audit/checkpoint_key.hpp"
#include "audit/checkpointer.hpp"
#include "config/config.hpp"

namespace cahub::cli {

// Throws audit::AuditAnchorError for a key that is set but unusable.
std::optional<audit::SigningKey> configured_signing_key(const config::Config& cfg);
std::optional<audit::VerifyingKey> configured_public_key(const config::Config& cfg,
                                                         const std::filesystem::path& given);
// Both the key and [audit] checkpoint_file, or none: checkpoints are off. Throws AuditAnchorError
// ("checkpoints_half_configured") when only one of them is set, which is a mistake worth stopping for.
std::optional<audit::CheckpointTarget> configured_checkpoints(const config::Config& cfg);

}  // namespace cahub::cli
