// Metrics as a scraper sees them: every render is checked line by line by exposition_checker,
// then the values that were recorded are read back from the text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "exposition_checker.hpp"
#include "observability/metrics.hpp"

using namespace cahub::observability;
using cahub::observability::testing::check_exposition;
using cahub::observability::testing::Exposition;
using namespace std::chrono_literals;

namespace {

const std::vector<std::string> always = {"cahub_http_requests_total",
                                         "cahub_http_request_duration_seconds",
                                         "cahub_http_requests_rejected_total",
                                         "cahub_http_open_connections",
                                         "cahub_http_connections_refused_total",
                                         "cahub_sign_in_refusals_total",
                                         "cahub_rule_reloads_total",
                                         "cahub_orders",
                                         "cahub_regions_loaded",
                                         "cahub_plugins_loaded"};

// Whether some sample of `name` has `label` equal to `value` (unescaped).
bool has_label(const Exposition& e, const std::string& name, const std::string& label,
               const std::string& value) {
  return std::any_of(e.samples.begin(), e.samples.end(), [&](const auto& s) {
    const auto wanted = std::pair{label, value};
    return s.name == name && std::find(s.labels.begin(), s.labels.end(), wanted) != s.labels.end();
  });
}

}  // namespace

TEST_CASE("a fresh Metrics renders every family in a fixed order, and no store without commits") {
  const Metrics metrics;
  const Exposition e = check_exposition(metrics.render({}));
  CHECK(e.families == always);
  CHECK(e.value("cahub_http_open_connections") == 0);
  CHECK(e.value("cahub_rule_reloads_total{result=\"ok\"}") == 0);
  CHECK(e.value("cahub_rule_reloads_total{result=\"failed\"}") == 0);
  CHECK_FALSE(e.types.count("cahub_store_commits_total"));
  CHECK_FALSE(e.types.count("process_start_time_seconds"));
}

TEST_CASE("family names follow the conventions: counters end in _total, durations in _seconds") {
  const Metrics metrics;
  Snapshot snapshot;
  snapshot.commits = CommitCounts{};
  snapshot.process_start = std::chrono::system_clock::time_point{};
  const Exposition e = check_exposition(metrics.render(snapshot));
  for (const auto& [name, type] : e.types) {
    INFO(name);
    CHECK((name.rfind("cahub_", 0) == 0 || name.rfind("process_", 0) == 0));
    CHECK((type == "counter") == (name.size() > 6 && name.substr(name.size() - 6) == "_total"));
    if (type == "histogram") CHECK(name.substr(name.size() - 8) == "_seconds");
  }
}

TEST_CASE("answered requests are counted by route, method and status, with their durations") {
  Metrics metrics;
  metrics.request_done("/v1/orders/{id}", "GET", 200, 3ms);
  metrics.request_done("/v1/orders/{id}", "GET", 200, 700us);
  metrics.request_done("/v1/orders/{id}", "GET", 404, 20s);
  metrics.request_done("/v1/orders", "POST", 201, 40ms);
  const Exposition e = check_exposition(metrics.render({}));
  const std::string get = "route=\"/v1/orders/{id}\",method=\"GET\"";
  CHECK(e.value("cahub_http_requests_total{" + get + ",status=\"200\"}") == 2);
  CHECK(e.value("cahub_http_requests_total{" + get + ",status=\"404\"}") == 1);
  CHECK(e.value("cahub_http_requests_total{route=\"/v1/orders\",method=\"POST\",status=\"201\"}") ==
        1);
  CHECK(e.value("cahub_http_request_duration_seconds_bucket{" + get + ",le=\"0.001\"}") == 1);
  CHECK(e.value("cahub_http_request_duration_seconds_bucket{" + get + ",le=\"0.005\"}") == 2);
  CHECK(e.value("cahub_http_request_duration_seconds_bucket{" + get + ",le=\"10\"}") == 2);
  CHECK(e.value("cahub_http_request_duration_seconds_bucket{" + get + ",le=\"+Inf\"}") == 3);
  CHECK(e.value("cahub_http_request_duration_seconds_count{" + get + "}") == 3);
  CHECK(e.value("cahub_http_request_duration_seconds_sum{" + get + "}") == Approx(20.0037));
  CHECK_FALSE(e.has("cahub_http_requests_total{route=\"/v1/orders\",method=\"GET\"}"));
}

TEST_CASE("refusals, rejections, reloads and open connections are counted") {
  Metrics metrics;
  metrics.sign_in_refused("wrong_password");
  metrics.sign_in_refused("wrong_password");
  metrics.sign_in_refused("throttled");
  metrics.request_rejected("header_timeout");
  metrics.connection_refused("server_full");
  metrics.rules_reloaded(true);
  metrics.rules_reloaded(true);
  metrics.rules_reloaded(false);
  for (int i = 0; i < 5; ++i) metrics.connection_opened();
  metrics.connection_closed();
  const Exposition e = check_exposition(metrics.render({}));
  CHECK(e.value("cahub_sign_in_refusals_total{reason=\"wrong_password\"}") == 2);
  CHECK(e.value("cahub_sign_in_refusals_total{reason=\"throttled\"}") == 1);
  CHECK(e.value("cahub_http_requests_rejected_total{reason=\"header_timeout\"}") == 1);
  CHECK(e.value("cahub_http_connections_refused_total{reason=\"server_full\"}") == 1);
  CHECK(e.value("cahub_rule_reloads_total{result=\"ok\"}") == 2);
  CHECK(e.value("cahub_rule_reloads_total{result=\"failed\"}") == 1);
  CHECK(e.value("cahub_http_open_connections") == 4);
}

