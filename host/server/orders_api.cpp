#include "server/orders_api.hpp"

#include <nlohmann/json.hpp>

#include "http/router.hpp"
#include "observability/metrics.hpp"

#include "desk/order_desk.hpp"
#include "domain/date.hpp"
#include "edge/desk_requests.hpp"
#include "edge/json_fields.hpp"
#include "edge/order_request_json.hpp"
#include "orders/certificate_registry.hpp"
#include "orders/order_json.hpp"
#include "pipeline/request_error.hpp"
#include "server/authentication.hpp"
#include "server/staff_api.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"

namespace cahub::server {
namespace {

using nlohmann::json;

void send(http::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

constexpr int kOrderPageDefault = 200;
constexpr int kOrderPageMax = 500;
constexpr int kCertificateListDefault = 100;
constexpr int kCertificateListMax = 500;

// A query parameter's text, bounded: BadRequest "bad_field" naming it when longer.
std::string query_text(const http::Request& req, const char* name, std::size_t max_bytes = 128) {
  std::string text = req.param(name);
  if (text.size() > max_bytes)
    throw pipeline::BadRequest("bad_field", std::string(name) + " is longer than " + std::to_string(max_bytes) + " bytes",
                               name);
  return text;
}

// ?limit=N within 1..max (`fallback` when absent).
int limit_in(const http::Request& req, int fallback, int max) {
  if (!req.has_param("limit")) return fallback;
  const std::string text = query_text(req, "limit", 16);
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(text) < 1 || std::stoi(text) > max)
    throw pipeline::BadRequest("bad_limit", "limit must be a whole number from 1 to " + std::to_string(max), "limit");
  return std::stoi(text);
}

orders::OrderFilter order_filter(const http::Request& req) {
  orders::OrderFilter f;
  if (req.has_param("state")) {
    f.state = orders::parse_state(query_text(req, "state", 32));
    if (!f.state)
      throw pipeline::BadRequest("unknown_state", "unknown state \"" + req.param("state") + "\"", "state");
  }
  f.region = query_text(req, "region", 64);
  f.ca = query_text(req, "ca", 64);
  f.applicant = query_text(req, "applicant", 256);
  return f;
}

// Runs `handler` for a signed-in staff member with a desk on this worker's connection; whatever
// it throws is answered by the one error model (server/authentication.hpp).
template <typename Handler>
http::Handler authenticated(const OrderServices& services, Handler handler) {
  return signed_in_route(services.store, services.committer,
                         [&services, handler](const http::Request& req, http::Response& res, store::SqlStore& db,
                                              store::Committer& writes, const orders::Actor& actor) {
                           desk::OrderDesk desk(services.desk, db, writes);
                           handler(req, res, desk, actor);
                         });
}

json order_with_actions(const orders::Order& order, const orders::Actor& actor) {
  json out = orders::order_json(order);
  // What this caller may do now, and what the order's facts hold back with the reason: the
  // console's buttons (the routes check the same table again when one is pressed).
  out["actions"] = json::array();
  for (const auto a : orders::available_actions(order.state, order.facts(), actor))
    out["actions"].push_back(orders::code_of(a));
  // Issuing or carrying out, which ask the provider (POST .../issue, .../carry_out).
  const auto step = orders::provider_step(order.state, order.facts(), actor);
  out["provider_step"] = !step ? json(nullptr) : json(step == orders::Action::StartIssuing ? "issue" : "carry_out");
  out["held_back"] = json::array();
  for (const auto& held : orders::held_back_actions(order.state, order.facts(), actor))
    out["held_back"].push_back({{"action", orders::code_of(held.action)}, {"code", held.code}, {"message", held.message}});
  return out;
}

void install_session_routes(http::Router& routes, const OrderServices& services) {
  routes.post("/v1/login", guarded([&services](const http::Request& req, http::Response& res) {
    const edge::LoginRequest login = edge::parse_login(edge::parse_object(req.body));
    staff::StaffDirectory directory(worker_store(services.store));
    const staff::Session s = [&] {
      try {
        return services.sign_in.sign_in(directory, login.login, login.password, req.remote_addr,
                                        services.session_lifetime);
      } catch (const CodedError& e) {  // bad_credentials, sign_in_throttled, sign_in_busy, ...
        if (services.metrics) services.metrics->sign_in_refused(e.code());
        throw;
      }
    }();
    send(res, 200, json{{"token", s.token},
                        {"expires_at", s.expires_at},
                        {"staff", {{"login", s.member.login}, {"name", s.member.display_name},
                                   {"role", orders::code_of(s.member.role)},
                                   {"regions", regions_json(s.member.regions)}}}});
  }));
  // Ends the caller's session: the token is refused (401 "bad_token") from then on, however long
  // it had left. The console's 退出 calls this before it forgets the token.
  routes.post("/v1/logout", guarded([&services](const http::Request& req, http::Response& res) {
    store::SqlStore& db = worker_store(services.store);
    const staff::Session session = signed_in_session(req, db);
    res.actor = session.member.login;
    staff::StaffDirectory(db).sign_out(req.header("Authorization").substr(7));
    send(res, 200, json{{"signed_out", true}});
  }));
  // Who the token belongs to and until when, so a console can show it and sign in again in time,
  // and the regions it works in, so the console offers only those.
  routes.get("/v1/me", guarded([&services](const http::Request& req, http::Response& res) {
    const staff::Session session = signed_in_session(req, worker_store(services.store));
    send(res, 200, json{{"login", session.member.login},
                        {"name", session.member.display_name},
                        {"role", orders::code_of(session.member.role)},
                        {"regions", regions_json(session.member.regions)},
                        {"expires_at", session.expires_at}});
  }));
}

void install_order_reads(http::Router& routes, const OrderServices& services) {
  // Every read and act below goes through the desk with the caller's regions: another region's
  // order is 404 as a missing one, lists hold only the caller's regions (desk/order_desk.hpp).
  routes.get("/v1/orders", authenticated(services, [](const http::Request& req, http::Response& res,
                                                      desk::OrderDesk& desk, const orders::Actor& actor) {
    std::optional<orders::OrderCursor> after;
    if (req.has_param("cursor")) {
      after = orders::OrderCursor::parse(query_text(req, "cursor", 64));
      if (!after) throw pipeline::BadRequest("bad_cursor", "cursor is not one this API gave out (next_cursor)", "cursor");
    }
    send(res, 200, orders::order_page_json(desk.list(order_filter(req), after,
                                                     limit_in(req, kOrderPageDefault, kOrderPageMax),
                                                     actor.regions)));
  }));
  routes.get("/v1/orders/{id}", authenticated(services, [](const http::Request& req,
                                                                         http::Response& res, desk::OrderDesk& desk,
                                                                         const orders::Actor& actor) {
    send(res, 200, order_with_actions(desk.get(req.path_param("id"), actor.regions), actor));
  }));
  routes.get("/v1/orders/{id}/events", authenticated(services, [](const http::Request& req,
                                                                                http::Response& res,
                                                                                desk::OrderDesk& desk,
                                                                                const orders::Actor& actor) {
    json events = json::array();
    for (const store::RecordedAuditEvent& r : desk.events(req.path_param("id"), actor.regions))
      events.push_back({{"seq", r.seq}, {"at", r.event.at}, {"actor", r.event.actor}, {"kind", r.event.kind},
                        {"payload", r.event.payload}});
    send(res, 200, json{{"events", std::move(events)}});
  }));
  routes.get("/v1/orders/{id}/materials/{code}/file",
             authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                        const orders::Actor& actor) {
               const orders::MaterialFile file =
                   desk.material_file(req.path_param("id"), req.path_param("code"), actor.regions);
               res.status = 200;
               res.set_header("Content-Disposition", "attachment; filename=\"" + file.sha256.substr(0, 16) + "-" +
                                                         req.path_param("code") + "\"");
               res.set_header("X-Content-SHA256", file.sha256);
               res.set_content(file.content, file.media_type);
             }));
  routes.get("/v1/orders/{id}/certificate.pem",
             authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                        const orders::Actor& actor) {
               const orders::Order o = desk.get(req.path_param("id"), actor.regions);
               if (!o.certificate || o.certificate->certificate_pem.empty())
                 throw orders::OrderNotFound("order " + o.public_id + " has issued no certificate");
               res.status = 200;
               res.set_header("Content-Disposition", "attachment; filename=\"" + o.certificate->serial + ".pem\"");
               res.set_content(o.certificate->certificate_pem, "application/x-pem-file");
             }));
}

