#include "server/request_observer.hpp"

#include "observability/access_log.hpp"
#include "observability/metrics.hpp"

namespace cahub::server {

RequestObserver::RequestObserver(observability::Metrics& metrics, bool access_log)
    : metrics_(metrics),
      access_log_(access_log ? std::make_unique<observability::AccessLog>(observability::AccessLog::StandardError{})
                             : nullptr) {}

RequestObserver::~RequestObserver() = default;

void RequestObserver::answered(const http::Exchange& e) {
  // A request no route matched is counted under one label, never under its path.
  metrics_.request_done(e.route.empty() ? std::string_view("unmatched") : e.route, e.method, e.status, e.elapsed);
  if (!access_log_) return;
  observability::AccessRecord r;
  r.time = e.started;
  r.remote = e.remote;
  r.method = e.method;
  r.route = e.route;
  r.path = e.path;
  r.status = e.status;
  r.bytes_in = e.bytes_in;
  r.bytes_out = e.bytes_out;
  r.duration = e.elapsed;
  r.request_id = e.request_id;
  if (!e.actor.empty()) r.staff = std::string(e.actor);
  access_log_->append(r);
}

void RequestObserver::rejected(std::string_view reason) { metrics_.request_rejected(reason); }

void RequestObserver::refused(std::string_view reason) { metrics_.connection_refused(reason); }

void RequestObserver::connections(std::size_t open) {
  for (; open_ < open; ++open_) metrics_.connection_opened();
  for (; open_ > open; --open_) metrics_.connection_closed();
}

}  // namespace cahub::server
