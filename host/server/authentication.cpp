#include "server/authentication.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "errors/error_answer.hpp"
#include "staff/staff_directory.hpp"
#include "store/database_health.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/store_error.hpp"

namespace cahub::server {

store::Database& worker_connection(const std::filesystem::path& file) {
  thread_local std::unique_ptr<store::Database> db;
  thread_local std::filesystem::path opened;
  if (!db || opened != file) {
    // A file the watch found missing or replaced is not opened anew: a new connection would read
    // whatever now lies at the path (another database, or one made empty), and answer from it.
    const auto health = store::DatabaseHealth::of(std::filesystem::absolute(file));
    if (const auto condition = health->condition();
        condition == store::DatabaseCondition::Missing || condition == store::DatabaseCondition::Replaced)
      throw store::StoreUnavailable(condition);
    try {
      db = std::make_unique<store::Database>(store::Database::open(file));
    } catch (const store::StoreError& e) {
      // The file was there at start (serve opened it): it went missing or read-only since. The
      // operator reads the path in the log; the client gets the code, no path.
      spdlog::error("a worker cannot open the database: {}", e.what());
      throw store::StoreUnavailable(e.code() == "database_read_only" ? store::DatabaseCondition::ReadOnly
                                                                      : store::DatabaseCondition::Missing);
    }
    opened = file;
  }
  return *db;
}

store::SqlStore& worker_store(const store::StoreLocation& location) {
  if (!location.url) return worker_connection(location.file);
  return store::thread_pg_store(*location.url);
}

staff::Session signed_in_session(const http::Request& req, store::SqlStore& db) {
  const std::string header = req.header("Authorization");
  if (header.rfind("Bearer ", 0) != 0)
    throw staff::StaffError("unauthenticated", "sign in first (POST /v1/login) and send Authorization: Bearer <token>");
  return staff::StaffDirectory(db).resolve_session(header.substr(7));
}

orders::Actor signed_in(const http::Request& req, store::SqlStore& db) {
  return signed_in_session(req, db).member.actor();
}

void answer_error(const http::Request& req, http::Response& res, std::exception_ptr error) {
  const errors::ErrorAnswer answer = errors::answer_for(error, req.method + " " + req.path);
  res.status = errors::http_status(answer.kind);
  if (answer.kind == ErrorKind::Unauthenticated) res.set_header("WWW-Authenticate", "Bearer");
  if (answer.retry_after) res.set_header("Retry-After", std::to_string(answer.retry_after->count()));
  res.set_content(answer.body().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

}  // namespace cahub::server
