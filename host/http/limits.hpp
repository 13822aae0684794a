#pragma once
// What one client may take of the server (cahub.toml [server]; docs/configuration.md). Every
// resource a connection holds is bounded: its time in each phase, the bytes it may send, and how
// many connections one address and everyone together may hold open.

#include <chrono>
#include <cstddef>

namespace cahub::http {

struct Limits {
  std::chrono::milliseconds header_timeout{10'000};  // from a request's first byte to its last header line
  std::chrono::milliseconds body_timeout{60'000};    // to read the whole body (4 MB at 1 Mbit/s is 32 s)
  std::chrono::milliseconds idle_timeout{30'000};    // a keep-alive connection with no request begun
  std::chrono::milliseconds write_timeout{30'000};   // to hand an answer to a client that will not read
  std::size_t max_header_bytes = 16 * 1024;          // request line and headers together
  std::size_t max_body_bytes = 4u << 20;             // Content-Length and chunked bodies alike
  std::size_t max_connections = 1024;                // open at once, from everyone
  std::size_t max_connections_per_address = 128;     // open at once from one client address
};

}  // namespace cahub::http
