#include "cli/api_service.hpp"

#include <algorithm>
#include <cstdlib>

#include <spdlog/spdlog.h>

#include "server/console_routes.hpp"
#include "server/response_headers.hpp"

namespace cahub::cli {
namespace {

staff::SignInLimits sign_in_limits(const config::SignIn& s) {
  staff::SignInLimits limits;
  limits.failures_per_login = s.failures_per_login;
  limits.failures_per_address = s.failures_per_address;
  limits.window = std::chrono::seconds(s.window_seconds);
  return limits;
}

http::Limits http_limits(const config::Server& s) {
  http::Limits limits;
  limits.header_timeout = std::chrono::milliseconds(s.header_timeout_ms);
  limits.body_timeout = std::chrono::milliseconds(s.body_timeout_ms);
  limits.idle_timeout = std::chrono::milliseconds(s.idle_timeout_ms);
  limits.write_timeout = std::chrono::milliseconds(s.write_timeout_ms);
  limits.max_header_bytes = s.max_header_bytes;
  limits.max_body_bytes = s.max_body_bytes;
  limits.max_connections = s.max_connections;
  limits.max_connections_per_address = s.max_connections_per_address;
  return limits;
}

}  // namespace

ApiService::ApiService(const config::Config& cfg, const rules::RuleBook& rule_book,
                       const plugins::PluginRegistry& plugins, const store::StoreLocation& location,
                       std::shared_ptr<const store::DatabaseHealth> shared_health)
    : quotes_(rule_book, plugins),
      services_{rule_book, plugins, quotes_, location,
                location.shared() ? std::move(shared_health)
                                  : store::DatabaseHealth::of(std::filesystem::absolute(location.file))},
      calendar_(cfg.calendar.holidays, cfg.calendar.workdays),
      // Group commit is SQLite's answer to its one writer; PostgreSQL commits transactions side by side.
      committer_(cfg.store.group_commit && !location.shared()
                     ? std::make_unique<store::GroupCommitter>(store::Database::open(location.file))
                     : nullptr),
      sign_in_(sign_in_limits(cfg.sign_in), {cfg.sign_in.concurrent_checks, cfg.sign_in.queued_checks}),
      observer_(metrics_, cfg.server.access_log),
      order_services_{location, {quotes_, plugins, calendar_}, committer_.get(), sign_in_,
                      std::chrono::minutes(8 * 60), &metrics_},
      // Half the workers at most evaluate rule texts at once: the rest stay free for quotes and orders.
      evaluation_turns_(std::max(1, static_cast<int>(cfg.server.threads) / 2)),
      release_services_{location, committer_.get(),
                        {rule_book, plugins, cfg.rules, cfg.rules_source == "store", &evaluation_turns_, [this] {
                           if (rules_published_) rules_published_();
                         }}} {
  server::install_routes(routes_, services_);
  server::install_order_routes(routes_, order_services_);
  server::install_release_routes(routes_, release_services_);
  server::install_console_routes(routes_);
  const char* shared_token = std::getenv("CAHUB_METRICS_TOKEN");
  if (cfg.metrics.enabled && location.shared() && !(shared_token && *shared_token)) {
    // Hosts sharing a store keep nothing in paths.var (issue 17), and one token per host's folder
    // would give a scraper N tokens to juggle: the operator sets one in the environment of each.
    spdlog::warn("/metrics is off: hosts sharing a PostgreSQL store read its token from $CAHUB_METRICS_TOKEN "
                 "(32 characters or more, the same on every host), and none is set");
  } else if (cfg.metrics.enabled) {
    metrics_services_.reset(new server::MetricsServices{metrics_, server::metrics_token(cfg.paths.var), location,
                                                        rule_book, plugins, committer_.get(),
                                                        std::chrono::system_clock::now()});
    server::install_metrics_route(routes_, *metrics_services_);
  }
  http_ = std::make_unique<http::Server>(routes_, http_limits(cfg.server), cfg.server.threads,
                                         server::add_security_headers, &observer_);
}

std::vector<desk::Reconciled> ApiService::reconcile(store::SqlStore& store) {
  store::DirectCommitter direct(store);
  store::Committer& writes = committer_ ? static_cast<store::Committer&>(*committer_) : direct;
  desk::OrderDesk desk(order_services_.desk, store, writes);
  if (!services_.store.shared()) return desk.reconcile({"system", orders::Role::Admin});
  // Hosts sharing one store: another host may be asking a provider about an order right now, and
  // this one must not return that order from under it. The bundled providers answer within
  // milliseconds, so an order untouched for 15 minutes was left by a host that stopped; the rest
  // are finished by the next host that starts after that, or by a retry of their step.
  constexpr auto kLeftBehind = std::chrono::minutes(15);
  return desk.reconcile({"system", orders::Role::Admin},
                        store::china_time(std::chrono::system_clock::now() - kLeftBehind));
}

}  // namespace cahub::cli
