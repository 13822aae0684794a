// The framing decisions on their own (http/request_framing.hpp): what the connection does after
// Beast read a request's header, and its body. tests/integration/misbehaving_clients_test.cpp
// sends the same requests over a socket; tests/fuzz/http_framing.cpp tries every other.
#include <catch2/catch.hpp>

#include <string>

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/request_framing.hpp"

using namespace cahub::http;
namespace bhttp = boost::beast::http;
using Next = FramingVerdict::Next;

namespace {

constexpr std::size_t kHeaderLimit = 256;

struct Read {
  boost::system::error_code ec;
  RequestHeader head;
  std::size_t bytes = 0;
};

// The request line and headers of `bytes`, as Connection::read_header has Beast read them when
// they arrive in one piece.
Read header_of(const std::string& bytes, std::size_t body_limit = 1024) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(body_limit);
  parser.eager(false);
  Read r;
  r.bytes = parser.put(boost::asio::buffer(bytes), r.ec);
  if (r.ec == bhttp::error::need_more) parser.put_eof(r.ec);
  r.head = parser.get().base();
  return r;
}

FramingVerdict judged(const std::string& bytes, std::size_t body_limit = 1024) {
  const Read r = header_of(bytes, body_limit);
  return judge_header(r.ec, r.head, r.bytes, kHeaderLimit);
}

// A GET whose request line and headers are `size` bytes.
std::string header_of_size(std::size_t size) {
  const std::string head = "GET /x HTTP/1.1\r\nX: ";
  return head + std::string(size - head.size() - 4, 'a') + "\r\n\r\n";
}

}  // namespace

TEST_CASE("a header that frames its request without doubt goes on to the body") {
  CHECK(judged("GET / HTTP/1.1\r\nHost: a\r\n\r\n").next == Next::Proceed);
  CHECK(judged("POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc").next == Next::Proceed);
  CHECK(judged("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").next == Next::Proceed);
  CHECK(judged("POST /x HTTP/1.1\r\nTransfer-Encoding: CHUNKED\r\n\r\n").next == Next::Proceed);
}

TEST_CASE("an ambiguous length is 400 bad_framing") {
  for (const std::string bytes : {
           "POST /x HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",          // conflicting lengths
           "POST /x HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n",  // both
           "POST /x HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",                 // another coding
           "POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
           "POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",                       // no chunks in 1.0
       }) {
    CAPTURE(bytes);
    const FramingVerdict v = judged(bytes);
    CHECK(v.next == Next::Refuse);
    CHECK(v.status == 400);
    CHECK(v.reason == "bad_framing");
    CHECK_FALSE(v.message.empty());
  }
}

TEST_CASE("limits: a header over its cap is 431, a declared body over its cap 413") {
  const FramingVerdict large = judged("GET / HTTP/1.1\r\nX: " + std::string(300, 'a') + "\r\n\r\n");
  CHECK(large.next == Next::Refuse);
  CHECK(large.status == 431);
  CHECK(large.reason == "header_too_large");
  const FramingVerdict body = judged("POST /x HTTP/1.1\r\nContent-Length: 2048\r\n\r\n", 1024);
  CHECK(body.next == Next::Refuse);
  CHECK(body.status == 413);
  CHECK(body.reason == "body_too_large");
}

TEST_CASE("the header limit counts the request line and headers together, however they arrive") {
  // Found by tests/fuzz/http_framing.cpp: in one piece, Beast limits the request line and the
  // fields apart, so a header of up to twice the limit got through; judge_header counts the bytes.
  REQUIRE(header_of(header_of_size(kHeaderLimit + 10)).ec == boost::system::error_code{});  // Beast lets it by
  const FramingVerdict over = judged(header_of_size(kHeaderLimit + 1));
  CHECK(over.next == Next::Refuse);
  CHECK(over.status == 431);
  CHECK(over.reason == "header_too_large");
  CHECK(judged(header_of_size(kHeaderLimit)).next == Next::Proceed);
}

TEST_CASE("garbage is 400 bad_request, and a client gone before a whole header is closed quietly") {
  const FramingVerdict garbage = judged("GET / HTTP/9.9\r\n\r\n");
  CHECK(garbage.next == Next::Refuse);
  CHECK(garbage.status == 400);
  CHECK(garbage.reason == "bad_request");
  CHECK(judged("GET / HTTP/1.1\r\nHost:").next == Next::Close);  // partial_message
  CHECK(judge_header(bhttp::error::end_of_stream, {}, 0, kHeaderLimit).next == Next::Close);
  CHECK(judge_header(boost::asio::error::connection_reset, {}, 0, kHeaderLimit).next == Next::Close);
  CHECK(judge_header(boost::asio::error::operation_aborted, {}, 0, kHeaderLimit).next == Next::Close);
}

TEST_CASE("after the body: over the cap is 413, broken chunks 400 bad_framing, a client gone a close") {
  CHECK(judge_body({}).next == Next::Proceed);
  const FramingVerdict large = judge_body(bhttp::error::body_limit);
  CHECK((large.next == Next::Refuse && large.status == 413 && large.reason == "body_too_large"));
  const FramingVerdict chunks = judge_body(bhttp::error::bad_chunk);
  CHECK((chunks.next == Next::Refuse && chunks.status == 400 && chunks.reason == "bad_framing"));
  CHECK(judge_body(bhttp::error::partial_message).next == Next::Close);
  CHECK(judge_body(boost::asio::error::eof).next == Next::Close);
}
