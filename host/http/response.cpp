#include "http/response.hpp"

#include <strings.h>

namespace cahub::http {
namespace {

bool same_name(const std::string& a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

void Response::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  set_header("Content-Type", std::string(content_type));
}

void Response::set_header(std::string_view name, std::string value) {
  for (auto& [n, v] : headers)
    if (same_name(n, name)) {
      v = std::move(value);
      return;
    }
  headers.emplace_back(std::string(name), std::move(value));
}

bool Response::has_header(std::string_view name) const {
  for (const auto& h : headers)
    if (same_name(h.first, name)) return true;
  return false;
}

std::string Response::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (same_name(n, name)) return v;
  return {};
}

}  // namespace cahub::http
