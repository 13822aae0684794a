#include "server/orders_api.hpp"

#include "server/authentication.hpp"

#include <httplib.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "desk/order_desk.hpp"
#include "domain/date.hpp"
#include "orders/certificate_registry.hpp"
#include "orders/order_queue.hpp"
#include "orders/order_store.hpp"
#include "pipeline/request_error.hpp"
#include "staff/staff_directory.hpp"
#include "store/audit_log.hpp"

namespace cahub::server {
namespace {

using nlohmann::json;

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void fail(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  send(res, status, json{{"error", {{"code", code}, {"message", message}}}});
}

std::optional<json> body_of(const httplib::Request& req, httplib::Response& res) {
  try {
    json body = json::parse(req.body.empty() ? "{}" : req.body);
    if (!body.is_object()) {
      fail(res, 400, "malformed_json", "the request body must be a JSON object");
      return std::nullopt;
    }
    return body;
  } catch (const json::parse_error& e) {
    fail(res, 400, "malformed_json", std::string("the request body is not valid JSON: ") + e.what());
    return std::nullopt;
  }
}

// The order's version the caller decided on; answers 400 when the body does not give it.
std::optional<std::int64_t> version_in(const json& body, httplib::Response& res) {
  if (body.contains("version") && body["version"].is_number_integer()) return body["version"].get<std::int64_t>();
  fail(res, 400, "version_required", "send the order's version as you saw it: {\"version\": N}");
  return std::nullopt;
}

constexpr int kCertificateListDefault = 100;
constexpr int kCertificateListMax = 500;

// ?limit=N within 1..max (`fallback` when absent); nullopt when it is not such a number.
std::optional<int> limit_in(const httplib::Request& req, int fallback, int max) {
  if (!req.has_param("limit")) return fallback;
  const std::string text = req.get_param_value("limit");
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int n = std::stoi(text);
  if (n < 1 || n > max) return std::nullopt;
  return n;
}

int status_for_refusal(const std::string& code) {
  if (code == "forbidden" || code == "four_eyes") return 403;
  return 422;
}

// Runs `handler` for a signed-in staff member, mapping every domain error to its status.
template <typename Handler>
httplib::Server::Handler authenticated(const OrderServices& services, Handler handler) {
  return [&services, handler](const httplib::Request& req, httplib::Response& res) {
    store::Database& db = worker_connection(services.database);
    const auto actor = signed_in(req, res, db);
    if (!actor) return;
    try {
      store::DirectCommitter direct(db);
      store::Committer& writes = services.committer ? *services.committer : direct;
      desk::OrderDesk desk(services.desk, db, writes);
      handler(req, res, desk, *actor);
    } catch (const orders::OrderNotFound& e) {
      fail(res, 404, "not_found", e.what());
    } catch (const orders::OrderConflict& e) {
      fail(res, 409, e.code(), e.what());
    } catch (const orders::WorkflowRefusal& e) {
      fail(res, status_for_refusal(e.code()), e.code(), e.what());
    } catch (const pipeline::BadRequest& e) {
      fail(res, 400, e.code(), e.what());
    } catch (const desk::NotEligible& e) {
      send(res, 422, json{{"error", {{"code", e.code()}, {"message", e.what()}}}, {"quote", e.quote()}});
    } catch (const desk::ProviderProblem& e) {
      fail(res, e.code() == "provider_unavailable" ? 503 : e.code() == "certificate_not_found" ? 422 : 502, e.code(),
           e.what());
    } catch (const SQLite::Exception& e) {
      // A CHECK the schema enforces (a transfer without its voucher, an unknown method).
      if (std::string_view(e.what()).find("constraint failed") != std::string_view::npos)
        fail(res, 400, "invalid_value", e.what());
      else
        throw;
    }
  };
}

}  // namespace

void install_order_routes(httplib::Server& server, const OrderServices& services) {
  server.Post("/v1/login", [&services](const httplib::Request& req, httplib::Response& res) {
    const auto body = body_of(req, res);
    if (!body) return;
    try {
      staff::StaffDirectory directory(worker_connection(services.database));
      const staff::Session s =
          directory.sign_in(body->value("login", ""), body->value("password", ""), services.session_lifetime);
      send(res, 200, json{{"token", s.token},
                          {"expires_at", s.expires_at},
                          {"staff", {{"login", s.member.login}, {"name", s.member.display_name},
                                     {"role", orders::code_of(s.member.role)}}}});
    } catch (const staff::StaffError& e) {
      fail(res, 401, e.code(), e.what());
    }
  });

  // Who the token belongs to and until when, so a console can show it and sign in again in time.
  server.Get("/v1/me", [&services](const httplib::Request& req, httplib::Response& res) {
    const auto session = signed_in_session(req, res, worker_connection(services.database));
    if (!session) return;
    send(res, 200, json{{"login", session->member.login},
                        {"name", session->member.display_name},
                        {"role", orders::code_of(session->member.role)},
                        {"expires_at", session->expires_at}});
  });

  server.Post("/v1/orders", authenticated(services, [](const httplib::Request& req, httplib::Response& res,
                                                                desk::OrderDesk& desk, const orders::Actor& actor) {
    const std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty()) {
      fail(res, 400, "idempotency_key_required", "send an Idempotency-Key header, so that a retry creates nothing new");
      return;
    }
    const auto body = body_of(req, res);
    if (!body) return;
    const orders::CreateResult created = desk.create(*body, key, actor, Date::today_utc8());
    send(res, created.created ? 201 : 200, created.order.to_json());
  }));

