#pragma once
// The described schema rendered for people: a Markdown table for docs/ and plain text for --help.

#include <string>

#include "config/config.hpp"

namespace cahub::config {

// | Key | Type | Default | Description | — one row per setting, defaults taken from `defaults`
// (typically default_config(...) of the executable, so paths show as it computes them).
std::string schema_markdown(const Config& defaults);

// The same as indented text for a terminal, grouped by table:
//   [server]
//     port = 8080  (integer, 1 to 65535)
//         TCP port of the HTTP API.
std::string schema_help(const Config& defaults);

}  // namespace cahub::config
