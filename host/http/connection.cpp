#include "http/connection.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/error_body.hpp"
#include "http/request_framing.hpp"
#include "http/response_message.hpp"

namespace cahub::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

// Enough for a client that sent a whole body a few MB over the cap before reading the answer
// (most libraries write the body first); an attacker streaming on is cut off after these.
constexpr std::chrono::milliseconds kDrainTime{5000};
constexpr std::size_t kDrainBytes = 8u << 20;
constexpr std::size_t kDrainChunk = 16 * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// Beast 1.74 speaks boost::string_view.
std::string_view view(boost::beast::string_view v) { return {v.data(), v.size()}; }

}  // namespace

Connection::Connection(Server::Impl& server, asio::ip::tcp::socket socket, std::string address)
    : server_(server),
      socket_(std::move(socket)),
      timer_(server.io),
      buffer_(server.limits.max_header_bytes + kDrainChunk),
      address_(std::move(address)) {}

void Connection::start() {
  error_code ignored;
  // An answer goes out in one write; without this it could wait for the client's delayed ACK.
  socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
  wait_for_request();
}

void Connection::stop() {
  if (phase_ == Phase::Working || phase_ == Phase::Writing) return;  // closes after its answer
  close();
}

// Idle until the first byte of a request: only then do the header's deadline and the parser's
// memory begin.
void Connection::wait_for_request() {
  if (server_.stopping) return close();
  if (buffer_.size() > 0) return read_header();  // a pipelined request is already here
  arm(Phase::Idle, server_.limits.idle_timeout);
  socket_.async_wait(asio::ip::tcp::socket::wait_read, [self = shared_from_this()](error_code ec) {
    if (self->phase_ != Phase::Idle) return;
    if (ec) return self->close();
    self->read_header();
  });
}

void Connection::read_header() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(server_.limits.max_header_bytes));
  parser_->body_limit(server_.limits.max_body_bytes);
  request_ = Request();
  request_.remote_addr = address_;
  request_id_.clear();
  method_.clear();
  path_.clear();
  route_.clear();
  actor_.clear();
  bytes_in_ = 0;
  started_ = std::chrono::steady_clock::now();
  started_wall_ = std::chrono::system_clock::now();
  arm(Phase::Header, server_.limits.header_timeout);
  bhttp::async_read_header(socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, std::size_t n) {
    if (self->phase_ == Phase::Header) self->on_header(ec, n);
  });
}

// The request line and headers (`header_bytes` of them), checked before a byte of the body is read.
void Connection::on_header(error_code ec, std::size_t header_bytes) {
  request_id_ = std::to_string(++server_.requests);
  const auto& head = parser_->get();
  const FramingVerdict verdict = judge_header(ec, head, header_bytes, server_.limits.max_header_bytes);
  if (verdict.next != FramingVerdict::Next::Proceed) return carry_out(verdict);
  request_.method = std::string(view(head.method_string()));
  head_ = head.method() == bhttp::verb::head;
  const bool target_read = read_target();
  method_ = request_.method;
  path_ = request_.path;
  if (!target_read) return refuse(400, "bad_request", "the request target is not a valid path");
  if (beast::iequals(head[bhttp::field::expect], "100-continue") && !parser_->is_done()) {
    phase_ = Phase::Body;  // the interim answer is part of reading the body
    asio::async_write(socket_, asio::buffer(kContinue), [self = shared_from_this()](error_code e, std::size_t) {
      if (self->phase_ != Phase::Body) return;
      if (e) return self->close();
      self->read_body();
    });
    return;
  }
  read_body();
}

bool Connection::read_target() {
  const auto& head = parser_->get();
  const std::string_view target = view(head.target());
  if (!parse_target(target, request_.path, request_.query)) {
    request_.path = std::string(target.substr(0, target.find('?')));
    return false;
  }
  for (const auto& field : head) request_.headers.emplace_back(view(field.name_string()), view(field.value()));
  return true;
}

void Connection::read_body() {
  if (parser_->is_done()) return dispatch();
  arm(Phase::Body, server_.limits.body_timeout);
  bhttp::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, std::size_t) {
    if (self->phase_ == Phase::Body) self->on_body(ec);
  });
}

void Connection::on_body(error_code ec) {
  if (const FramingVerdict verdict = judge_body(ec); verdict.next != FramingVerdict::Next::Proceed)
    return carry_out(verdict);
  dispatch();
}

void Connection::carry_out(const FramingVerdict& verdict) {
  if (verdict.next == FramingVerdict::Next::Close) return close();
  refuse(verdict.status, verdict.reason, verdict.message);
}

