#pragma once
// The HTTP/1.1 server of `cahub serve`: event-driven I/O on one thread (Boost.Beast on Asio), the
// routes run on a fixed pool of worker threads.
//
// Why this shape (docs/architecture.md § The HTTP front): a connection costs a socket and a few
// kilobytes, not a thread, so slow or idle clients cannot take the workers from the others; and the
// routes, which block on SQLite, Lua and password hashes, never hold up reading and writing. Each
// worker keeps its own database connection and Lua state (store/database.hpp), so their number is
// fixed. One I/O thread is enough here: parsing and writing are a few microseconds a request, and
// with one thread a connection's steps never run at once, so they need no strand.
//
// Every request is read whole within the limits (http/limits.hpp) before a worker sees it.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/limits.hpp"
#include "http/observer.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace cahub::http {

class Server {
 public:
  // `finish` is given every answer just before it is written, the server's own refusals
  // included (the security headers). `router`, `finish`'s captures and `observer` (may be null)
  // must outlive the server.
  Server(const Router& router, Limits limits, unsigned workers, std::function<void(Response&)> finish,
         Observer* observer);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Listens on `address`:`port` (0: a free port) and returns the port; throws std::system_error.
  int bind(const std::string& address, int port);
  // Serves on the calling thread until stop(), then lets the requests in flight finish.
  void run();
  // From any thread, a signal handler's thread included: stop accepting, close idle connections,
  // end the others after their answer.
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cahub::http
