#include "cli/api_service.hpp"

#include "server/console_routes.hpp"

namespace cahub::cli {
namespace {

staff::SignInLimits sign_in_limits(const config::SignIn& s) {
  staff::SignInLimits limits;
  limits.failures_per_login = s.failures_per_login;
  limits.failures_per_address = s.failures_per_address;
  limits.window = std::chrono::seconds(s.window_seconds);
  return limits;
}

}  // namespace

ApiService::ApiService(const config::Config& cfg, const rules::RuleBook& rule_book,
                       const plugins::PluginRegistry& plugins, const store::Database& database)
    : quotes_(rule_book, plugins),
      services_{rule_book, plugins, quotes_, database.file()},
      calendar_(cfg.calendar.holidays, cfg.calendar.workdays),
      committer_(cfg.store.group_commit ? std::make_unique<store::GroupCommitter>(database.open_another()) : nullptr),
      sign_in_(sign_in_limits(cfg.sign_in), {cfg.sign_in.concurrent_checks, cfg.sign_in.queued_checks}),
      order_services_{database.file(), {quotes_, plugins, calendar_}, committer_.get(), sign_in_} {
  const auto threads = static_cast<std::size_t>(cfg.server.threads);
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // httplib writes an answer's headers and body separately; with Nagle's algorithm on (its
  // default) the body then waits for the client's delayed ACK, up to 40 ms on Linux, on every
  // answer of a keep-alive connection.
  http_.set_tcp_nodelay(true);
  server::install_routes(http_, services_, cfg.server.max_body_bytes);
  server::install_order_routes(http_, order_services_);
  server::install_console_routes(http_);
}

std::vector<desk::Reconciled> ApiService::reconcile(store::Database& database) {
  store::DirectCommitter direct(database);
  store::Committer& writes = committer_ ? static_cast<store::Committer&>(*committer_) : direct;
  desk::OrderDesk desk(order_services_.desk, database, writes);
  return desk.reconcile({"system", orders::Role::Admin});
}

}  // namespace cahub::cli
