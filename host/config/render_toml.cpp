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
    // An optional setting left unset shows as nothing: a comment, so the file loads back the same.
    const std::string value = s.show(config);
    out += value.empty() ? "# " + std::string(s.key) + " is not set\n" : std::string(s.key) + " = " + value + "\n";
  }
  for (const auto& [id, entries] : config.plugins) {
    out += "\n[plugins." + id + "]\n";
    for (const auto& [key, value] : entries) out += key + " = " + toml_string(value) + "\n";
  }
  return out;
}

}  // namespace cahub::config
