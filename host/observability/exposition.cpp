#include "observability/exposition.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "observability/utf8.hpp"

namespace cahub::observability {
namespace {

std::string escaped(std::string_view raw, bool quotes) {
  const std::string text = repair_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '"' && quotes) out += "\\\"";
    else out += c;
  }
  return out;
}

}  // namespace

std::string escape_label_value(std::string_view value) { return escaped(value, true); }

std::string escape_help(std::string_view help) { return escaped(help, false); }

std::string number_text(std::uint64_t value) { return std::to_string(value); }

std::string number_text(std::int64_t value) { return std::to_string(value); }

std::string number_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char digits[32];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  if (error != std::errc{}) return "NaN";  // cannot happen: 32 chars hold any shortest double
  return std::string(digits, end);
}

void ExpositionWriter::family(std::string_view name, std::string_view type, std::string_view help) {
  text_.append("# HELP ").append(name).append(" ").append(escape_help(help)).append("\n");
  text_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void ExpositionWriter::sample(std::string_view name, std::initializer_list<Label> labels,
                              std::string_view value) {
  text_.append(name);
  if (labels.size() > 0) {
    char separator = '{';
    for (const Label& label : labels) {
      text_ += separator;
      text_.append(label.name).append("=\"").append(escape_label_value(label.value)).append("\"");
      separator = ',';
    }
    text_ += '}';
  }
  text_.append(" ").append(value).append("\n");
}

}  // namespace cahub::observability
