// The HTTP front's framing (host/http/request_framing.cpp: what answers 400 bad_framing, 413 and
// 431) on any bytes a client could send, read by Beast's parser the way the connection reads them:
// the header first (not eager), then the body, within a header and a body limit, request after
// request on one connection until one is refused or the bytes end. Properties:
//   - a refusal is 400 (bad_framing or bad_request), 413 body_too_large or 431 header_too_large;
//   - a request let through has a request line and headers within the header limit;
//   - a request let through has a length without doubt: no Transfer-Encoding but one "chunked" in
//     HTTP/1.1, never Content-Length beside Transfer-Encoding, every Content-Length (a repeat must
//     repeat the value) exactly the body's size, no body without either, never past the body limit;
//   - its target either parses as origin-form (a path from '/') or the connection refuses it;
//   - what is let through does not depend on how the bytes arrive: whole, or in pieces of 1 to 64
//     bytes, the same requests pass with the same method, target and body, and the connection
//     ends at the same request. How it ends may differ: Beast finds some garbage at once in a
//     whole buffer (400) but only when the header limit is reached (431) or the bytes end (a
//     close) when it arrives byte by byte; either way nothing more is let through.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "fuzz_check.hpp"
#include "http/request.hpp"
#include "http/request_framing.hpp"

// Beast 1.74 asserts `n >= 5` in parse_chunk_header when the line of the last chunk came in an
// earlier read than the rest of the body: the assertion is wrong and the code after it right
// (boostorg/beast#2861, fixed in Boost 1.86). Release builds define NDEBUG and never evaluate it;
// here that one is let pass and every other Boost assertion stays fatal
// (BOOST_ENABLE_ASSERT_HANDLER, tests/fuzz/CMakeLists.txt).
namespace boost {

void assertion_failed_msg(char const* expr, char const* msg, char const* function, char const* file, long line) {
  std::fprintf(stderr, "%s:%ld: %s: Assertion `%s' failed%s%s\n", file, line, function, expr, msg ? ": " : "",
               msg ? msg : "");
  std::abort();
}

void assertion_failed(char const* expr, char const* function, char const* file, long line) {
  if (std::string_view(expr) == "n >= 5" && std::string_view(function).find("parse_chunk_header") != std::string_view::npos)
    return;
  assertion_failed_msg(expr, nullptr, function, file, line);
}

}  // namespace boost

using namespace cahub;
using namespace cahub::http;
using cahub::fuzz::expect;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

namespace {

constexpr std::size_t kHeaderLimit = 512;
constexpr std::size_t kBodyLimit = 256;
// The connection's buffer holds the header limit and a 16 KiB read; here a smaller read, so that a
// full buffer (buffer_overflow: a chunk line too long) is within reach of short inputs.
constexpr std::size_t kBufferLimit = kHeaderLimit + 1024;
constexpr int kMostRequests = 8;

using Parser = bhttp::request_parser<bhttp::string_body>;
std::string_view view(boost::beast::string_view v) { return {v.data(), v.size()}; }

// The client's bytes as they arrive, `piece` at a time, into a buffer of bounded size.
struct Arrival {
  std::string_view rest;
  std::size_t piece;
  std::string buffer;

  bool receive() {
    if (rest.empty() || buffer.size() >= kBufferLimit) return false;
    const std::size_t n = std::min({piece, rest.size(), kBufferLimit - buffer.size()});
    buffer.append(rest.substr(0, n));
    rest.remove_prefix(n);
    return true;
  }
};

// Beast's read loop (read_header / read): parse what is buffered, read more on need_more, put_eof
// when the client's bytes end; a full buffer that still needs more is buffer_overflow. `parsed`
// counts the bytes the parser took, which read_header's handler is given.
error_code read(Parser& parser, Arrival& in, bool header_only, std::size_t& parsed) {
  for (;;) {
    if (header_only ? parser.is_header_done() : parser.is_done()) return {};
    error_code ec;
    if (!in.buffer.empty()) {
      const std::size_t used = parser.put(boost::asio::buffer(in.buffer.data(), in.buffer.size()), ec);
      in.buffer.erase(0, used);
      parsed += used;
      if (ec && ec != bhttp::error::need_more) return ec;
      if (!ec && used > 0) continue;
    }
    if (in.receive()) continue;
    if (!in.rest.empty()) return bhttp::error::buffer_overflow;
    if (!parser.got_some()) return bhttp::error::end_of_stream;
    parser.put_eof(ec);
    return ec;
  }
}

// What one request came to: let through (with what a route would see), closed, or refused.
struct Outcome {
  FramingVerdict::Next next = FramingVerdict::Next::Proceed;
  int status = 0;
  std::string reason, method, target, body;
  bool keep_alive = false;  // whether the connection reads another request after this one's answer
  bool operator==(const Outcome&) const = default;
};

Outcome refused_or_closed(const FramingVerdict& v) {
  Outcome o;
  o.next = v.next;
  o.status = v.status;
  o.reason = std::string(v.reason);
  if (v.next == FramingVerdict::Next::Refuse) {
    const bool known = (v.status == 400 && (v.reason == "bad_framing" || v.reason == "bad_request")) ||
                       (v.status == 413 && v.reason == "body_too_large") ||
                       (v.status == 431 && v.reason == "header_too_large");
    expect(known, "a framing refusal is 400, 413 or 431 with its code", v.reason);
    expect(!v.message.empty(), "a framing refusal says why");
  }
  return o;
}

void check_length_without_doubt(const Parser& parser) {
  const auto& head = parser.get();
  const std::string& body = head.body();
  expect(head.version() == 10 || head.version() == 11, "a request let through is HTTP/1.0 or 1.1");
  expect(body.size() <= kBodyLimit, "a body let through is within the limit");
  std::size_t lengths = 0, codings = 0;
  for (const auto& field : head) {
    if (field.name() == bhttp::field::transfer_encoding) ++codings;
    if (field.name() != bhttp::field::content_length) continue;
    // Repeats of one value are one length (RFC 9110 §8.6 lets a recipient take them so); every
    // one must be the number of body bytes read.
    ++lengths;
    const std::string_view length = view(field.value());
    std::uint64_t n = 0;
    const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), n);
    expect(error == std::errc() && end == length.data() + length.size(), "a Content-Length let through is a number",
           length);
    expect(n == body.size(), "the body is exactly Content-Length bytes", length);
  }
  expect(lengths == 0 || codings == 0, "Content-Length and Transfer-Encoding never both");
  expect(codings <= 1, "at most one Transfer-Encoding");
  if (codings == 1)
    expect(boost::beast::iequals(head[bhttp::field::transfer_encoding], "chunked") && head.version() == 11,
           "the only transfer coding is chunked, in HTTP/1.1");
  if (lengths == 0 && codings == 0) expect(body.empty(), "a request without a length has no body");
}

