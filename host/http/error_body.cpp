#include "http/error_body.hpp"

#include <nlohmann/json.hpp>

namespace cahub::http {

void set_error(Response& response, int status, std::string_view code, std::string_view message) {
  const nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

}  // namespace cahub::http
