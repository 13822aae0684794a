#include "server/rules_api.hpp"

#include <nlohmann/json.hpp>

#include "edge/json_fields.hpp"
#include "edge/release_requests.hpp"
#include "http/router.hpp"
#include "releases/release_json.hpp"
#include "server/authentication.hpp"

namespace cahub::server {
namespace {

using nlohmann::ordered_json;

void send(http::Response& res, int status, const ordered_json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, ordered_json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

// Runs `handler` for a signed-in staff member with a release desk on this worker's connection.
template <typename Handler>
http::Handler with_desk(const ReleaseApiServices& services, Handler handler) {
  return signed_in_route(services.store, services.committer,
                         [&services, handler](const http::Request& req, http::Response& res, store::SqlStore& db,
                                              store::Committer& writes, const orders::Actor& actor) {
                           releases::ReleaseDesk desk(services.releases, db, writes);
                           handler(req, res, desk, actor, Date::today_utc8());
                         });
}

std::int64_t number_in(const http::Request& req) { return edge::parse_release_number(req.path_param("n")); }
const std::string& region_in(const http::Request& req) { return req.path_param("region"); }

void install_reads(http::Router& routes, const ReleaseApiServices& s) {
  routes.get("/v1/rules/{region}/releases", with_desk(s, [](const http::Request& req, http::Response& res,
                                                            releases::ReleaseDesk& desk, const orders::Actor& actor,
                                                            Date today) {
    send(res, 200, releases::history_json(desk.history(region_in(req), actor, today), today));
  }));
  routes.get("/v1/rules/{region}/releases/{n}", with_desk(s, [](const http::Request& req, http::Response& res,
                                                                releases::ReleaseDesk& desk,
                                                                const orders::Actor& actor, Date today) {
    const std::int64_t n = number_in(req);
    const auto view = desk.show(region_in(req), n, actor, today);
    send(res, 200, releases::release_json(view, desk.events(region_in(req), n, actor)));
  }));
  routes.get("/v1/rules/{region}/export", with_desk(s, [](const http::Request& req, http::Response& res,
                                                          releases::ReleaseDesk& desk, const orders::Actor& actor,
                                                          Date today) {
    std::optional<std::int64_t> n;
    if (req.has_param("release")) n = edge::parse_release_number(req.param("release"));
    res.status = 200;
    res.set_content(desk.export_script(region_in(req), n, actor, today), "text/plain; charset=utf-8");
  }));
  routes.post("/v1/rules/{region}/evaluate", with_desk(s, [](const http::Request& req, http::Response& res,
                                                             releases::ReleaseDesk& desk,
                                                             const orders::Actor& actor, Date today) {
    const auto text = edge::parse_draft_text(edge::parse_object(req.body));
    send(res, 200, releases::evaluation_json(desk.evaluate(region_in(req), text, actor, today)));
  }));
}

void install_writes(http::Router& routes, const ReleaseApiServices& s) {
  routes.post("/v1/rules/{region}/releases", with_desk(s, [](const http::Request& req, http::Response& res,
                                                             releases::ReleaseDesk& desk,
                                                             const orders::Actor& actor, Date today) {
    const auto text = edge::parse_draft_text(edge::parse_object(req.body));
    send(res, 201, releases::release_json(desk.draft(region_in(req), text, actor, today)));
  }));
  routes.put("/v1/rules/{region}/releases/{n}", with_desk(s, [](const http::Request& req, http::Response& res,
                                                                releases::ReleaseDesk& desk,
                                                                const orders::Actor& actor, Date today) {
    const auto body = edge::parse_object(req.body);
    const auto text = edge::parse_draft_text(body);
    const std::int64_t version = edge::Fields(body).version();
    send(res, 200, releases::release_json(desk.revise(region_in(req), number_in(req), version, text, actor, today)));
  }));
  using Transition = releases::ReleaseView (releases::ReleaseDesk::*)(const std::string&, std::int64_t,
                                                                      const releases::Decision&,
                                                                      const orders::Actor&, Date);
  using Named = std::pair<const char*, Transition>;
  for (const auto& [name, method] : {Named{"submit", &releases::ReleaseDesk::submit},
                                     Named{"approve", &releases::ReleaseDesk::approve},
                                     Named{"reject", &releases::ReleaseDesk::reject},
                                     Named{"withdraw", &releases::ReleaseDesk::withdraw}})
    routes.post(std::string("/v1/rules/{region}/releases/{n}/") + name,
                with_desk(s, [method = method](const http::Request& req, http::Response& res,
                                               releases::ReleaseDesk& desk, const orders::Actor& actor, Date today) {
                  const auto decision = edge::parse_decision(edge::parse_object(req.body));
                  send(res, 200, releases::release_json((desk.*method)(region_in(req), number_in(req), decision,
                                                                       actor, today)));
                }));
  routes.post("/v1/rules/{region}/releases/{n}/publish", with_desk(s, [](const http::Request& req,
                                                                         http::Response& res,
                                                                         releases::ReleaseDesk& desk,
                                                                         const orders::Actor& actor, Date today) {
    const auto p = edge::parse_publish(edge::parse_object(req.body));
    send(res, 200, releases::release_json(desk.publish(region_in(req), number_in(req), p.version, p.effective_from,
                                                       actor, today)));
  }));
  routes.post("/v1/rules/{region}/rollback", with_desk(s, [](const http::Request& req, http::Response& res,
                                                             releases::ReleaseDesk& desk,
                                                             const orders::Actor& actor, Date today) {
    const auto r = edge::parse_rollback(edge::parse_object(req.body));
    send(res, 201, releases::release_json(desk.rollback(region_in(req), r.to, r.reason, actor, today)));
  }));
}

}  // namespace

void install_release_routes(http::Router& routes, const ReleaseApiServices& services) {
  install_reads(routes, services);
  install_writes(routes, services);
}

}  // namespace cahub::server
