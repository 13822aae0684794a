#pragma once
// One client connection, from accept to close, as a small state machine on the server's I/O
// thread:
//
//   idle ──first byte──▶ header ──▶ body ──▶ working (a worker runs the route) ──▶ writing ─┐
//    ▲   (idle_timeout)   (header_timeout)  (body_timeout)                   (write_timeout)  │
//    └──────────────────────────── keep-alive ◀─────────────────────────────────────────────┘
//
// One timer bounds whichever phase is current; when it fires the client gets 408 (while sending
// a request) or the connection just closes (idle, or not reading its answer). A request that
// cannot be framed without doubt gets 400 and the connection closes, since what follows it
// cannot be told apart from its body. After such a refusal the connection drains what the client
// is still sending for a moment (bounded in time and bytes) before it closes, so that the client
// reads the refusal rather than a reset (Apache's and nginx's "lingering close").

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "http/server_impl.hpp"

namespace cahub::http {

struct FramingVerdict;  // http/request_framing.hpp

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Server::Impl& server, boost::asio::ip::tcp::socket socket, std::string address);

  const std::string& address() const { return address_; }
  void start();
  // The server is stopping: close now if between requests, else after the answer.
  void stop();

 private:
  enum class Phase { Idle, Header, Body, Working, Writing, Draining, Closed };
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  void wait_for_request();
  void read_header();
  void on_header(boost::system::error_code ec, std::size_t header_bytes);
  void read_body();
  void on_body(boost::system::error_code ec);
  void dispatch();
  void write(Response response, std::string route);
  void on_written(boost::system::error_code ec, bool keep_alive);
  void arm(Phase phase, std::chrono::milliseconds limit);
  void on_deadline();
  void carry_out(const FramingVerdict& verdict);  // close or refuse, as the framing checks decided
  void refuse(int status, std::string_view reason, std::string_view message);
  void drain();
  void close();
  bool read_target();
  void observe(int status, std::size_t bytes_out);

  Server::Impl& server_;
  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer timer_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  boost::beast::http::response<boost::beast::http::string_body> out_;
  std::string address_;
  Phase phase_ = Phase::Idle;
  std::uint64_t deadline_generation_ = 0;
  bool head_ = false;
  unsigned version_ = 11;    // the request's HTTP version and whether it keeps the connection,
  bool keep_alive_ = false;  // read before its message leaves the parser

  Request request_;  // the request in hand, as read so far
  std::unique_ptr<char[]> drained_;  // scratch space, only while draining
  std::size_t drained_bytes_ = 0;

  // What the access log says of the request in hand.
  std::string method_, path_, request_id_, route_, actor_;
  std::size_t bytes_in_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::system_clock::time_point started_wall_;
};

}  // namespace cahub::http
