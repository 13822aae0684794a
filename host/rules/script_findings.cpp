#include "rules/script_findings.hpp"

#include "rules/script_failure.hpp"

namespace cahub::rules {

Finding finding_at(const std::string& file, const std::string& where, std::string message) {
  message = bounded_script_text(std::move(message));
  const auto colon = where.rfind(':');
  if (colon != std::string::npos && colon + 1 < where.size()) {
    try {
      return {where.substr(0, colon), std::stoi(where.substr(colon + 1)), std::move(message)};
    } catch (const std::exception&) {
    }
  }
  return {file, 0, std::move(message)};
}

Finding syntax_finding(const std::string& file, const std::string& raw) {
  const std::string text = bounded_script_text(raw);  // "near '<a 1 MB string literal>'"
  const std::string prefix = file + ":";
  if (text.starts_with(prefix)) {
    const auto end = text.find(": ", prefix.size());
    if (end != std::string::npos) {
      try {
        return {file, std::stoi(text.substr(prefix.size(), end - prefix.size())), "syntax error: " + text.substr(end + 2)};
      } catch (const std::exception&) {
      }
    }
  }
  return {file, 0, "syntax error: " + text};
}

}  // namespace cahub::rules
