#include "cli/bench_http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <sys/socket.h>
#include <sys/time.h>

namespace cahub::cli {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;

BenchHttpClient::BenchHttpClient(Endpoint target, std::chrono::seconds read_timeout)
    : target_(std::move(target)), read_timeout_(read_timeout), socket_(io_) {}

bool BenchHttpClient::connect() {
  boost::system::error_code ec;
  asio::ip::tcp::resolver resolver(io_);
  const auto found = resolver.resolve(target_.host, std::to_string(target_.port), ec);
  if (!ec) asio::connect(socket_, found, ec);
  if (ec) {
    error_ = "cannot connect to " + target_.host + ":" + std::to_string(target_.port) + ": " + ec.message();
    socket_.close(ec);
    return false;
  }
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
  // Blocking reads and writes honour the socket's own timeouts.
  const timeval read{static_cast<time_t>(read_timeout_.count()), 0}, write{10, 0};
  ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &read, sizeof read);
  ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &write, sizeof write);
  buffer_.clear();
  return true;
}

std::optional<BenchHttpClient::Answer> BenchHttpClient::post(const std::string& path, const Headers& headers,
                                                             const std::string& body) {
  if (!socket_.is_open() && !connect()) return std::nullopt;
  bhttp::request<bhttp::string_body> request{bhttp::verb::post, path, 11};
  request.set(bhttp::field::host, target_.host);
  request.set(bhttp::field::content_type, "application/json");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  boost::system::error_code ec;
  bhttp::write(socket_, request, ec);
  bhttp::response<bhttp::string_body> response;
  if (!ec) bhttp::read(socket_, buffer_, response, ec);
  if (ec) {
    error_ = ec.message();
    socket_.close(ec);
    return std::nullopt;
  }
  if (!response.keep_alive()) socket_.close(ec);
  return Answer{static_cast<int>(response.result_int()), std::move(response.body())};
}

}  // namespace cahub::cli