void install_order_writes(http::Router& routes, const OrderServices& services) {
  routes.post("/v1/orders", authenticated(services, [](const http::Request& req, http::Response& res,
                                                       desk::OrderDesk& desk, const orders::Actor& actor) {
    const std::string key = req.header("Idempotency-Key");
    if (key.empty())
      throw pipeline::BadRequest("idempotency_key_required",
                                 "send an Idempotency-Key header, so that a retry creates nothing new");
    const Date today = Date::today_utc8();
    const orders::OrderRequest request = edge::parse_order_request(edge::parse_object(req.body), today);
    const desk::CreateResult created = desk.create(request, key, actor, today);
    send(res, created.created ? 201 : 200, orders::order_json(created.order));
  }));
  routes.post("/v1/orders/{id}/actions/{action}",
              authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const auto action = orders::parse_action(req.path_param("action"));
                if (!action)
                  throw CodedError(ErrorKind::NotFound, "unknown_action",
                                   "no action \"" + req.path_param("action") + "\"");
                const edge::ActionRequest body = edge::parse_action_request(edge::parse_object(req.body));
                send(res, 200, orders::order_json(desk.act(req.path_param("id"), *action, body, actor)));
              }));
  routes.post("/v1/orders/{id}/materials/{code}",
              authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const edge::MaterialReceipt receipt = edge::parse_material_receipt(edge::parse_object(req.body));
                send(res, 200, orders::order_json(desk.receive_material(req.path_param("id"), req.path_param("code"), actor, receipt)));
              }));
  // The file itself, as the raw request body: PUT .../materials/{code}/file?name=licence.jpg
  routes.put("/v1/orders/{id}/materials/{code}/file",
             authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                        const orders::Actor& actor) {
               send(res, 200, orders::order_json(desk.upload_material(req.path_param("id"), req.path_param("code"), actor,
                                                                      query_text(req, "name", 255), req.body)));
             }));
  routes.post("/v1/orders/{id}/payments",
              authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const edge::PaymentRequest payment = edge::parse_payment(edge::parse_object(req.body));
                send(res, 201, orders::order_json(desk.record_payment(req.path_param("id"), payment, actor)));
              }));
  routes.post("/v1/orders/{id}/terms",
              authenticated(services, [](const http::Request& req, http::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const edge::TermsRequest terms = edge::parse_terms(edge::parse_object(req.body));
                send(res, 200, orders::order_json(desk.set_terms(req.path_param("id"), terms, actor, Date::today_utc8())));
              }));
}

