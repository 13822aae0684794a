#pragma once
// What the HTTP front reports (http/observer.hpp) turned into metrics and, when
// server.access_log is on, one JSON line a request on standard error.

#include <atomic>
#include <memory>

#include "http/observer.hpp"

namespace cahub::observability {
class AccessLog;
class Metrics;
}  // namespace cahub::observability

namespace cahub::server {

class RequestObserver final : public http::Observer {
 public:
  // `metrics` must outlive the observer.
  RequestObserver(observability::Metrics& metrics, bool access_log);
  ~RequestObserver() override;

  void answered(const http::Exchange& exchange) override;
  void rejected(std::string_view reason) override;
  void refused(std::string_view reason) override;
  void connections(std::size_t open) override;

 private:
  observability::Metrics& metrics_;
  std::unique_ptr<observability::AccessLog> access_log_;
  std::size_t open_ = 0;  // the I/O thread's last count, to tell openings from closings
};

}  // namespace cahub::server
