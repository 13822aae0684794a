#pragma once
// The HTTP API as `cahub serve` runs it: the quote, plugin and rules routes, the order routes and
// the console on one http::Server (its I/O thread, its pool of worker threads and its limits), and
// the committer that order writes go through (store.group_commit). Built in one place so that
// `cahub bench orders` measures exactly what `cahub serve` answers with.

#include <functional>
#include <memory>
#include <vector>

#include "config/config.hpp"
#include "desk/order_desk.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "observability/metrics.hpp"
#include "orders/working_days.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "server/http_api.hpp"
#include "server/metrics_route.hpp"
#include "server/orders_api.hpp"
#include "server/request_observer.hpp"
#include "server/rules_api.hpp"
#include "store/group_commit.hpp"
#include "store/postgres/store_location.hpp"

namespace cahub::cli {

class ApiService {
 public:
  // `rule_book` and `plugins` must outlive the service; the store at `location` is opened and
  // migrated already. On SQLite with store.group_commit on, a writer thread with its own connection
  // starts here; on PostgreSQL each worker's transactions commit side by side, on its own
  // connection (server/authentication.hpp, worker_store).
  // `shared_health` is what /healthz reports for a PostgreSQL store (store/postgres/pg_watch.hpp);
  // for the SQLite file it is the file's own DatabaseHealth.
  ApiService(const config::Config& cfg, const rules::RuleBook& rule_book, const plugins::PluginRegistry& plugins,
             const store::StoreLocation& location,
             std::shared_ptr<const store::DatabaseHealth> shared_health = nullptr);

  // Bind, run and stop it here; run() must have returned before the service is destroyed.
  http::Server& http() { return *http_; }
  // Finishes the orders a previous run left waiting for their provider (a crash between asking and
  // recording; desk/provider_steps.cpp), as "system", before the first request is answered. On a
  // store other hosts share, only those untouched for 15 minutes (OrderDesk::reconcile).
  std::vector<desk::Reconciled> reconcile(store::SqlStore& store);

  // What the server counts (GET /metrics); hot reload reports its reloads here too.
  observability::Metrics& metrics() { return metrics_; }

  // Heard after a rule release was published or withdrawn through this service (rules.source =
  // "store"): `cahub serve` reloads its book at once. Set before serving.
  void on_rules_published(std::function<void()> reload) { rules_published_ = std::move(reload); }
  // The group committer, or null when order writes commit on each worker's own connection.
  const store::GroupCommitter* group_committer() const { return committer_.get(); }

 private:
  pipeline::QuotePipeline quotes_;
  server::ApiServices services_;
  orders::WorkingCalendar calendar_;
  std::unique_ptr<store::GroupCommitter> committer_;
  staff::SignInGuard sign_in_;
  observability::Metrics metrics_;
  server::RequestObserver observer_;
  server::OrderServices order_services_;
  std::function<void()> rules_published_;
  releases::EvaluationTurns evaluation_turns_;
  server::ReleaseApiServices release_services_;
  std::unique_ptr<server::MetricsServices> metrics_services_;  // null: metrics.enabled = false
  http::Router routes_;
  std::unique_ptr<http::Server> http_;  // last: destroyed first, before anything its routes refer to
};

}  // namespace cahub::cli
