#pragma once
// One HTTP answer as a route builds it. The server adds the framing (Content-Length, Connection)
// and the security headers of its content type (server/response_headers.hpp) when it writes it.

#include <string>
#include <string_view>

#include "http/request.hpp"

namespace cahub::http {

struct Response {
  int status = 200;
  NameValues headers;  // besides Content-Type, which set_content sets
  std::string body;
  std::string actor;   // who the route served (a staff login), for the access log only

  void set_content(std::string content, std::string_view content_type);
  // Sets `name` to `value`, replacing any earlier value of it.
  void set_header(std::string_view name, std::string value);
  bool has_header(std::string_view name) const;
  std::string header(std::string_view name) const;  // or ""
};

}  // namespace cahub::http
