#pragma once
// Who is calling: every API route but /healthz and POST /v1/login needs a staff member's bearer
// token (issue: "every API call is authenticated"), the quote and rules routes included, since
// quotes reveal a service point's prices and rules status its operations.

#include <filesystem>
#include <optional>

#include "orders/order_workflow.hpp"
#include "staff/staff_directory.hpp"
#include "store/database.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace cahub::server {

// This worker thread's own connection to `file` (store/database.hpp: never shared), opened once.
store::Database& worker_connection(const std::filesystem::path& file);

// The signed-in staff member behind `Authorization: Bearer <token>`, or nullopt after answering
// 401 with "unauthenticated", "bad_token" or "session_expired".
std::optional<orders::Actor> signed_in(const httplib::Request& req, httplib::Response& res, store::Database& db);

// The same, with the whole session (the member's name and when the session expires).
std::optional<staff::Session> signed_in_session(const httplib::Request& req, httplib::Response& res,
                                                store::Database& db);

}  // namespace cahub::server
