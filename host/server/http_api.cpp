#include "server/http_api.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "domain/date.hpp"
#include "edge/json_fields.hpp"
#include "domain/labels.hpp"
#include "identifiers/mobile.hpp"
#include "identifiers/postcode.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/rule_book.hpp"
#include "server/authentication.hpp"
#include "server/response_headers.hpp"

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

// StaffError (401) unless a staff member is signed in.
void staff_only(const ApiServices& services, const httplib::Request& req) {
  (void)signed_in(req, worker_connection(services.database));
}

bool wants_explain(const httplib::Request& req) {
  if (!req.has_param("explain")) return false;
  const std::string v = req.get_param_value("explain");
  return v.empty() || v == "1" || v == "true";
}

// Every code of E with its labels, in code order: the console shows these instead of keeping its
// own copy of the wording.
template <typename E> json labelled_codes() {
  json out = json::array();
  for (const E value : all_codes<E>()) {
    const Label label = label_of(value);
    out.push_back({{"code", code_of(value)}, {"zh", label.zh}, {"en", label.en}});
  }
  return out;
}

// The identifier checks a console may run as the clerk types, by the name the route uses.
struct IdentifierCheck {
  std::string_view kind;
  identifiers::CheckResult (*check)(std::string_view);
};
constexpr IdentifierCheck kIdentifierChecks[] = {{"uscc", identifiers::check_uscc},
                                                 {"id_number", identifiers::check_resident_id},
                                                 {"mobile", identifiers::check_mobile},
                                                 {"postcode", identifiers::check_postcode}};

// Whatever escapes a handler, and what httplib answers by itself, in the one error shape.
void install_error_handlers(httplib::Server& server) {
  // Whatever escapes a handler is a bug: internal_error with an incident id, the detail in the
  // log; the client still gets JSON and the server goes on.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    answer_error(req, res, ep);
  });
  // httplib answers 404 and 413 itself; give those bodies the same JSON shape.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) send_error(res, 404, "not_found", "no such endpoint: " + req.method + " " + req.path);
    else if (res.status == 413) send_error(res, 413, "body_too_large", "the request body is larger than allowed");
    else send_error(res, res.status, "http_" + std::to_string(res.status), "request failed");
  });
}

// Runs after every handler, the error handler and httplib's own answers alike, just before the
// headers are written: so no answer leaves without its security headers (response_headers.hpp).
void install_security_headers(httplib::Server& server) {
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    for (const ResponseHeader& h : headers_for(res.get_header_value("Content-Type"))) {
      const std::string name(h.name);
      // httplib keeps every set_header: a route's own (a download's file name) must not be doubled.
      if (!res.has_header(name.c_str())) res.set_header(name, std::string(h.value));
    }
  });
}

}  // namespace

void install_routes(httplib::Server& server, const ApiServices& services, std::size_t max_body_bytes) {
  server.set_payload_max_length(max_body_bytes);
  install_error_handlers(server);
  install_security_headers(server);

  server.Get("/healthz", [&services](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, json{{"status", "ok"},
                             {"regions", services.rule_book.ids().size()},
                             {"plugins", services.plugins.ids().size()}});
  });

  server.Post("/v1/quote", guarded([&services](const httplib::Request& req, httplib::Response& res) {
    staff_only(services, req);
    QuoteRequest request = pipeline::parse_quote_request(edge::parse_object(req.body), Date::today_utc8());
    pipeline::QuoteContext ctx = services.quotes.run(std::move(request));
    send_json(res, 200, pipeline::quote_to_json(ctx, wants_explain(req)));
  }));

  server.Get("/v1/plugins", guarded([&services](const httplib::Request& req, httplib::Response& res) {
    staff_only(services, req);
    send_json(res, 200, services.plugins.describe());
  }));

  server.Get("/v1/rules", guarded([&services](const httplib::Request& req, httplib::Response& res) {
    staff_only(services, req);
    send_json(res, 200, services.rule_book.describe());
  }));

  server.Get("/v1/vocabulary", guarded([&services](const httplib::Request& req, httplib::Response& res) {
    staff_only(services, req);
    send_json(res, 200, json{{"businesses", labelled_codes<Business>()},
                             {"channels", labelled_codes<Channel>()},
                             {"applicants", labelled_codes<ApplicantKind>()}});
  }));

  // The same checks an order makes at acceptance, so a form can say what to correct before it is
  // sent; an invalid value is an answer (200), not an error.
  server.Get(R"(/v1/identifiers/([a-z_]+))", guarded([&services](const httplib::Request& req, httplib::Response& res) {
    staff_only(services, req);
    const std::string kind = req.matches[1];
    const IdentifierCheck* found = nullptr;
    for (const IdentifierCheck& c : kIdentifierChecks)
      if (c.kind == kind) found = &c;
    if (!found) {
      send_error(res, 404, "unknown_identifier_kind",
                 "no identifier kind \"" + kind + "\" (one of: uscc, id_number, mobile, postcode)");
      return;
    }
    if (!req.has_param("value")) {
      send_error(res, 400, "value_required", "send the text to check as ?value=...");
      return;
    }
    const identifiers::CheckResult result = found->check(req.get_param_value("value"));
    if (result.ok()) {
      send_json(res, 200, json{{"valid", true}});
      return;
    }
    send_json(res, 200, json{{"valid", false},
                             {"code", result.failure->code()},
                             {"message", result.failure->message_en},
                             {"message_zh", result.failure->message_zh}});
  }));
}

}  // namespace cahub::server
