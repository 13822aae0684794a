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

}  // namespace

std::string schema_markdown(const Config& defaults) {
  std::string out = "| Key | Type | Default | Description |\n|---|---|---|---|\n";
  for (const Setting& s : settings())
    out += "| `" + s.name() + "` | " + cell(s.type_text()) + " | `" + cell(s.show(defaults)) + "` | " +
           cell(s.description) + " |\n";
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
    out += "  " + std::string(s.key) + " = " + s.show(defaults) + "  (" + s.type_text() + ")\n";
    out += "      " + std::string(s.description) + "\n";
  }
  return out;
}

}  // namespace cahub::config
