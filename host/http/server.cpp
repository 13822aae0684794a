#include "http/server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <spdlog/spdlog.h>

#include "http/connection.hpp"
#include "http/error_body.hpp"
#include "http/response_message.hpp"

namespace cahub::http {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

// Written at once to a connection the gate turned away; it has sent nothing yet, so its socket
// buffer is empty and one write takes the answer.
void turn_away(tcp::socket& socket, std::string_view reason, const std::function<void(Response&)>& finish) {
  Response response;
  set_error(response, 503, reason,
            reason == "address_full" ? "too many connections are open from your address; close some and try again"
                                     : "the server has too many connections open; try again shortly");
  response.set_header("Retry-After", "1");
  finish(response);
  const std::string bytes = to_bytes(to_message(std::move(response), 11, false, false));
  error_code ignored;
  socket.non_blocking(true, ignored);
  socket.write_some(asio::buffer(bytes), ignored);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept([this](error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // Out of file descriptors, say: every try would fail at once, so wait a moment rather than
      // spin, while the open connections go on being served.
      spdlog::warn("cannot accept a connection: {}; trying again in 100 ms", ec.message());
      retry.expires_after(std::chrono::milliseconds(100));
      retry.async_wait([this](error_code e) {
        if (!e) accept();
      });
      return;
    }
    error_code no_peer;
    const tcp::endpoint peer = socket.remote_endpoint(no_peer);
    if (!no_peer) admit(std::move(socket), peer.address().to_string());
    accept();
  });
}

void Server::Impl::admit(tcp::socket socket, const std::string& address) {
  const std::string_view refused = gate.admit(address);
  if (!refused.empty()) {
    if (observer) observer->refused(refused);
    return turn_away(socket, refused, finish);
  }
  auto connection = std::make_shared<Connection>(*this, std::move(socket), address);
  open.emplace(connection.get(), connection);
  if (observer) observer->connections(gate.open());
  connection->start();
}

void Server::Impl::closed(Connection& c) {
  gate.release(c.address());
  open.erase(&c);  // the caller holds its own reference: c lives until its handler returns
  if (observer) observer->connections(gate.open());
}

Server::Server(const Router& router, Limits limits, unsigned workers, std::function<void(Response&)> finish,
               Observer* observer)
    : impl_(std::make_unique<Impl>(router, limits, workers, std::move(finish), observer)) {}

Server::~Server() { impl_->pool.join(); }

int Server::bind(const std::string& address, int port) {
  tcp::resolver resolver(impl_->io);
  const auto found = resolver.resolve(address, std::to_string(port), tcp::resolver::numeric_service);
  const tcp::endpoint endpoint = *found.begin();
  tcp::acceptor& a = impl_->acceptor;
  a.open(endpoint.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  a.bind(endpoint);
  // The kernel's own bound (somaxconn): a burst of clients waits in the queue, not refused.
  a.listen(asio::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void Server::run() {
  impl_->accept();
  impl_->io.run();
  impl_->pool.join();  // the routes still running finish before run() returns
}

void Server::stop() {
  asio::post(impl_->io, [impl = impl_.get()] {
    if (impl->stopping) return;
    impl->stopping = true;
    error_code ignored;
    impl->acceptor.close(ignored);
    impl->retry.cancel();
    const auto open = impl->open;  // stop() may close them, and closing forgets them
    for (const auto& entry : open) entry.second->stop();
  });
}

}  // namespace cahub::http
