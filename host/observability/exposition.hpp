#pragma once
// The Prometheus text exposition format, version 0.0.4: what a scrape of /metrics answers.
//
//   # HELP <family> <help text>
//   # TYPE <family> counter|gauge|histogram
//   <name>{<label>="<value>",...} <value>
//
// The writer only formats; which families exist and in what order is the caller's (Metrics).
// Label values and help text are escaped here, and made valid UTF-8, because some of them come
// from outside (a route pattern, a refusal reason) and one bad line fails the whole scrape.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace cahub::observability {

// The Content-Type a /metrics answer carries.
inline constexpr std::string_view exposition_content_type =
    "text/plain; version=0.0.4; charset=utf-8";

struct Label {
  std::string_view name;   // a fixed identifier chosen by the code, never escaped
  std::string_view value;  // any bytes: escaped and repaired
};

// `\` → `\\`, `"` → `\"`, line feed → `\n`; ill-formed UTF-8 → U+FFFD.
std::string escape_label_value(std::string_view value);
// `\` → `\\`, line feed → `\n` (HELP text leaves quotes alone); ill-formed UTF-8 → U+FFFD.
std::string escape_help(std::string_view help);

// Sample values as the format spells them: integers exactly, reals in their shortest
// round-trip form, and NaN, +Inf, -Inf by those names.
std::string number_text(std::uint64_t value);
std::string number_text(std::int64_t value);
std::string number_text(double value);

class ExpositionWriter {
 public:
  // The HELP and TYPE lines that open a family; its samples must follow before the next family.
  void family(std::string_view name, std::string_view type, std::string_view help);
  // One sample line; `value` is a number_text().
  void sample(std::string_view name, std::initializer_list<Label> labels, std::string_view value);

  const std::string& text() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

}  // namespace cahub::observability
