#pragma once
// Reading cahub.toml. Every key is checked against the described schema (settings.hpp); the first
// problem, in file order, is thrown as ConfigError "file:line: message".

#include <filesystem>
#include <string_view>

#include "config/config.hpp"

namespace cahub::config {

// The defaults overridden by `file`. Relative paths in the file are resolved against the file's
// folder (made absolute), so the configuration means the same whatever the working directory.
// Throws ConfigError for an unreadable file, a TOML syntax error, an unknown table or key, a value
// of the wrong type, an integer out of bounds, an unknown log level or a malformed date.
Config load_config(const std::filesystem::path& file, const Defaults& defaults);

// The same for TOML text already in memory; `file` names it in messages and is the base of
// relative paths.
Config parse_config(std::string_view toml_text, const std::filesystem::path& file, const Defaults& defaults);

}  // namespace cahub::config
