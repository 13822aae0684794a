#pragma once
// What the server and its connections share (server.cpp, connection.cpp); not for routes.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <memory>
#include <unordered_map>

#include "http/connection_gate.hpp"
#include "http/server.hpp"

namespace cahub::http {

class Connection;

struct Server::Impl {
  Impl(const Router& r, Limits l, unsigned workers, std::function<void(Response&)> f, Observer* o)
      : router(r), limits(l), finish(std::move(f)), observer(o), pool(workers), acceptor(io), retry(io),
        gate(l.max_connections, l.max_connections_per_address) {}

  const Router& router;
  const Limits limits;
  const std::function<void(Response&)> finish;
  Observer* const observer;

  boost::asio::io_context io{1};
  boost::asio::thread_pool pool;
  boost::asio::ip::tcp::acceptor acceptor;
  boost::asio::steady_timer retry;  // accept() again after a failure
  ConnectionGate gate;                                                  // I/O thread only
  std::unordered_map<Connection*, std::shared_ptr<Connection>> open;  // I/O thread only
  bool stopping = false;                                                // I/O thread only
  std::uint64_t requests = 0;                                           // I/O thread only: request ids

  void accept();
  void admit(boost::asio::ip::tcp::socket socket, const std::string& address);
  void closed(Connection& c);  // a connection is done: forget it, free its place
};

}  // namespace cahub::http
