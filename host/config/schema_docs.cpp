#include "config/schema_docs.hpp"

#include "config/settings.hpp"

namespace cahub::config {
namespace {

// A Markdown table cell: '|' would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// [plugins.<id>] is open-ended: the host passes it on and each plugin checks its own keys.
constexpr std::string_view kPluginKey = "plugins.<id>.<key>";
constexpr std::string_view kPluginType = "string, integer or boolean";
constexpr std::string_view kPluginDescription =
    "Settings handed to the plugin `<id>` as they are. The bundled plugins read `key_algorithm` (`auto`: SM2 "
    "where this OpenSSL's standard verifier accepts SM2 certificates, else ECDSA P-256; `sm2`; `ec-p256`) for a "
    "CA created from now on, and `crl_valid_days` (1 to 366, default 7).";

// An optional setting's default is "not set": shown as (none), like [plugins.<id>]'s.
std::string shown_default(const Setting& s, const Config& defaults) {
  const std::string value = s.show(defaults);
  return value.empty() ? "(none)" : "`" + cell(value) + "`";
}

}  // namespace

std::string schema_markdown(const Config& defaults) {
  std::string out = "| Key | Type | Default | Description |\n|---|---|---|---|\n";
  for (const Setting& s : settings())
    out += "| `" + s.name() + "` | " + cell(s.type_text()) + " | " + shown_default(s, defaults) + " | " +
           cell(s.description) + " |\n";
  out += "| `" + std::string(kPluginKey) + "` | " + std::string(kPluginType) + " | (none) | " + cell(kPluginDescription) +
         " |\n";
  return out;
}

std::string schema_help(const Config& defaults) {
  std::string out;
  std::string_view table;
  for (const Setting& s : settings()) {
    if (s.table != table) {
      table = s.table;
      out += (out.empty() ? "[" : "\n[") + std::string(table) + "]\n";
    }
    const std::string value = s.show(defaults);
    out += "  " + std::string(s.key) + " = " + (value.empty() ? "(not set)" : value) + "  (" + s.type_text() + ")\n";
    out += "      " + std::string(s.description) + "\n";
  }
  out += "\n[plugins.<id>]\n  <key> = ...  (" + std::string(kPluginType) + ")\n      " + std::string(kPluginDescription) +
         "\n";
  return out;
}

}  // namespace cahub::config
