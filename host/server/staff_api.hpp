#pragma once
// The staff accounts over HTTP, for platform administrators only (role admin with all regions;
// 403 "forbidden" for anyone else, a region administrator too):
//   GET  /v1/staff                   every account, disabled ones too, with its regions
//   POST /v1/staff                   adds one {login, name, role, password, regions?} (201)
//   POST /v1/staff/{login}/disable   disables it and ends every session it has, for good
//   POST /v1/staff/{login}/enable    enables it again (it signs in anew)
//   PUT  /v1/staff/{login}/regions   gives it {"regions": "*" | [ids]}, from its next request on
// The first administrator is made by `cahub staff add` on an empty database, never over HTTP.
// Signing in and out are in orders_api.cpp (POST /v1/login, /v1/logout).

#include <nlohmann/json_fwd.hpp>

#include "orders/region_scope.hpp"
#include "server/orders_api.hpp"

namespace cahub::http { class Router; }

namespace cahub::server {

// A staff member's regions as the API shows them, the form POST /v1/staff takes: "*" or a list.
nlohmann::json regions_json(const orders::RegionScope& regions);

// `services` must outlive the server.
void install_staff_routes(http::Router& routes, const OrderServices& services);

}  // namespace cahub::server
