#pragma once
// The staff accounts over HTTP, for administrators only (403 "forbidden" for anyone else):
//   GET  /v1/staff                   every account, disabled ones too
//   POST /v1/staff                   adds one {login, name, role, password} (201)
//   POST /v1/staff/{login}/disable   disables it and ends every session it has, for good
//   POST /v1/staff/{login}/enable    enables it again (it signs in anew)
// The first administrator is made by `cahub staff add` on an empty database, never over HTTP.
// Signing in and out are in orders_api.cpp (POST /v1/login, /v1/logout).

#include "server/orders_api.hpp"

namespace cahub::http { class Router; }

namespace cahub::server {

// `services` must outlive the server.
void install_staff_routes(http::Router& routes, const OrderServices& services);

}  // namespace cahub::server
