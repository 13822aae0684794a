#include "http/request_framing.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>

namespace cahub::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

bool is_http_error(const error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category();
}

// Whether the client just went away (or never sent a whole request): nothing to answer.
bool client_left(const error_code& ec) {
  return !is_http_error(ec) || ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message;
}

}  // namespace

FramingVerdict judge_header(const error_code& ec, const RequestHeader& head, std::size_t header_bytes,
                            std::size_t max_header_bytes) {
  if (ec == bhttp::error::header_limit || (!ec && header_bytes > max_header_bytes))
    return FramingVerdict::refuse(431, "header_too_large", "the request line and headers are larger than allowed");
  if (ec == bhttp::error::body_limit)
    return FramingVerdict::refuse(413, "body_too_large", "the request body is larger than allowed");
  if (ec == bhttp::error::bad_content_length || ec == bhttp::error::bad_transfer_encoding)
    return FramingVerdict::refuse(400, "bad_framing",
                                  "the request's length is ambiguous: conflicting Content-Length, or "
                                  "Content-Length with Transfer-Encoding");
  if (ec && client_left(ec)) return FramingVerdict::close();
  if (ec) return FramingVerdict::refuse(400, "bad_request", "the request could not be read as HTTP/1.1");
  // A transfer coding other than one "chunked" leaves a request's length unknown (RFC 9112 §6.3):
  // whatever follows could be smuggled in as a request of its own.
  const auto coding = head.find(bhttp::field::transfer_encoding);
  if (coding != head.end() && (!beast::iequals(coding->value(), "chunked") || head.version() < 11))
    return FramingVerdict::refuse(400, "bad_framing", "only Transfer-Encoding: chunked is accepted, in HTTP/1.1");
  return FramingVerdict::proceed();
}

FramingVerdict judge_body(const error_code& ec) {
  if (ec == bhttp::error::body_limit)
    return FramingVerdict::refuse(413, "body_too_large", "the request body is larger than allowed");
  if (ec && client_left(ec)) return FramingVerdict::close();
  if (ec) return FramingVerdict::refuse(400, "bad_framing", "the request body's chunks could not be read");
  return FramingVerdict::proceed();
}

}  // namespace cahub::http
