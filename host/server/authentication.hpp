#pragma once
// Who is calling: every API route but /healthz and POST /v1/login needs a staff member's bearer
// token (issue: "every API call is authenticated"), the quote and rules routes included, since
// quotes reveal a service point's prices and rules status its operations. And the one place where
// a route's failure becomes its answer (errors/error_answer.hpp).

#include <exception>
#include <filesystem>

#include "orders/order_workflow.hpp"
#include "staff/staff_directory.hpp"
#include "store/committer.hpp"
#include "store/database.hpp"
#include "store/postgres/store_location.hpp"

#include "http/request.hpp"
#include "http/response.hpp"

namespace cahub::server {

// This worker thread's own connection to `file` (store/database.hpp: never shared), opened once.
store::Database& worker_connection(const std::filesystem::path& file);
// This worker thread's own store at `location`: worker_connection() for the SQLite file, or a
// PostgreSQL connection of its own, opened anew when the last one was lost (StoreUnavailable,
// `store_unavailable`, while the server cannot be reached).
store::SqlStore& worker_store(const store::StoreLocation& location);

// The signed-in staff member behind `Authorization: Bearer <token>`; StaffError
// ("unauthenticated", "bad_token", "session_expired": 401) otherwise.
staff::Session signed_in_session(const http::Request& req, store::SqlStore& db);
orders::Actor signed_in(const http::Request& req, store::SqlStore& db);

// Answers `error` as the one error model says: its kind's status and {"error": {...}}; an
// internal error with an incident id, the detail in the log; a ThrottledError's wait as Retry-After.
void answer_error(const http::Request& req, http::Response& res, std::exception_ptr error);

// A route body run under answer_error: `route(req, res)`, whatever it throws answered as above.
template <typename Route>
auto guarded(Route route) {
  return [route](const http::Request& req, http::Response& res) {
    try {
      route(req, res);
    } catch (...) {
      answer_error(req, res, std::current_exception());
    }
  };
}

// A route for a signed-in staff member: `handler(req, res, db, writes, actor)` with this worker's
// store, where writes go (the server's group committer, or that store itself, a transaction per
// request: SQLite without group commit, PostgreSQL) and who is calling; run under guarded(). The
// order and rule-release routes build their desks on it.
template <typename Handler>
auto signed_in_route(const store::StoreLocation& location, store::Committer* committer, Handler handler) {
  return guarded([&location, committer, handler](const http::Request& req, http::Response& res) {
    store::SqlStore& db = worker_store(location);
    const orders::Actor actor = signed_in(req, db);
    res.actor = actor.login;
    store::DirectCommitter direct(db);
    handler(req, res, db, committer ? *committer : static_cast<store::Committer&>(direct), actor);
  });
}

}  // namespace cahub::server