// Hands the request to a worker; its answer comes back to this thread to be written.
void Connection::dispatch() {
  phase_ = Phase::Working;
  ++deadline_generation_;
  timer_.cancel();
  version_ = parser_->get().version();
  keep_alive_ = parser_->keep_alive();
  request_.body = parser_->release().body();
  bytes_in_ = request_.body.size();
  request_.request_id = request_id_;
  asio::post(server_.pool, [self = shared_from_this(), request = std::move(request_),
                            busy = asio::make_work_guard(server_.io)]() mutable {
    Response response;
    std::string route(self->server_.router.dispatch(request, response));
    asio::post(self->server_.io, [self, response = std::move(response), route = std::move(route)]() mutable {
      self->write(std::move(response), std::move(route));
    });
  });
}

void Connection::write(Response response, std::string route) {
  if (phase_ != Phase::Working) return;
  route_ = std::move(route);
  actor_ = response.actor;
  server_.finish(response);
  const bool keep_alive = keep_alive_ && !server_.stopping;
  out_ = to_message(std::move(response), version_, keep_alive, head_);
  arm(Phase::Writing, server_.limits.write_timeout);
  bhttp::async_write(socket_, out_, [self = shared_from_this(), keep_alive](error_code ec, std::size_t) {
    if (self->phase_ == Phase::Writing) self->on_written(ec, keep_alive);
  });
}

void Connection::on_written(error_code ec, bool keep_alive) {
  observe(out_.result_int(), head_ ? 0 : out_.body().size());
  out_ = {};
  if (ec || !keep_alive) return close();
  wait_for_request();
}

void Connection::arm(Phase phase, std::chrono::milliseconds limit) {
  phase_ = phase;
  const std::uint64_t generation = ++deadline_generation_;
  timer_.expires_after(limit);
  timer_.async_wait([self = shared_from_this(), generation](error_code ec) {
    if (!ec && generation == self->deadline_generation_) self->on_deadline();
  });
}

void Connection::on_deadline() {
  switch (phase_) {
    case Phase::Header:
      return refuse(408, "header_timeout", "the request's headers did not arrive in time");
    case Phase::Body:
      return refuse(408, "body_timeout", "the request's body did not arrive in time");
    case Phase::Writing:
      if (server_.observer) server_.observer->rejected("write_timeout");
      return close();
    case Phase::Idle:
    case Phase::Draining:
      return close();
    case Phase::Working:
    case Phase::Closed:
      return;
  }
}

// Answers at once and ends the connection; the answer is small and the connection has nothing
// else in flight, so one write into the empty socket buffer takes it.
void Connection::refuse(int status, std::string_view reason, std::string_view message) {
  if (server_.observer) server_.observer->rejected(reason);
  Response response;
  set_error(response, status, reason, message);
  server_.finish(response);
  const std::string bytes = to_bytes(to_message(std::move(response), 11, false, false));
  error_code ignored;
  socket_.cancel(ignored);  // a read still pending (a deadline passed mid-request) ends: drain() reads now
  socket_.non_blocking(true, ignored);
  socket_.write_some(asio::buffer(bytes), ignored);
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  observe(status, 0);
  drain();
}

void Connection::drain() {
  if (phase_ != Phase::Draining) {
    arm(Phase::Draining, kDrainTime);
    drained_ = std::make_unique<char[]>(kDrainChunk);
  }
  socket_.async_read_some(asio::buffer(drained_.get(), kDrainChunk),
                          [self = shared_from_this()](error_code ec, std::size_t n) {
                            if (self->phase_ != Phase::Draining) return;
                            self->drained_bytes_ += n;
                            if (ec || self->drained_bytes_ > kDrainBytes) return self->close();
                            self->drain();
                          });
}

void Connection::close() {
  if (phase_ == Phase::Closed) return;
  phase_ = Phase::Closed;
  ++deadline_generation_;
  timer_.cancel();
  error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  // The parser and the drain buffer stay until the connection itself goes: a read cancelled just
  // now still runs its last step, which reads the parser, before its handler sees the abort.
  server_.closed(*this);
}

void Connection::observe(int status, std::size_t bytes_out) {
  if (!server_.observer) return;
  Exchange e;
  e.method = method_;
  e.route = route_;
  e.path = path_;
  e.remote = address_;
  e.request_id = request_id_;
  e.actor = actor_;
  e.status = status;
  e.bytes_in = bytes_in_;
  e.bytes_out = bytes_out;
  e.elapsed = std::chrono::steady_clock::now() - started_;
  e.started = started_wall_;
  server_.observer->answered(e);
}

}  // namespace cahub::http
