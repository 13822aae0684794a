#include "http/request.hpp"

#include <stdexcept>
#include <strings.h>

namespace cahub::http {
namespace {

const std::string* find(const NameValues& values, std::string_view name, bool ignore_case) {
  for (const auto& [n, v] : values) {
    const bool same = n.size() == name.size() &&
                      (ignore_case ? strncasecmp(n.data(), name.data(), n.size()) == 0 : n == name);
    if (same) return &v;
  }
  return nullptr;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool Request::has_param(std::string_view name) const { return find(query, name, false) != nullptr; }

std::string Request::param(std::string_view name) const {
  const std::string* v = find(query, name, false);
  return v ? *v : std::string();
}

bool Request::has_header(std::string_view name) const { return find(headers, name, true) != nullptr; }

std::string Request::header(std::string_view name) const {
  const std::string* v = find(headers, name, true);
  return v ? *v : std::string();
}

const std::string& Request::path_param(std::string_view name) const {
  const std::string* v = find(path_params, name, false);
  if (!v) throw std::logic_error("the route has no path parameter " + std::string(name));
  return *v;
}

bool percent_decode(std::string_view text, std::string& out, bool form_plus) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && form_plus) {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return false;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return true;
}

bool parse_target(std::string_view target, std::string& path, NameValues& query) {
  const std::size_t mark = target.find('?');
  const std::string_view raw_path = target.substr(0, mark);
  if (raw_path.empty() || raw_path.front() != '/') return false;  // origin-form only (RFC 9112 §3.2.1)
  path.assign(raw_path);
  query.clear();
  if (mark == std::string_view::npos) return true;
  std::string_view rest = target.substr(mark + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string name, value;
    if (!percent_decode(pair.substr(0, eq), name, true)) return false;
    if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), value, true)) return false;
    query.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

}  // namespace cahub::http
