#pragma once
// A configuration written back as cahub.toml text: what `cahub config show` prints, and a file
// that load_config reads back to the same configuration.

#include <string>

#include "config/config.hpp"

namespace cahub::config {

std::string render_toml(const Config& config);

}  // namespace cahub::config
