// The header limit on a real server and socket: max_header_bytes counts the request line and
// headers together, also when a whole request arrives in one packet, and never the body or a
// pipelined request behind it (http/request_framing.hpp says why Beast's own limit is not enough).
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "http/router.hpp"
#include "http/server.hpp"

using namespace cahub::http;
namespace asio = boost::asio;

namespace {

constexpr std::size_t kHeaderLimit = 1024;

// A server on a free local port with one route, POST /echo, that answers the body's size.
class EchoServer {
 public:
  EchoServer() {
    router_.post("/echo", [](const Request& req, Response& res) {
      res.set_content(std::to_string(req.body.size()), "text/plain");
    });
    Limits limits;
    limits.max_header_bytes = kHeaderLimit;
    limits.max_body_bytes = 256 * 1024;
    server_ = std::make_unique<Server>(router_, limits, 1, [](Response&) {}, nullptr);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~EchoServer() {
    server_->stop();
    thread_.join();
  }

  // Sends `bytes` in one write and reads until the server closes: the last request asks it to.
  std::string exchange(const std::string& bytes) const {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)});
    asio::write(socket, asio::buffer(bytes));
    std::string got;
    char chunk[4096];
    boost::system::error_code ec;
    while (!ec) got.append(chunk, socket.read_some(asio::buffer(chunk), ec));
    return got;
  }

 private:
  Router router_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

// A POST whose request line and headers are `header_size` bytes, with `body` after them; `last`
// asks the server to close after answering it.
std::string post_of(std::size_t header_size, const std::string& body, bool last = true) {
  const std::string line = "POST /echo HTTP/1.1\r\nContent-Length: " + std::to_string(body.size()) +
                           (last ? "\r\nConnection: close" : "") + "\r\nX: ";
  return line + std::string(header_size - line.size() - 4, 'a') + "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("a header over max_header_bytes in one packet is 431, even when Beast alone would let it by") {
  const EchoServer server;
  // The request line and the fields are each under the limit, together over it.
  const std::string line = "POST /echo?" + std::string(600, 'q') + " HTTP/1.1\r\n";
  const std::string request = line + "X: " + std::string(600, 'a') + "\r\nContent-Length: 0\r\n\r\n";
  REQUIRE(request.size() > kHeaderLimit);
  const std::string answer = server.exchange(request);
  CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 431"));
  CHECK_THAT(answer, Catch::Contains("header_too_large"));
}

TEST_CASE("the header limit counts neither the body nor a pipelined request sent with it") {
  const EchoServer server;
  const std::string body(100 * 1024, 'b');
  const std::string at_the_limit = server.exchange(post_of(kHeaderLimit, body));
  CHECK_THAT(at_the_limit, Catch::StartsWith("HTTP/1.1 200"));
  CHECK_THAT(at_the_limit, Catch::EndsWith("\r\n\r\n102400"));
  CHECK_THAT(server.exchange(post_of(kHeaderLimit + 1, "")), Catch::StartsWith("HTTP/1.1 431"));

  const std::string two = server.exchange(post_of(kHeaderLimit, "xyz", false) + post_of(kHeaderLimit, "12345"));
  CHECK_THAT(two, Catch::StartsWith("HTTP/1.1 200"));
  CHECK_THAT(two, Catch::Contains("\r\n\r\n3HTTP/1.1 200"));
  CHECK_THAT(two, Catch::EndsWith("\r\n\r\n5"));
}