  server.Get("/v1/orders", authenticated(services, [](const httplib::Request& req, httplib::Response& res,
                                                      desk::OrderDesk& desk, const orders::Actor&) {
    orders::OrderStore::Filter f;
    if (req.has_param("state")) {
      f.state = orders::parse_state(req.get_param_value("state"));
      if (!f.state) {
        fail(res, 400, "unknown_state", "unknown state \"" + req.get_param_value("state") + "\"");
        return;
      }
    }
    f.region = req.get_param_value("region");
    f.ca = req.get_param_value("ca");
    f.applicant = req.get_param_value("applicant");
    send(res, 200, orders::order_queue_json(desk.list(f)));
  }));

  server.Get(R"(/v1/orders/([A-Za-z0-9-]+))", authenticated(services, [](const httplib::Request& req,
                                                                         httplib::Response& res, desk::OrderDesk& desk,
                                                                         const orders::Actor& actor) {
    const orders::OrderRecord order = desk.get(req.matches[1]);
    json out = order.to_json();
    // What this caller may do now, and what the order's facts hold back with the reason: the
    // console's buttons (the routes check the same table again when one is pressed).
    out["actions"] = json::array();
    for (const auto a : orders::available_actions(order.state, order.facts(), actor))
      out["actions"].push_back(orders::code_of(a));
    out["held_back"] = json::array();
    for (const auto& held : orders::held_back_actions(order.state, order.facts(), actor))
      out["held_back"].push_back({{"action", orders::code_of(held.action)}, {"code", held.code}, {"message", held.message}});
    send(res, 200, out);
  }));

  server.Get(R"(/v1/orders/([A-Za-z0-9-]+)/events)", authenticated(services, [](const httplib::Request& req,
                                                                                httplib::Response& res,
                                                                                desk::OrderDesk& desk,
                                                                                const orders::Actor&) {
    json events = json::array();
    for (const store::RecordedAuditEvent& r : desk.events(req.matches[1]))
      events.push_back({{"seq", r.seq}, {"at", r.event.at}, {"actor", r.event.actor}, {"kind", r.event.kind},
                        {"payload", r.event.payload}});
    send(res, 200, json{{"events", std::move(events)}});
  }));

