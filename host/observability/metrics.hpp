#pragma once
// The server's Prometheus metrics: what the HTTP front counts as it works, and render(), the
// text a scrape of /metrics answers.
//
// Names follow Prometheus' conventions: the `cahub_` prefix, base units (seconds), `_total` on
// counters, and labels only with bounded values (see RequestTable and CappedCounter).
//
//   cahub_http_requests_total{route,method,status}              counter
//   cahub_http_request_duration_seconds{route,method}           histogram
//   cahub_http_requests_rejected_total{reason}                  counter  (refused before routing)
//   cahub_http_open_connections                                 gauge
//   cahub_http_connections_refused_total{reason}                counter
//   cahub_sign_in_refusals_total{reason}                        counter
//   cahub_rule_reloads_total{result="ok"|"failed"}              counter
//   and, from the Snapshot taken at scrape time:
//   cahub_orders{state}, cahub_regions_loaded, cahub_plugins_loaded          gauges
//   cahub_store_commits_total, cahub_store_committed_writes_total,
//   cahub_store_failed_writes_total (counters), cahub_store_largest_batch (gauge)  if group commit
//   process_start_time_seconds                                                   if given
//
// The recording calls are made on every request (~5,000/s): each takes one short lock or one
// atomic and allocates nothing once its series exists. render() copies under the locks and
// formats outside them, so a scrape never holds up requests for long.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "observability/capped_counter.hpp"
#include "observability/request_table.hpp"

namespace cahub::observability {

// The group committer's counts (store/group_commit.hpp's Counts), copied by the caller so that
// this library needs nothing of the store.
struct CommitCounts {
  std::uint64_t commits = 0;
  std::uint64_t jobs_committed = 0;
  std::uint64_t jobs_failed = 0;
  std::uint64_t largest_batch = 0;
};

// Gauges the metrics do not own, read by the caller when a scrape comes.
struct Snapshot {
  std::vector<std::pair<std::string, std::int64_t>> orders_by_state;  // any order; repeats add up
  std::optional<CommitCounts> commits;  // absent when group commit is off
  std::int64_t regions = 0;             // region rule scripts loaded
  std::int64_t plugins = 0;             // CA plugins loaded
  std::optional<std::chrono::system_clock::time_point> process_start;
};

class Metrics {
 public:
  // Distinct reasons per reason-labelled counter; more are counted as "other".
  static constexpr std::size_t max_reasons = 32;

  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // One answered request. `route` is the matched route pattern ("/v1/orders/{id}"), never the
  // raw path. [thread-safe, like every member]
  void request_done(std::string_view route, std::string_view method, int status,
                    std::chrono::nanoseconds elapsed);
  // A sign-in refused: "wrong_password", "throttled", "busy", "disabled", ...
  void sign_in_refused(std::string_view reason);
  // A reload of the region rule scripts, successful or not.
  void rules_reloaded(bool ok);
  // A connection refused at accept: "server_full", "address_full", ...
  void connection_refused(std::string_view reason);
  void connection_opened();
  void connection_closed();
  // A request refused before it reached a route: "header_timeout", "body_timeout",
  // "body_too_large", "bad_framing", "header_too_large", ...
  void request_rejected(std::string_view reason);

  // The exposition (Prometheus text format 0.0.4; serve it as exposition_content_type): families
  // in a fixed order, series sorted by their labels.
  std::string render(const Snapshot& snapshot) const;

 private:
  RequestTable requests_;
  CappedCounter requests_rejected_{max_reasons};
  CappedCounter connections_refused_{max_reasons};
  CappedCounter sign_in_refusals_{max_reasons};
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::uint64_t> reloads_ok_{0};
  std::atomic<std::uint64_t> reloads_failed_{0};
};

}  // namespace cahub::observability
