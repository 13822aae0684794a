#pragma once
// The one error shape of every answer, the ones the server gives by itself (no route, a body too
// large, a deadline passed, the server full) included: {"error": {"code": "...", "message": "..."}}.

#include <string_view>

#include "http/response.hpp"

namespace cahub::http {

void set_error(Response& response, int status, std::string_view code, std::string_view message);

}  // namespace cahub::http