  server.Post(R"(/v1/orders/([A-Za-z0-9-]+)/actions/([a-z_]+))",
              authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const auto action = orders::parse_action(std::string(req.matches[2]));
                if (!action) {
                  fail(res, 404, "unknown_action", "no action \"" + std::string(req.matches[2]) + "\"");
                  return;
                }
                const auto body = body_of(req, res);
                if (!body) return;
                const auto version = version_in(*body, res);
                if (!version) return;
                send(res, 200,
                     desk.act(req.matches[1], *action, *version, actor,
                                body->value("note", ""))
                         .to_json());
              }));

  server.Post(R"(/v1/orders/([A-Za-z0-9-]+)/materials/([a-z0-9_]+))",
              authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const auto body = body_of(req, res);
                if (!body) return;
                std::optional<std::int64_t> bytes;
                if (body->contains("file_bytes") && (*body)["file_bytes"].is_number_integer())
                  bytes = (*body)["file_bytes"].get<std::int64_t>();
                send(res, 200,
                     desk.receive_material(req.matches[1], req.matches[2], actor, body->value("file_name", ""), bytes)
                         .to_json());
              }));

  // The file itself, as the raw request body: PUT .../materials/{code}/file?name=licence.jpg
  server.Put(R"(/v1/orders/([A-Za-z0-9-]+)/materials/([a-z0-9_]+)/file)",
             authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                        const orders::Actor& actor) {
               send(res, 200,
                    desk.upload_material(req.matches[1], req.matches[2], actor, req.get_param_value("name"), req.body)
                        .to_json());
             }));

  server.Get(R"(/v1/orders/([A-Za-z0-9-]+)/materials/([a-z0-9_]+)/file)",
             authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                        const orders::Actor&) {
               const orders::MaterialFile file = desk.material_file(req.matches[1], req.matches[2]);
               res.status = 200;
               res.set_header("Content-Disposition", "attachment; filename=\"" + file.sha256.substr(0, 16) + "-" +
                                                         std::string(req.matches[2]) + "\"");
               res.set_header("X-Content-SHA256", file.sha256);
               res.set_content(file.content, file.media_type);
             }));

  server.Post(R"(/v1/orders/([A-Za-z0-9-]+)/payments)",
              authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const auto body = body_of(req, res);
                if (!body) return;
                if (!body->contains("version") || !(*body)["version"].is_number_integer() ||
                    !body->contains("amount_fen") || !(*body)["amount_fen"].is_number_integer()) {
                  fail(res, 400, "bad_payment", "a payment needs version, method and amount_fen (integer fen)");
                  return;
                }
                orders::PaymentRecord p{body->value("method", ""), (*body)["amount_fen"].get<Fen>(),
                                        body->value("voucher", ""), body->value("adjustment_reason", ""), "", ""};
                send(res, 201,
                     desk.record_payment(req.matches[1], (*body)["version"].get<std::int64_t>(), p, actor)
                         .to_json());
              }));

  server.Post(R"(/v1/orders/([A-Za-z0-9-]+)/issue)",
              authenticated(services, [](const httplib::Request& req, httplib::Response& res,
                                                  desk::OrderDesk& desk, const orders::Actor& actor) {
                const auto body = body_of(req, res);
                if (!body) return;
                const auto version = version_in(*body, res);
                if (!version) return;
                send(res, 200, desk.issue(req.matches[1], *version, actor).to_json());
              }));

  server.Post(R"(/v1/orders/([A-Za-z0-9-]+)/carry_out)",
              authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const auto body = body_of(req, res);
                if (!body) return;
                const auto version = version_in(*body, res);
                if (!version) return;
                send(res, 200,
                     desk.carry_out(req.matches[1], *version, actor).to_json());
              }));

  server.Post(R"(/v1/orders/([A-Za-z0-9-]+)/terms)",
              authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                         const orders::Actor& actor) {
                const auto body = body_of(req, res);
                if (!body) return;
                const auto integer = [&](const char* key) { return body->contains(key) && (*body)[key].is_number_integer(); };
                if (!integer("version") || (body->contains("total_fen") && !integer("total_fen")) ||
                    (body->contains("years") && !integer("years"))) {
                  fail(res, 400, "bad_terms",
                       "terms need version, a reason, and total_fen (integer fen) and/or years (integer)");
                  return;
                }
                orders::OrderTerms terms;
                if (integer("total_fen")) terms.total = (*body)["total_fen"].get<Fen>();
                if (integer("years")) terms.years = (*body)["years"].get<int>();
                terms.reason = body->value("reason", "");
                terms.today = Date::today_utc8();
                send(res, 200,
                     desk.set_terms(req.matches[1], (*body)["version"].get<std::int64_t>(), terms, actor).to_json());
              }));

  server.Get(R"(/v1/orders/([A-Za-z0-9-]+)/certificate\.pem)",
             authenticated(services, [](const httplib::Request& req, httplib::Response& res, desk::OrderDesk& desk,
                                        const orders::Actor&) {
               const orders::OrderRecord o = desk.get(req.matches[1]);
               if (!o.certificate || o.certificate->certificate_pem.empty()) {
                 fail(res, 404, "no_certificate", "order " + o.public_id + " has issued no certificate");
                 return;
               }
               res.status = 200;
               res.set_header("Content-Disposition", "attachment; filename=\"" + o.certificate->serial + ".pem\"");
               res.set_content(o.certificate->certificate_pem, "application/x-pem-file");
             }));

  // The registry with what a clerk asks next about each certificate: how long it has left and
  // whether a renewal would be accepted today.
  server.Get("/v1/certificates", authenticated(services, [](const httplib::Request& req, httplib::Response& res,
                                                             desk::OrderDesk& desk, const orders::Actor&) {
    orders::CertificateFilter f;
    f.any = req.get_param_value("q");
    f.ca = req.get_param_value("ca");
    f.status = req.get_param_value("status");
    if (!f.status.empty() && f.status != "active" && f.status != "frozen" && f.status != "revoked" &&
        f.status != "expired") {
      fail(res, 400, "unknown_status",
           "unknown certificate status \"" + f.status + "\" (one of: active, frozen, revoked, expired)");
      return;
    }
    const auto limit = limit_in(req, kCertificateListDefault, kCertificateListMax);
    if (!limit) {
      fail(res, 400, "bad_limit", "limit must be a whole number from 1 to " + std::to_string(kCertificateListMax));
      return;
    }
    const Date today = Date::today_utc8();
    json certificates = json::array();
    for (const orders::RegisteredCertificate& c : desk.certificates(f, *limit)) {
      json item = c.to_json();
      // 0 on the last valid day, negative once expired; the schema keeps not_after a real date.
      item["days_left"] = Date::parse(c.not_after).value_or(today) - today;
      // Only an active certificate can be renewed; a frozen or revoked one needs another business first.
      item["renewal"] = c.status == "active" ? desk.renewal_outlook(c, today) : json(nullptr);
      certificates.push_back(std::move(item));
    }
    send(res, 200, json{{"certificates", std::move(certificates)}, {"today", today.iso()}});
  }));

  server.Get("/v1/audit/verify", authenticated(services, [](const httplib::Request&, httplib::Response& res,
                                                             desk::OrderDesk& desk, const orders::Actor&) {
    const store::AuditVerdict v = desk.verify_audit();
    json out = {{"intact", v.intact}, {"events", v.events}};
    if (!v.intact) {
      out["first_bad_seq"] = v.first_bad_seq;
      out["problem"] = v.problem;
    }
    send(res, 200, out);
  }));
}

}  // namespace cahub::server
