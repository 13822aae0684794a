#pragma once
// The operator's key-encryption key (KEK), which seals CA private keys at rest: from
// $CAHUB_KEY_ENCRYPTION_KEY or the file [keys] kek_file names, never from the database or the
// state folder it protects. docs/architecture.md, "Keys at rest".

#include <memory>

#include <cahub/key_sealing.hpp>

#include "config/config.hpp"

namespace cahub::cli {

// The environment variable that carries the KEK itself (64 hex digits or base64 of 32 bytes).
inline constexpr const char* kKekVariable = "CAHUB_KEY_ENCRYPTION_KEY";

// A sealer for the configured KEK, or nullptr when none is configured. Throws config::ConfigError
// (exit 2) when both are set, when the file is missing, not a regular file, readable by group or
// others, or owned by another user than this process's or root, and when the key is not 32 bytes.
// The messages never quote the key.
std::shared_ptr<const sdk::sealing::KeySealer> load_key_sealer(const config::Config& config);

}  // namespace cahub::cli
