#pragma once
// One HTTP request as a route sees it: read whole, within the server's limits (http/limits.hpp),
// before any route runs. The path stays as sent: the router splits it into segments first and
// decodes each one then (so "%2F" never makes a new segment). The query string is decoded into
// name/value pairs; header names compare without case.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cahub::http {

using NameValues = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;       // "GET", "POST", ...
  std::string path;         // as sent (percent-encoded), without the query string
  NameValues query;         // decoded, in the order sent
  NameValues headers;       // as sent
  NameValues path_params;   // the route's {name} segments, filled by the router
  std::string body;
  std::string remote_addr;  // the peer's IP address, as text
  std::string request_id;   // unique within this run of the server, for logs and incidents

  bool has_param(std::string_view name) const;
  std::string param(std::string_view name) const;  // the first value, or ""
  bool has_header(std::string_view name) const;
  std::string header(std::string_view name) const;  // the first value, or ""
  const std::string& path_param(std::string_view name) const;  // a route's {name}; throws if the route has none
};

// "a%20b+c" → "a b c" (form_plus) or "a b+c"; false on a malformed escape.
bool percent_decode(std::string_view text, std::string& out, bool form_plus);

// Splits "/a/b?x=1&y" into its path (as sent) and decoded query; false when the path is not
// origin-form or the query is malformed.
bool parse_target(std::string_view target, std::string& path, NameValues& query);

}  // namespace cahub::http
