#pragma once
// The plugin conformance kit: what every CA plugin must get right before a host can trust it,
// checked against the library itself (`cahub plugins check FILE.so`; ctest runs it for every
// bundled plugin and the out-of-tree sample).
//
// Each check after loading runs in a forked child process, so a plugin that crashes or hangs
// fails that check with the signal it died of, and the kit goes on to the next one.

#include <filesystem>
#include <string>
#include <vector>

#include "plugins/plugin_registry.hpp"

namespace cahub::plugins {

struct ConformanceCheck {
  std::string name;    // "descriptor complete"
  bool passed = false;
  std::string detail;  // what was seen: counts when it passed, the first problem when it failed
};

struct ConformanceReport {
  std::string plugin;  // "bjca 2.0.0 (ABI 2.0)", or the file name when it did not load
  std::vector<ConformanceCheck> checks;
  bool passed() const;
  std::size_t failures() const;
};

// Loads `file` with its state folder under `scratch_var` (which the caller creates and removes,
// so that checking never touches a real CA's state) and runs every check.
ConformanceReport check_plugin(const std::filesystem::path& file, const std::filesystem::path& scratch_var,
                               const PluginSettings& settings = {});

// "  ok    name: detail" lines and a closing "N passed, N failed".
std::string render_report(const ConformanceReport& report);

}  // namespace cahub::plugins
