#include "server/http_api.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "domain/date.hpp"
#include "domain/labels.hpp"
#include "edge/json_fields.hpp"
#include "http/error_body.hpp"
#include "http/router.hpp"
#include "identifiers/mobile.hpp"
#include "identifiers/postcode.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "plugins/provider_requests.hpp"
#include "rules/rule_book.hpp"
#include "server/authentication.hpp"
#include "store/database_health.hpp"

namespace cahub::server {
namespace {

using nlohmann::json;

template <typename Json> void send_json(http::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}


// The signed-in staff member; StaffError (401) unless one is.
orders::Actor staff_only(const ApiServices& services, const http::Request& req) {
  return signed_in(req, worker_store(services.store));
}

// The book's description with only the regions `regions` covers: a clerk's console offers no
// region the clerk cannot quote or order in.
template <typename Json> Json only_covered(Json book, const orders::RegionScope& regions) {
  if (regions.is_all()) return book;
  Json kept = Json::array();
  for (auto& region : book["regions"])
    if (regions.covers(region.at("id").template get<std::string>())) kept.push_back(std::move(region));
  book["regions"] = std::move(kept);
  return book;
}

bool wants_explain(const http::Request& req) {
  if (!req.has_param("explain")) return false;
  const std::string v = req.param("explain");
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

}  // namespace

void install_routes(http::Router& routes, const ApiServices& services) {
  // Whatever escapes a handler is a bug: internal_error with an incident id, the detail in the
  // log; the client still gets JSON and the server goes on.
  routes.on_exception([](const http::Request& req, http::Response& res, std::exception_ptr error) {
    answer_error(req, res, error);
  });

  routes.get("/healthz", [&services](const http::Request&, http::Response& res) {
    // A probe must see a lost database: the server would otherwise answer 200 while every write
    // fails or goes to a deleted file.
    if (services.store_health && !services.store_health->sound()) {
      const store::StoreUnavailable refusal(services.store_health->condition());
      send_json(res, 503, json{{"status", "unavailable"},
                               {"store", std::string(store::code_of(refusal.condition()))},
                               {"error", {{"code", refusal.code()}, {"message", refusal.what()}}}});
      return;
    }
    send_json(res, 200, json{{"status", "ok"},
                             {"regions", services.rule_book.ids().size()},
                             {"plugins", services.plugins.ids().size()}});
  });

  routes.post("/v1/quote", guarded([&services](const http::Request& req, http::Response& res) {
    const orders::Actor actor = staff_only(services, req);
    QuoteRequest request = pipeline::parse_quote_request(edge::parse_object(req.body), Date::today_utc8());
    orders::require_region(actor.regions, request.region);  // 403 region_not_yours
    pipeline::QuoteContext ctx = services.quotes.run(std::move(request));
    send_json(res, 200, pipeline::quote_to_json(ctx, wants_explain(req)));
  }));

  routes.get("/v1/plugins", guarded([&services](const http::Request& req, http::Response& res) {
    staff_only(services, req);
    send_json(res, 200, services.plugins.describe());
  }));

  // What a relying party checks a certificate against: the CA's root and its current CRL (PEM), open
  // to anyone, as a CRL distribution point is. On a shared store every host answers the same CRL:
  // one CA, its state in the database (issue 17).
  routes.get("/v1/cas/{ca}/{pem}", guarded([&services](const http::Request& req, http::Response& res) {
    const std::string ca = req.path_param("ca"), file = req.path_param("pem");
    if (!services.plugins.find(ca)) {
      http::set_error(res, 404, "unknown_ca", "no CA \"" + ca + "\" is loaded");
      return;
    }
    if (file != "root.pem" && file != "crl.pem") {
      http::set_error(res, 404, "not_found", "a CA publishes root.pem and crl.pem");
      return;
    }
    const plugins::ProviderClient::Publication p = plugins::ProviderClient(services.plugins, ca).publication();
    res.set_content(file == "crl.pem" ? p.crl_pem : p.root_pem, "application/x-pem-file");
  }));

  routes.get("/v1/rules", guarded([&services](const http::Request& req, http::Response& res) {
    const orders::Actor actor = staff_only(services, req);
    send_json(res, 200, only_covered(services.rule_book.describe(), actor.regions));
  }));

  routes.get("/v1/vocabulary", guarded([&services](const http::Request& req, http::Response& res) {
    staff_only(services, req);
    send_json(res, 200, json{{"businesses", labelled_codes<Business>()},
                             {"channels", labelled_codes<Channel>()},
                             {"applicants", labelled_codes<ApplicantKind>()}});
  }));

  // The same checks an order makes at acceptance, so a form can say what to correct before it is
  // sent; an invalid value is an answer (200), not an error.
  routes.get("/v1/identifiers/{kind}", guarded([&services](const http::Request& req, http::Response& res) {
    staff_only(services, req);
    const std::string kind = req.path_param("kind");
    const IdentifierCheck* found = nullptr;
    for (const IdentifierCheck& c : kIdentifierChecks)
      if (c.kind == kind) found = &c;
    if (!found) {
      http::set_error(res, 404, "unknown_identifier_kind",
                 "no identifier kind \"" + kind + "\" (one of: uscc, id_number, mobile, postcode)");
      return;
    }
    if (!req.has_param("value")) {
      http::set_error(res, 400, "value_required", "send the text to check as ?value=...");
      return;
    }
    const identifiers::CheckResult result = found->check(req.param("value"));
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
