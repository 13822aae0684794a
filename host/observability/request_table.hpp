#pragma once
// Every answered HTTP request, by route pattern, method and status: the counts behind
// cahub_http_requests_total and the durations behind cahub_http_request_duration_seconds.
//
// Labels are bounded, because each distinct value is a series kept forever:
// - the route is the pattern the request matched ("/v1/orders/{id}"), never the raw path; even
//   so at most `max_routes` distinct routes get series, later ones count as route="other" (a
//   caller that passed raw paths by mistake would otherwise let any client add series);
// - the method is one of RFC 9110's (and PATCH), else "other": a client chooses the method token;
// - the status is the one the server answered with, so the server bounds it.
//
// One mutex, held for a map lookup and a few increments; nothing is allocated once a route's
// series exist (the lookup takes the route as a string_view).

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "observability/duration_histogram.hpp"

namespace cahub::observability {

class RequestTable {
 public:
  static constexpr std::size_t max_routes = 64;
  static constexpr std::string_view overflow_value = "other";
  // Sorted, so series come out in label order; "other" (lower case) sorts last.
  static constexpr std::array<std::string_view, 10> methods = {
      "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE", "other"};

  // `method` as it is labelled: itself if it is one of `methods` (case-sensitive, as HTTP
  // methods are), else "other".
  static std::string_view method_label(std::string_view method);

  struct Series {
    std::string route;
    std::string_view method;  // one of `methods`
    std::vector<std::pair<int, std::uint64_t>> by_status;  // status ascending
    DurationHistogram durations;
  };

  // Counts one answered request. [thread-safe]
  void record(std::string_view route, std::string_view method, int status,
              std::chrono::nanoseconds elapsed);

  // Every (route, method) that has had a request, sorted by route then method. [thread-safe]
  std::vector<Series> read() const;

 private:
  struct MethodSeries {
    std::vector<std::pair<int, std::uint64_t>> by_status;
    DurationHistogram durations;
  };
  using RouteSeries = std::array<MethodSeries, methods.size()>;

  RouteSeries& route_series(std::string_view route);  // under mutex_

  mutable std::mutex mutex_;
  std::map<std::string, RouteSeries, std::less<>> routes_;
};

}  // namespace cahub::observability
