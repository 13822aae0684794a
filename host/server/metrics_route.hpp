#pragma once
// GET /metrics: the Prometheus text of observability/metrics.hpp, for a scraper.
//
// Why a token of its own rather than a separate listen address: one port to firewall and proxy,
// and an address of its own on the same machine is still open to anyone with a shell there. Why
// not a staff token: those end after 8 hours and name a person; a scraper is neither. Prometheus
// sends it from a file (`authorization: {credentials_file: ...}`), so the token stays in files
// with 0600 at both ends: `<paths.var>/metrics.token`, made at the first start, or
// $CAHUB_METRICS_TOKEN for containers. A missing or wrong token is 401; metrics.enabled = false
// makes the route 404.

#include <chrono>
#include <filesystem>
#include <string>
#include "store/postgres/store_location.hpp"

namespace cahub::http { class Router; }
namespace cahub::observability { class Metrics; }
namespace cahub::rules { class RuleBook; }
namespace cahub::plugins { class PluginRegistry; }
namespace cahub::store { class GroupCommitter; }

namespace cahub::server {

struct MetricsServices {
  observability::Metrics& metrics;
  std::string token;               // compared in constant time; never empty
  store::StoreLocation store;  // orders by state, counted at each scrape on the worker's connection
  const rules::RuleBook& rule_book;
  const plugins::PluginRegistry& plugins;
  const store::GroupCommitter* committer;  // null: group commit off
  std::chrono::system_clock::time_point started;
};

// $CAHUB_METRICS_TOKEN when set (at least 32 characters), else the token in `var`/metrics.token,
// which is made with 256 random bits and mode 0600 when missing. Throws std::runtime_error, naming
// the file, when it can be neither read nor made, or holds fewer than 32 characters.
std::string metrics_token(const std::filesystem::path& var);

// `services` must outlive the server.
void install_metrics_route(http::Router& routes, const MetricsServices& services);

}  // namespace cahub::server
