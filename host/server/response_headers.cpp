#include "server/response_headers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "http/response.hpp"

namespace cahub::server {
namespace {

constexpr std::array kJson{
    ResponseHeader{"X-Content-Type-Options", "nosniff"},
    ResponseHeader{"Cache-Control", "no-store"},
    ResponseHeader{"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
};

// The console loads nothing but its own files and talks only to its own origin. A strict policy
// means an injected <script> or a value rendered as markup by mistake cannot run, and the page
// cannot be framed by another site (click-jacking an approve button).
constexpr std::array kConsole{
    ResponseHeader{"Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                   "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                   "frame-ancestors 'none'"},
    ResponseHeader{"X-Content-Type-Options", "nosniff"},
    ResponseHeader{"Referrer-Policy", "no-referrer"},
    // A new build of cahub brings a new console: the browser revalidates instead of running stale code.
    ResponseHeader{"Cache-Control", "no-cache"},
};

constexpr std::array kDownload{
    ResponseHeader{"Content-Disposition", "attachment"},
    ResponseHeader{"X-Content-Type-Options", "nosniff"},
    ResponseHeader{"Cache-Control", "no-store"},
};

// What the console is made of (console/embed_console.cmake); an uploaded material is only ever
// JPEG, PNG, BMP or PDF (checked by its first bytes), so none of these is a customer's file.
constexpr std::array<std::string_view, 5> kConsoleTypes{"text/html", "text/css", "text/javascript",
                                                        "application/javascript", "image/svg+xml"};

// "Application/JSON; charset=utf-8" → "application/json".
std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

}  // namespace

std::span<const ResponseHeader> headers_for(std::string_view content_type) {
  const std::string type = media_type(content_type);
  // No body at all is answered as data: nothing in it to cache or run.
  if (type.empty() || type == "application/json" || type.ends_with("+json")) return kJson;
  if (std::find(kConsoleTypes.begin(), kConsoleTypes.end(), type) != kConsoleTypes.end()) return kConsole;
  return kDownload;
}

void add_security_headers(http::Response& response) {
  for (const ResponseHeader& h : headers_for(response.header("Content-Type")))
    if (!response.has_header(h.name)) response.set_header(h.name, std::string(h.value));
}

}  // namespace cahub::server