// One request, as Connection::read_header → on_header → read_body → on_body take it.
Outcome next_request(Arrival& in) {
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(kHeaderLimit));
  parser.body_limit(kBodyLimit);
  parser.eager(false);
  std::size_t header_bytes = 0, body_bytes = 0;
  error_code ec = read(parser, in, true, header_bytes);
  const auto verdict = judge_header(ec, parser.get(), header_bytes, kHeaderLimit);
  if (verdict.next != FramingVerdict::Next::Proceed) return refused_or_closed(verdict);
  expect(header_bytes <= kHeaderLimit, "a header let through is within the limit");
  std::string path;
  NameValues query;
  const std::string_view target = view(parser.get().target());
  if (!parse_target(target, path, query))
    return refused_or_closed(FramingVerdict::refuse(400, "bad_request", "the request target is not a valid path"));
  expect(!path.empty() && path.front() == '/' && path.find('?') == std::string::npos, "a parsed target is a path");
  parser.eager(true);
  ec = read(parser, in, false, body_bytes);
  if (const auto v = judge_body(ec); v.next != FramingVerdict::Next::Proceed) return refused_or_closed(v);
  check_length_without_doubt(parser);
  Outcome o;
  o.method = std::string(view(parser.get().method_string()));
  o.target = std::string(target);
  o.body = parser.get().body();
  o.keep_alive = parser.keep_alive();
  return o;
}

std::vector<Outcome> connection(std::string_view bytes, std::size_t piece) {
  Arrival in{bytes, piece, {}};
  std::vector<Outcome> outcomes;
  while (outcomes.size() < kMostRequests) {
    outcomes.push_back(next_request(in));
    if (outcomes.back().next != FramingVerdict::Next::Proceed || !outcomes.back().keep_alive) break;
  }
  return outcomes;
}

// The same requests let through, and the connection ended at the same request (see above).
bool same_requests(const std::vector<Outcome>& a, const std::vector<Outcome>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i + 1 < a.size(); ++i)
    if (!(a[i] == b[i])) return false;
  const Outcome& x = a.back();
  const Outcome& y = b.back();
  return (x.next == FramingVerdict::Next::Proceed || y.next == FramingVerdict::Next::Proceed) ? x == y : true;
}

std::string shown(const std::vector<Outcome>& outcomes) {
  std::string out;
  for (const Outcome& o : outcomes)
    out += "  " + std::string(o.next == FramingVerdict::Next::Proceed ? "proceed " : o.next == FramingVerdict::Next::Close ? "close " : "refuse ") +
           std::to_string(o.status) + " " + o.reason + " " + o.method + " " + o.target + " body " +
           std::to_string(o.body.size()) + (o.keep_alive ? " keep-alive" : "") + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::vector<Outcome> whole = connection(bytes, bytes.size() + 1);
  const std::size_t piece = 1 + (size == 0 ? 0 : data[size - 1] % 64);
  const std::vector<Outcome> pieces = connection(bytes, piece);
  expect(same_requests(whole, pieces), "the requests let through do not depend on how the bytes arrive",
         "whole:\n" + shown(whole) + "in pieces of " + std::to_string(piece) + ":\n" + shown(pieces));
  return 0;
}
