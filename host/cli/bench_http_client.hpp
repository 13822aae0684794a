#pragma once
// The bench's HTTP/1.1 client: one keep-alive connection, plain blocking reads and writes with
// Beast. A client of its own rather than cpp-httplib's, whose every read and write first polls
// the socket (two system calls where one does) and which the product then need not link: with
// the clients in the server's process, what the client costs is taken from the server.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>

namespace cahub::cli {

struct Endpoint {
  std::string host = "127.0.0.1";
  int port = 0;
};

class BenchHttpClient {
 public:
  struct Answer {
    int status = 0;
    std::string body;
  };
  using Headers = std::vector<std::pair<std::string, std::string>>;

  // `read_timeout` bounds each answer (issuing signs a certificate, and on a crowded machine that
  // queues behind everything else).
  explicit BenchHttpClient(Endpoint target, std::chrono::seconds read_timeout = std::chrono::seconds(120));

  // POSTs `body` as JSON; the answer, or nullopt with `error` set when there was none (the
  // connection is then closed, and the next request opens another).
  std::optional<Answer> post(const std::string& path, const Headers& headers, const std::string& body);
  const std::string& error() const { return error_; }

 private:
  bool connect();

  Endpoint target_;
  std::chrono::seconds read_timeout_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
  std::string error_;
};

}  // namespace cahub::cli
