#pragma once
// Which route answers a request. Routes are path templates in OpenAPI's form, so the pattern a
// route is registered with is the path docs/openapi.yaml lists, and the label its metrics and
// access-log lines carry (never the path itself: its ids would make every order its own series):
//
//   "/v1/orders/{id}/materials/{code}"  — each {name} is one non-empty path segment, decoded;
//   "/console/{file*}"                  — a trailing {name*} takes the rest of the path.
//
// A request matching no template is 404 `not_found`; HEAD is answered as GET without the body.
// Whatever escapes a route goes to the exception handler, which must answer.

#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace cahub::http {

using Handler = std::function<void(const Request&, Response&)>;
using ExceptionHandler = std::function<void(const Request&, Response&, std::exception_ptr)>;

class Router {
 public:
  void get(std::string_view path_template, Handler handler) { add("GET", path_template, std::move(handler)); }
  void post(std::string_view path_template, Handler handler) { add("POST", path_template, std::move(handler)); }
  void put(std::string_view path_template, Handler handler) { add("PUT", path_template, std::move(handler)); }
  void add(std::string_view method, std::string_view path_template, Handler handler);
  void on_exception(ExceptionHandler handler) { on_exception_ = std::move(handler); }

  // Runs the route for `request` (its path_params filled in) and returns the template it matched,
  // or "" when none did and `response` is the 404.
  std::string_view dispatch(Request& request, Response& response) const;

  struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;  // the template split at '/'
    Handler handler;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* match(std::string_view method, std::string_view path, NameValues& params) const;

  std::vector<Route> routes_;
  ExceptionHandler on_exception_;
};

}  // namespace cahub::http
