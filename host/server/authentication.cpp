#include "server/authentication.hpp"

#include <httplib.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "staff/staff_directory.hpp"

namespace cahub::server {

store::Database& worker_connection(const std::filesystem::path& file) {
  thread_local std::unique_ptr<store::Database> db;
  thread_local std::filesystem::path opened;
  if (!db || opened != file) {
    db = std::make_unique<store::Database>(store::Database::open(file));
    opened = file;
  }
  return *db;
}

std::optional<orders::Actor> signed_in(const httplib::Request& req, httplib::Response& res, store::Database& db) {
  const auto session = signed_in_session(req, res, db);
  if (!session) return std::nullopt;
  return orders::Actor{session->member.login, session->member.role};
}

std::optional<staff::Session> signed_in_session(const httplib::Request& req, httplib::Response& res,
                                                store::Database& db) {
  const auto refuse = [&res](const std::string& code, const std::string& message) {
    res.status = 401;
    res.set_header("WWW-Authenticate", "Bearer");
    res.set_content(nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(),
                    "application/json; charset=utf-8");
    return std::nullopt;
  };
  const std::string header = req.get_header_value("Authorization");
  if (header.rfind("Bearer ", 0) != 0)
    return refuse("unauthenticated", "sign in first (POST /v1/login) and send Authorization: Bearer <token>");
  try {
    return staff::StaffDirectory(db).resolve_session(header.substr(7));
  } catch (const staff::StaffError& e) {
    return refuse(e.code(), e.what());
  }
}

}  // namespace cahub::server
