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
  for (const auto& [id, entries] : config.plugins) {
    out += "\n[plugins." + id + "]\n";
    for (const auto& [key, value] : entries) out += key + " = " + toml_string(value) + "\n";
  }
  return out;
}

}  // namespace cahub::config
