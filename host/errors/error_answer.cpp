#include "errors/error_answer.hpp"

#include <array>
#include <cstdio>
#include <random>

#include <SQLiteCpp/Exception.h>

#include "pipeline/request_error.hpp"
#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace cahub::errors {
namespace {

// The constraints a client can run into by racing another client (the edge checks everything
// else first), by the name SQLite reports them under: "<table>.<column>[, ...]" for UNIQUE.
struct KnownConstraint {
  std::string_view name;
  ErrorKind kind;
  std::string_view code;
  std::string_view message;
};
constexpr std::array<KnownConstraint, 5> kConstraints{{
    {"orders.idempotency_key", ErrorKind::Conflict, "idempotency_conflict",
     "another request with this idempotency key was accepted at the same moment: retry to get its order"},
    {"certificates.ca, certificates.serial", ErrorKind::Conflict, "certificate_exists",
     "the registry already holds a certificate with this serial for this CA"},
    {"customers.uscc", ErrorKind::Conflict, "retry", "another request added this customer at the same moment: retry"},
    {"customers.id_number", ErrorKind::Conflict, "retry", "another request added this customer at the same moment: retry"},
    {"staff.login", ErrorKind::Conflict, "login_taken", "this login is taken"},
}};

ErrorAnswer from_coded(const CodedError& e) {
  ErrorAnswer a{e.kind(), e.code(), e.what(), e.field(), e.incident(), std::nullopt, nlohmann::json::object()};
  if (const auto* throttled = dynamic_cast<const ThrottledError*>(&e)) a.retry_after = throttled->retry_after();
  e.describe(a.extra);
  return a;
}

ErrorAnswer internal(std::string_view context, std::string_view detail) {
  ErrorAnswer a{ErrorKind::Internal, "internal_error", {}, {}, new_incident_id(), std::nullopt,
                nlohmann::json::object()};
  a.message = "the server could not complete this request; nothing was changed. Incident " + a.incident +
              " is in the server's log";
  spdlog::error("incident {} {}: {}", a.incident, context, detail);
  return a;
}

// SQLite reports "UNIQUE constraint failed: orders.idempotency_key": the name follows ": ".
ErrorAnswer from_sqlite(const SQLite::Exception& e, std::string_view context) {
  const int code = e.getExtendedErrorCode();
  if ((code & 0xff) == SQLITE_FULL)
    return {ErrorKind::Unavailable, "storage_full", "the server cannot store more right now; nothing was written", {}, {},
            std::nullopt, nlohmann::json::object()};
  // The file was made read-only, or the disk fails, under the server: it cannot write, and says so
  // with the code its /healthz then reports (store/database_health.hpp).
  if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_IOERR)
    return {ErrorKind::Unavailable, "store_unavailable",
            "the service point's database cannot be written; nothing was written. An administrator must mend it", {},
            {}, std::nullopt, nlohmann::json::object()};
  if ((code & 0xff) == SQLITE_BUSY)
    return {ErrorKind::Unavailable, "busy", "the store is busy; nothing was written: retry in a moment", {}, {},
            std::nullopt, nlohmann::json::object()};
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_CHECK || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    const std::string_view what = e.what();
    const auto colon = what.find(": ");
    const std::string_view name = colon == std::string_view::npos ? std::string_view() : what.substr(colon + 2);
    for (const KnownConstraint& k : kConstraints)
      if (k.name == name)
        return {k.kind, std::string(k.code), std::string(k.message), {}, {}, std::nullopt, nlohmann::json::object()};
  }
  return internal(context, e.what());
}

}  // namespace

nlohmann::json ErrorAnswer::body() const {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  if (!incident.empty()) error["incident"] = incident;
  nlohmann::json out = extra;
  out["error"] = std::move(error);
  return out;
}

ErrorAnswer answer_for(std::exception_ptr error, std::string_view context) {
  try {
    std::rethrow_exception(error);
  } catch (const CodedError& e) {
    return from_coded(e);
  } catch (const SQLite::Exception& e) {
    return from_sqlite(e, context);
  } catch (const pipeline::StageFailure& e) {
    // A rule script or plugin failed on a valid request: the stage is named (a clerk can say which
    // region's rules to have looked at), the script's own message is in the log under the incident.
    ErrorAnswer a = internal(context, e.stage() + ": " + e.what());
    a.code = e.stage() + "_failed";
    a.message = "the " + e.stage() + " stage failed on this request (a rule script or plugin error); incident " +
                a.incident + " is in the server's log";
    return a;
  } catch (const std::exception& e) {
    return internal(context, e.what());
  } catch (...) {
    return internal(context, "an exception that is not a std::exception");
  }
}

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput: return 400;
    case ErrorKind::Unauthenticated: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::Refused: return 422;
    case ErrorKind::TooManyRequests: return 429;
    case ErrorKind::Upstream: return 502;
    case ErrorKind::Unavailable: return 503;
    case ErrorKind::Internal: return 500;
  }
  return 500;
}

std::string new_incident_id() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  char id[16];
  std::snprintf(id, sizeof id, "%012llx", static_cast<unsigned long long>(random() & 0xffffffffffffULL));
  return id;
}

}  // namespace cahub::errors
