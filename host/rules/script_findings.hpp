#pragma once
// Turning what Lua says about a script (a syntax error, an error's position) into a Finding,
// `file:line: message`, for region scripts and spec files alike.

#include <string>

#include "rules/region_rules.hpp"

namespace cahub::rules {

// "central.lua:12" -> line 12 of central.lua; anything else -> line 0 of `file`.
Finding finding_at(const std::string& file, const std::string& where, std::string message);

// Lua's syntax messages read "central.lua:3: unexpected symbol near 'x'".
Finding syntax_finding(const std::string& file, const std::string& text);

}  // namespace cahub::rules