TEST_CASE("label values with backslash, double quote, line feed and bad UTF-8 survive a scrape") {
  Metrics metrics;
  const std::string reason = "a\"b\\c\nd";
  metrics.sign_in_refused(reason);
  metrics.request_done("/x/\"{id}\"\\", "GET", 200, 1ms);
  metrics.connection_refused("bad\xC3");
  const Exposition e = check_exposition(metrics.render({}));
  CHECK(e.value("cahub_sign_in_refusals_total{reason=\"a\\\"b\\\\c\\nd\"}") == 1);
  CHECK(has_label(e, "cahub_sign_in_refusals_total", "reason", reason));
  CHECK(has_label(e, "cahub_http_requests_total", "route", "/x/\"{id}\"\\"));
  CHECK(has_label(e, "cahub_http_connections_refused_total", "reason", "bad\xEF\xBF\xBD"));
}

TEST_CASE("reasons beyond the cap and methods outside HTTP fold into other") {
  Metrics metrics;
  for (int i = 0; i < 100; ++i) metrics.sign_in_refused("reason " + std::to_string(i));
  metrics.request_done("/healthz", "EVIL-METHOD-" + std::string(10, 'x'), 405, 1ms);
  const Exposition e = check_exposition(metrics.render({}));
  const auto reasons = std::count_if(e.samples.begin(), e.samples.end(), [](const auto& s) {
    return s.name == "cahub_sign_in_refusals_total";
  });
  CHECK(reasons == Metrics::max_reasons + 1);
  CHECK(e.value("cahub_sign_in_refusals_total{reason=\"other\"}") == 100 - Metrics::max_reasons);
  CHECK(e.value("cahub_http_requests_total{route=\"/healthz\",method=\"other\",status=\"405\"}") ==
        1);
}

TEST_CASE("the snapshot's gauges render: orders sorted and summed, store counts, start time") {
  const Metrics metrics;
  Snapshot snapshot;
  snapshot.orders_by_state = {{"submitted", 3}, {"approved", 2}, {"submitted", 1}};
  snapshot.commits =
      CommitCounts{.commits = 7, .jobs_committed = 90, .jobs_failed = 2, .largest_batch = 31};
  snapshot.regions = 12;
  snapshot.plugins = 4;
  snapshot.process_start = std::chrono::system_clock::time_point{1'700'000'000s + 250ms};
  const Exposition e = check_exposition(metrics.render(snapshot));
  CHECK(e.value("cahub_orders{state=\"approved\"}") == 2);
  CHECK(e.value("cahub_orders{state=\"submitted\"}") == 4);
  std::vector<std::string> states;
  for (const auto& s : e.samples)
    if (s.name == "cahub_orders") states.push_back(s.labels.at(0).second);
  CHECK(states == std::vector<std::string>{"approved", "submitted"});
  CHECK(e.value("cahub_regions_loaded") == 12);
  CHECK(e.value("cahub_plugins_loaded") == 4);
  CHECK(e.value("cahub_store_commits_total") == 7);
  CHECK(e.value("cahub_store_committed_writes_total") == 90);
  CHECK(e.value("cahub_store_failed_writes_total") == 2);
  CHECK(e.value("cahub_store_largest_batch") == 31);
  CHECK(e.value("process_start_time_seconds") == 1'700'000'000.25);
  CHECK(e.types.at("cahub_store_largest_batch") == "gauge");
}

TEST_CASE("concurrent recording loses nothing, and concurrent scrapes stay valid") {
  Metrics metrics;
  constexpr int threads = 8;
  constexpr int per_thread = 20'000;
  std::atomic<bool> done{false};
  std::atomic<int> scrapes{0}, invalid{0};
  std::thread scraper([&] {
    do {
      try {
        check_exposition(metrics.render({}));
      } catch (const std::exception&) {
        ++invalid;
      }
      ++scrapes;
    } while (!done);
  });
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&metrics, t] {
      for (int i = 0; i < per_thread; ++i) {
        metrics.connection_opened();
        metrics.request_done(i % 2 ? "/v1/orders" : "/v1/orders/{id}", "GET", i % 3 ? 200 : 404,
                             std::chrono::microseconds(i % 5000));
        metrics.sign_in_refused(t % 2 ? "busy" : "throttled");
        metrics.connection_closed();
      }
    });
  }
  for (auto& w : workers) w.join();
  done = true;
  scraper.join();
  const Exposition e = check_exposition(metrics.render({}));
  CHECK(scrapes > 0);
  CHECK(invalid == 0);
  double requests = 0, not_found = 0, counted = 0;
  for (const auto& s : e.samples) {
    if (s.name == "cahub_http_requests_total") requests += s.value;
    if (s.name == "cahub_http_requests_total" && s.labels.at(2).second == "404")
      not_found += s.value;
    if (s.name == "cahub_http_request_duration_seconds_count") counted += s.value;
  }
  CHECK(requests == threads * per_thread);
  CHECK(not_found == threads * ((per_thread + 2) / 3));  // i % 3 == 0
  CHECK(counted == threads * per_thread);
  CHECK(e.value("cahub_sign_in_refusals_total{reason=\"busy\"}") == threads / 2 * per_thread);
  CHECK(e.value("cahub_http_open_connections") == 0);
}
