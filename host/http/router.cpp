#include "http/router.hpp"

#include <stdexcept>

#include "http/error_body.hpp"

namespace cahub::http {
namespace {

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 1;  // past the leading '/'
  for (;;) {
    const std::size_t slash = path.find('/', start);
    out.emplace_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}
bool is_rest(const std::string& segment) { return is_param(segment) && segment[segment.size() - 2] == '*'; }
std::string param_name(const std::string& segment) {
  return segment.substr(1, segment.size() - (is_rest(segment) ? 3 : 2));
}

// Whether `path` fits `route`; its parameters (decoded) go into `params`.
bool fits(const Router::Route& route, std::string_view path, NameValues& params) {
  params.clear();
  std::size_t at = 1;
  for (std::size_t i = 0; i < route.segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (at > path.size()) return false;
    const bool last = i + 1 == route.segments.size();
    std::size_t end = path.find('/', at);
    if (is_rest(want) || end == std::string_view::npos) end = path.size();
    if (last && end != path.size()) return false;
    const std::string_view got = path.substr(at, end - at);
    if (is_param(want)) {
      std::string value;
      if (got.empty() || !percent_decode(got, value, false)) return false;
      if (!is_rest(want) && value.find('/') != std::string::npos) return false;
      params.emplace_back(param_name(want), std::move(value));
    } else if (got != want) {
      return false;
    }
    at = end + 1;
  }
  return at > path.size();
}

}  // namespace

void Router::add(std::string_view method, std::string_view path_template, Handler handler) {
  if (path_template.empty() || path_template.front() != '/')
    throw std::invalid_argument("a route's template starts with '/': " + std::string(path_template));
  Route route{std::string(method), std::string(path_template), split(path_template), std::move(handler)};
  for (std::size_t i = 0; i + 1 < route.segments.size(); ++i)
    if (is_rest(route.segments[i]))
      throw std::invalid_argument("{name*} can only end a route's template: " + std::string(path_template));
  routes_.push_back(std::move(route));
}

const Router::Route* Router::match(std::string_view method, std::string_view path, NameValues& params) const {
  for (const Route& route : routes_)
    if (route.method == method && fits(route, path, params)) return &route;
  return nullptr;
}

std::string_view Router::dispatch(Request& request, Response& response) const {
  const bool head = request.method == "HEAD";
  const Route* route = match(head ? "GET" : request.method, request.path, request.path_params);
  if (!route) {
    set_error(response, 404, "not_found", "no such endpoint: " + request.method + " " + request.path);
    return {};
  }
  try {
    route->handler(request, response);
  } catch (...) {
    response = Response();
    if (!on_exception_) throw;
    on_exception_(request, response, std::current_exception());
  }
  return route->path_template;
}

}  // namespace cahub::http
