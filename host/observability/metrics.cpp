#include "observability/metrics.hpp"

#include <map>

#include "observability/exposition.hpp"

namespace cahub::observability {
namespace {

using Counts = std::vector<std::pair<std::string, std::uint64_t>>;

void write_requests(ExpositionWriter& out, const std::vector<RequestTable::Series>& all) {
  constexpr std::string_view name = "cahub_http_requests_total";
  out.family(name, "counter", "HTTP requests answered, by route pattern, method and status.");
  for (const RequestTable::Series& series : all) {
    for (const auto& [status, count] : series.by_status) {
      const std::string code = std::to_string(status);
      out.sample(name, {{"route", series.route}, {"method", series.method}, {"status", code}},
                 number_text(count));
    }
  }
}

void write_durations(ExpositionWriter& out, const std::vector<RequestTable::Series>& all) {
  out.family("cahub_http_request_duration_seconds", "histogram",
             "Time taken to answer HTTP requests, by route pattern and method.");
  for (const RequestTable::Series& series : all) {
    const DurationHistogram& h = series.durations;
    const auto cumulative = h.cumulative();
    for (std::size_t i = 0; i < DurationHistogram::bucket_count; ++i) {
      const std::string_view le = DurationHistogram::le_labels[i];
      out.sample("cahub_http_request_duration_seconds_bucket",
                 {{"route", series.route}, {"method", series.method}, {"le", le}},
                 number_text(cumulative[i]));
    }
    out.sample("cahub_http_request_duration_seconds_sum",
               {{"route", series.route}, {"method", series.method}}, number_text(h.sum_seconds()));
    out.sample("cahub_http_request_duration_seconds_count",
               {{"route", series.route}, {"method", series.method}}, number_text(h.count));
  }
}

void write_reasons(ExpositionWriter& out, std::string_view name, std::string_view help,
                   const Counts& counts) {
  out.family(name, "counter", help);
  for (const auto& [reason, count] : counts) {
    out.sample(name, {{"reason", reason}}, number_text(count));
  }
}

void write_reloads(ExpositionWriter& out, std::uint64_t ok, std::uint64_t failed) {
  // Both results always, so that a rate() or an alert on "failed" has a series from the start.
  constexpr std::string_view name = "cahub_rule_reloads_total";
  out.family(name, "counter", "Reloads of the region rule scripts, by result.");
  out.sample(name, {{"result", "failed"}}, number_text(failed));
  out.sample(name, {{"result", "ok"}}, number_text(ok));
}

void write_gauge(ExpositionWriter& out, std::string_view name, std::string_view help,
                 std::int64_t value) {
  out.family(name, "gauge", help);
  out.sample(name, {}, number_text(value));
}

void write_orders(ExpositionWriter& out, const Snapshot& snapshot) {
  // Sorted and summed: a caller that reads states in a different order, or twice, still yields
  // one series per state in a stable order.
  std::map<std::string, std::int64_t> by_state;
  for (const auto& [state, count] : snapshot.orders_by_state) by_state[state] += count;
  out.family("cahub_orders", "gauge", "Orders in the database, by workflow state.");
  for (const auto& [state, count] : by_state) {
    out.sample("cahub_orders", {{"state", state}}, number_text(count));
  }
  write_gauge(out, "cahub_regions_loaded", "Region rule scripts loaded.", snapshot.regions);
  write_gauge(out, "cahub_plugins_loaded", "CA plugins loaded.", snapshot.plugins);
}

void write_store(ExpositionWriter& out, const CommitCounts& c) {
  const auto counter = [&out](std::string_view name, std::string_view help, std::uint64_t value) {
    out.family(name, "counter", help);
    out.sample(name, {}, number_text(value));
  };
  counter("cahub_store_commits_total", "Group commits that succeeded.", c.commits);
  counter("cahub_store_committed_writes_total", "Write jobs made durable by a group commit.",
          c.jobs_committed);
  counter("cahub_store_failed_writes_total", "Write jobs that failed, alone or with their batch.",
          c.jobs_failed);
  write_gauge(out, "cahub_store_largest_batch", "The most write jobs one group commit carried.",
              static_cast<std::int64_t>(c.largest_batch));
}

void write_process(ExpositionWriter& out, std::chrono::system_clock::time_point start) {
  // The start time rather than an uptime, as Prometheus' client libraries expose it: uptime is
  // time() - process_start_time_seconds, and a restart shows as a step.
  // Whole seconds and the fraction apart: scaling the nanosecond count by 1e-9 at once would
  // misstate a time that is a round number of milliseconds (….25 as ….2499997).
  const auto since_epoch = start.time_since_epoch();
  const auto whole = std::chrono::floor<std::chrono::seconds>(since_epoch);
  const auto fraction = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - whole);
  const double seconds =
      static_cast<double>(whole.count()) + static_cast<double>(fraction.count()) / 1e9;
  out.family("process_start_time_seconds", "gauge",
             "Start time of the process since the Unix epoch, in seconds.");
  out.sample("process_start_time_seconds", {}, number_text(seconds));
}

}  // namespace

void Metrics::request_done(std::string_view route, std::string_view method, int status,
                           std::chrono::nanoseconds elapsed) {
  requests_.record(route, method, status, elapsed);
}

void Metrics::sign_in_refused(std::string_view reason) { sign_in_refusals_.add(reason); }

void Metrics::rules_reloaded(bool ok) { ++(ok ? reloads_ok_ : reloads_failed_); }

void Metrics::connection_refused(std::string_view reason) { connections_refused_.add(reason); }

void Metrics::connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }

void Metrics::connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

void Metrics::request_rejected(std::string_view reason) { requests_rejected_.add(reason); }

std::string Metrics::render(const Snapshot& snapshot) const {
  const std::vector<RequestTable::Series> requests = requests_.read();
  ExpositionWriter out;
  write_requests(out, requests);
  write_durations(out, requests);
  write_reasons(out, "cahub_http_requests_rejected_total",
                "HTTP requests refused before routing, by reason.", requests_rejected_.read());
  write_gauge(out, "cahub_http_open_connections", "HTTP connections open now.",
              open_connections_.load(std::memory_order_relaxed));
  write_reasons(out, "cahub_http_connections_refused_total",
                "HTTP connections refused at accept, by reason.", connections_refused_.read());
  write_reasons(out, "cahub_sign_in_refusals_total", "Staff sign-ins refused, by reason.",
                sign_in_refusals_.read());
  write_reloads(out, reloads_ok_.load(), reloads_failed_.load());
  write_orders(out, snapshot);
  if (snapshot.commits) write_store(out, *snapshot.commits);
  if (snapshot.process_start) write_process(out, *snapshot.process_start);
  return out.take();
}

}  // namespace cahub::observability
