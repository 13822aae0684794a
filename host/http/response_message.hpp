#pragma once
// A Response as Beast writes it: status, headers, Content-Length, Connection.

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

#include "http/response.hpp"

namespace cahub::http {

using Message = boost::beast::http::response<boost::beast::http::string_body>;

// For a HEAD request, the answer GET would give, without its body but with its length.
Message to_message(Response response, unsigned http_version, bool keep_alive, bool head);

// The whole answer as bytes, for the rare answers written at once on a connection being closed.
std::string to_bytes(const Message& message);

}  // namespace cahub::http
