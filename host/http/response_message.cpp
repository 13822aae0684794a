#include "http/response_message.hpp"

#include <boost/beast/http/write.hpp>

#include <sstream>

namespace cahub::http {

namespace bhttp = boost::beast::http;

Message to_message(Response response, unsigned http_version, bool keep_alive, bool head) {
  Message m{static_cast<bhttp::status>(response.status), http_version};
  for (auto& [name, value] : response.headers) m.set(boost::beast::string_view(name.data(), name.size()), value);
  m.keep_alive(keep_alive);
  m.body() = std::move(response.body);
  m.prepare_payload();
  if (head) {
    const std::size_t length = m.body().size();
    m.body().clear();
    m.content_length(length);
  }
  return m;
}

std::string to_bytes(const Message& message) {
  std::ostringstream out;
  out << message;
  return out.str();
}

}  // namespace cahub::http
