#include "server/http_api.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "domain/date.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/rule_book.hpp"
#include "server/authentication.hpp"

namespace cahub::server {
namespace {

using nlohmann::json;

template <typename Json> void send_json(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  send_json(res, status, json{{"error", {{"code", code}, {"message", message}}}});
}

// Answers 401 unless a staff member is signed in.
bool staff_only(const ApiServices& services, const httplib::Request& req, httplib::Response& res) {
  return signed_in(req, res, worker_connection(services.database)).has_value();
}

bool wants_explain(const httplib::Request& req) {
  if (!req.has_param("explain")) return false;
  const std::string v = req.get_param_value("explain");
  return v.empty() || v == "1" || v == "true";
}

}  // namespace

void install_routes(httplib::Server& server, const ApiServices& services, std::size_t max_body_bytes) {
  server.set_payload_max_length(max_body_bytes);

  server.Get("/healthz", [&services](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, json{{"status", "ok"},
                             {"regions", services.rule_book.ids().size()},
                             {"plugins", services.plugins.ids().size()}});
  });

  server.Post("/v1/quote", [&services](const httplib::Request& req, httplib::Response& res) {
    if (!staff_only(services, req, res)) return;
    json body;
    try {
      body = json::parse(req.body);
    } catch (const json::parse_error& e) {
      send_error(res, 400, "malformed_json", std::string("the request body is not valid JSON: ") + e.what());
      return;
    }
    try {
      QuoteRequest request = pipeline::parse_quote_request(body, Date::today_utc8());
      pipeline::QuoteContext ctx = services.quotes.run(std::move(request));
      send_json(res, 200, pipeline::quote_to_json(ctx, wants_explain(req)));
    } catch (const pipeline::BadRequest& e) {
      send_error(res, 400, e.code(), e.what());
    } catch (const pipeline::StageFailure& e) {
      spdlog::error("quote failed in {}: {}", e.stage(), e.what());
      send_error(res, 500, e.stage() + "_failed", e.what());
    }
  });

  server.Get("/v1/plugins", [&services](const httplib::Request& req, httplib::Response& res) {
    if (!staff_only(services, req, res)) return;
    send_json(res, 200, services.plugins.describe());
  });

  server.Get("/v1/rules", [&services](const httplib::Request& req, httplib::Response& res) {
    if (!staff_only(services, req, res)) return;
    send_json(res, 200, services.rule_book.describe());
  });

  // Whatever escapes a handler is a bug; the client still gets JSON and the server goes on.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    spdlog::error("{} {}: {}", req.method, req.path, what);
    send_error(res, 500, "internal_error", what);
  });

  // httplib answers 404 and 413 itself; give those bodies the same JSON shape.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) send_error(res, 404, "not_found", "no such endpoint: " + req.method + " " + req.path);
    else if (res.status == 413) send_error(res, 413, "body_too_large", "the request body is larger than allowed");
    else send_error(res, res.status, "http_" + std::to_string(res.status), "request failed");
  });
}

}  // namespace cahub::server
