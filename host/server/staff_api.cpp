#include "server/staff_api.hpp"

#include <nlohmann/json.hpp>

#include "edge/desk_requests.hpp"
#include "edge/json_fields.hpp"
#include "http/router.hpp"
#include "pipeline/request_error.hpp"
#include "server/authentication.hpp"
#include "staff/staff_directory.hpp"

namespace cahub::server {
namespace {

using nlohmann::json;

json account_json(const staff::StaffAccount& a) {
  return {{"login", a.member.login},
          {"name", a.member.display_name},
          {"role", orders::code_of(a.member.role)},
          {"regions", regions_json(a.member.regions)},
          {"disabled", a.disabled},
          {"created_at", a.created_at}};
}

void send(http::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

// Runs `handler` for a signed-in platform administrator with the directory on this worker's
// connection; 401 without a session, 403 "forbidden" for another role or an administrator of some
// regions, before the body is even read. The directory checks again inside each write, against
// an account changed since.
template <typename Handler>
http::Handler administrators_only(const OrderServices& services, Handler handler) {
  return guarded([&services, handler](const http::Request& req, http::Response& res) {
    store::SqlStore& db = worker_store(services.store);
    const staff::Session session = signed_in_session(req, db);
    res.actor = session.member.login;
    if (!session.member.is_platform_administrator())
      throw staff::StaffError("forbidden", std::string(orders::code_of(session.member.role)) + " " +
                                               session.member.login +
                                               " may not manage staff accounts: an administrator of all regions must");
    staff::StaffDirectory directory(db);
    handler(req, res, directory, session.member);
  });
}

}  // namespace

json regions_json(const orders::RegionScope& regions) {
  if (regions.is_all()) return "*";
  return regions.regions();
}

void install_staff_routes(http::Router& routes, const OrderServices& services) {
  routes.get("/v1/staff", administrators_only(services, [](const http::Request&, http::Response& res,
                                                           staff::StaffDirectory& directory, const staff::StaffMember&) {
    json accounts = json::array();
    for (const staff::StaffAccount& a : directory.list()) accounts.push_back(account_json(a));
    send(res, 200, json{{"staff", std::move(accounts)}});
  }));
  routes.post("/v1/staff", administrators_only(services, [](const http::Request& req, http::Response& res,
                                                            staff::StaffDirectory& directory,
                                                            const staff::StaffMember& admin) {
    const edge::NewStaffRequest request = edge::parse_new_staff(edge::parse_object(req.body));
    const auto role = orders::parse_role(request.role);
    if (!role)
      throw pipeline::BadRequest("unknown_role", "role is '" + request.role + "'; one of: clerk, reviewer, admin", "role");
    const staff::StaffMember added =
        directory.add(admin, request.login, request.name, *role, request.password, request.regions);
    send(res, 201, account_json(directory.account(added.login)));
  }));
  routes.put("/v1/staff/{login}/regions",
             administrators_only(services, [](const http::Request& req, http::Response& res,
                                              staff::StaffDirectory& directory, const staff::StaffMember& admin) {
               const orders::RegionScope regions = edge::parse_staff_regions(edge::parse_object(req.body));
               send(res, 200, account_json(directory.set_regions(admin, req.path_param("login"), regions)));
             }));
  for (const auto& [name, disable] : {std::pair<const char*, bool>{"disable", true},
                                      std::pair<const char*, bool>{"enable", false}}) {
    const bool off = disable;  // a copy: clang before 16 cannot capture a structured binding
    routes.post(std::string("/v1/staff/{login}/") + name,
                administrators_only(services, [off](const http::Request& req, http::Response& res,
                                                        staff::StaffDirectory& directory,
                                                        const staff::StaffMember& admin) {
                  const std::string login = req.path_param("login");
                  send(res, 200, account_json(off ? directory.disable(admin, login) : directory.enable(admin, login)));
                }));
  }
}

}  // namespace cahub::server
