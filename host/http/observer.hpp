#pragma once
// What the server tells whoever watches it (metrics, the access log), from its I/O thread: so an
// observer must be quick and must not block. Each call is made after the fact.

#include <chrono>
#include <cstddef>
#include <string_view>

namespace cahub::http {

// One answered request.
struct Exchange {
  std::string_view method;
  std::string_view route;       // the template it matched, "" when none did or it was refused early
  std::string_view path;        // as sent, without the query string
  std::string_view remote;
  std::string_view request_id;
  std::string_view actor;       // the staff member it served, "" when none
  int status = 0;
  std::size_t bytes_in = 0;     // body bytes
  std::size_t bytes_out = 0;    // body bytes
  std::chrono::nanoseconds elapsed{0};  // from the request's first byte to the answer's last
  std::chrono::system_clock::time_point started;
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void answered(const Exchange& exchange) = 0;
  // A request refused before any route saw it: "header_timeout", "body_timeout", "body_too_large",
  // "header_too_large", "bad_framing", "bad_request".
  virtual void rejected(std::string_view reason) = 0;
  // A connection closed at once: "server_full" or "address_full".
  virtual void refused(std::string_view reason) = 0;
  virtual void connections(std::size_t open) = 0;  // the number open, after each change
};

}  // namespace cahub::http
