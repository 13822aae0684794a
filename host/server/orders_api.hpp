#pragma once
// The order API of `cahub serve`: sign-in, sign-out and the session (/v1/login, /v1/logout, /v1/me),
// the staff accounts (staff_api.hpp), orders, their materials,
// payments, transitions and audit events, the certificate registry with each certificate's renewal
// outlook, and audit verification. Every route but POST /v1/login needs `Authorization: Bearer <token>`; roles
// are enforced by the workflow table, so the API cannot be talked past it.
//
// Status codes: 400 malformed request, 401 no or expired session, 403 role or four-eyes, 404
// unknown order or material, 409 conflict (version, idempotency key, an open order that blocks),
// 422 a request the workflow cannot take now (materials missing, unpriced, not eligible), 429 too
// many failed sign-ins (with Retry-After), 503 no turn free to check a password.

#include <chrono>
#include <cstddef>
#include <filesystem>

#include "desk/order_desk.hpp"
#include "staff/sign_in_guard.hpp"
#include "store/committer.hpp"
#include "store/postgres/store_location.hpp"

namespace cahub::http { class Router; }
namespace cahub::observability { class Metrics; }

namespace cahub::server {

struct OrderServices {
  store::StoreLocation store;  // each worker thread opens its own connection to it, for reads
  desk::DeskServices desk;         // quotes, providers and the working calendar
  // Where writes run: null means each worker thread commits on its own connection.
  store::Committer* committer = nullptr;
  // What POST /v1/login goes through: failures per login and address, checks at once.
  staff::SignInGuard& sign_in;
  std::chrono::minutes session_lifetime{8 * 60};
  observability::Metrics* metrics = nullptr;  // counts sign-in refusals when given
};

// `services` must outlive the server.
void install_order_routes(http::Router& routes, const OrderServices& services);

}  // namespace cahub::server
