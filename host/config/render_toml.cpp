#include "config/render_toml.hpp"

#include "config/settings.hpp"

namespace cahub::config {

std::string render_toml(const Config& config) {
  std::string out;
  std::string_view table;
  for (const Setting& s : settings()) {
    if (s.table != table) {
      table = s.table;
      out += (out.empty() ? "[" : "\n[") + std::string(table) + "]\n";
    }
    out += (s.unset_in(config) ? "# " + std::string(s.key) + " = (unset)" : std::string(s.key) + " = " + s.show(config)) +
           "\n";
  }
  // A plugin's id and keys are whatever the file named them, quoted or not (found by
  // tests/fuzz/config_toml.cpp: [plugins."a.b"] came back as [plugins.a.b], a table in a table).
  for (const auto& [id, entries] : config.plugins) {
    out += "\n[plugins." + toml_key(id) + "]\n";
    for (const auto& [key, value] : entries) out += toml_key(key) + " = " + toml_string(value) + "\n";
  }
  return out;
}

}  // namespace cahub::config
