#pragma once
// Whether a request can be framed without doubt: what the connection decides once Beast has read
// a request's header, and again once it has read its body. Pure functions of the parser's error
// and the header, so that the decisions are tested and fuzzed (tests/fuzz/http_framing.cpp)
// without a socket; http/connection.cpp carries them out.
//
// A request whose length is ambiguous is refused with 400 bad_framing and its connection closes:
// what follows it cannot be told apart from its body, the ground of request smuggling
// (RFC 9112 §6.3, §11.2).

#include <cstddef>
#include <string_view>

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/system/error_code.hpp>

namespace cahub::http {

struct FramingVerdict {
  enum class Next {
    Proceed,  // go on: read the body, or hand the request to a route
    Close,    // the client left, or never sent a whole request: nothing to answer
    Refuse,   // answer `status` with the error `reason` and close
  };
  Next next = Next::Proceed;
  int status = 0;           // Refuse only: 400, 413 or 431
  std::string_view reason;  // Refuse only: the error code the client gets ("bad_framing", ...)
  std::string_view message;

  static FramingVerdict proceed() { return {}; }
  static FramingVerdict close() { return {Next::Close, 0, {}, {}}; }
  static FramingVerdict refuse(int status, std::string_view reason, std::string_view message) {
    return {Next::Refuse, status, reason, message};
  }
};

using RequestHeader = boost::beast::http::request_header<boost::beast::http::fields>;

// After Beast's read of the request line and headers: `ec` is its error (none, header_limit,
// body_limit for a Content-Length over the cap, bad_content_length, ...), `head` what it read and
// `header_bytes` how many bytes that took (both looked at only when `ec` is none). The request line
// and headers together must fit `max_header_bytes`, and the transfer coding must be one "chunked",
// in HTTP/1.1.
//
// Beast's own header limit is not enough alone: when the whole header arrives in one read it
// applies the limit to the request line and to the fields apart, so up to twice the limit got
// through, and whether it did depended on how the client's bytes were split into packets (found by
// tests/fuzz/http_framing.cpp). Counting the bytes makes the limit exact either way.
FramingVerdict judge_header(const boost::system::error_code& ec, const RequestHeader& head, std::size_t header_bytes,
                            std::size_t max_header_bytes);

// After Beast's read of the body: over the cap is 413, a broken chunk 400 bad_framing.
FramingVerdict judge_body(const boost::system::error_code& ec);

}  // namespace cahub::http