void install_provider_routes(http::Router& routes, const OrderServices& services) {
  // The holder's key: its certificate request in (csr_pem), or, when the provider made the pair,
  // the private key out in this one answer (subscriber_key_pem) and nowhere else. API answers are
  // Cache-Control: no-store (response_headers.cpp), so no cache along the way keeps it either.
  routes.post("/v1/orders/{id}/issue", authenticated(services, [](const http::Request& req, http::Response& res,
                                                                   desk::OrderDesk& desk, const orders::Actor& actor) {
    const edge::IssueRequest issue = edge::parse_issue(edge::parse_object(req.body));
    desk::IssueOutcome outcome = desk.issue(req.path_param("id"), issue.version, actor, issue.csr_pem);
    json answer = orders::order_json(outcome.order);
    if (!outcome.subscriber_key_pem.empty()) answer["subscriber_key_pem"] = std::move(outcome.subscriber_key_pem);
    send(res, 200, answer);
  }));
  routes.post("/v1/orders/{id}/carry_out", authenticated(services, [](const http::Request& req, http::Response& res,
                                                                       desk::OrderDesk& desk,
                                                                       const orders::Actor& actor) {
    const std::int64_t version = edge::parse_version(edge::parse_object(req.body));
    send(res, 200, orders::order_json(desk.carry_out(req.path_param("id"), version, actor)));
  }));
}

void install_registry_routes(http::Router& routes, const OrderServices& services) {
  // The registry with what a clerk asks next about each certificate: how long it has left and
  // whether a renewal would be accepted today.
  routes.get("/v1/certificates", authenticated(services, [](const http::Request& req, http::Response& res,
                                                            desk::OrderDesk& desk, const orders::Actor& actor) {
    orders::CertificateFilter f;
    f.any = query_text(req, "q");
    f.ca = query_text(req, "ca", 64);
    f.status = query_text(req, "status", 32);
    if (!f.status.empty() && f.status != "active" && f.status != "frozen" && f.status != "revoked" &&
        f.status != "expired")
      throw pipeline::BadRequest("unknown_status", "unknown certificate status \"" + f.status +
                                                       "\" (one of: active, frozen, revoked, expired)", "status");
    const int limit = limit_in(req, kCertificateListDefault, kCertificateListMax);
    const Date today = Date::today_utc8();
    json certificates = json::array();
    for (const orders::RegisteredCertificate& c : desk.certificates(f, limit, actor.regions)) {
      json item = c.to_json();
      // 0 on the last valid day, negative once expired; the schema keeps not_after a real date.
      item["days_left"] = Date::parse(c.not_after).value_or(today) - today;
      // Only an active certificate can be renewed; a frozen or revoked one needs another business first.
      item["renewal"] = c.status == "active" ? desk.renewal_outlook(c, today) : json(nullptr);
      certificates.push_back(std::move(item));
    }
    send(res, 200, json{{"certificates", std::move(certificates)}, {"today", today.iso()}});
  }));
  // The whole chain holds every region's events (its count and the first bad one tell of them):
  // for staff of all regions, as every account was before regions existed, whatever the role.
  routes.get("/v1/audit/verify", authenticated(services, [](const http::Request&, http::Response& res,
                                                            desk::OrderDesk& desk, const orders::Actor& actor) {
    if (!actor.regions.is_all())
      throw CodedError(ErrorKind::Forbidden, "forbidden",
                       actor.login + " works in some regions and may not verify the whole audit chain, which holds "
                                     "every region's events: staff of all regions may");
    const store::AuditVerdict v = desk.verify_audit();
    json out = {{"intact", v.intact}, {"events", v.events}};
    if (!v.intact) {
      out["first_bad_seq"] = v.first_bad_seq;
      out["problem"] = v.problem;
    }
    send(res, 200, out);
  }));
}

}  // namespace

void install_order_routes(http::Router& routes, const OrderServices& services) {
  install_session_routes(routes, services);
  install_order_reads(routes, services);
  install_order_writes(routes, services);
  install_provider_routes(routes, services);
  install_registry_routes(routes, services);
  install_staff_routes(routes, services);
}

}  // namespace cahub::server
