#include "store/postgres/pg_url.hpp"

#include <libpq-fe.h>

#include <map>
#include <memory>

#include "store/store_error.hpp"

namespace cahub::store::postgres {
namespace {

constexpr std::size_t kLongestUrl = 4096;
constexpr int kConnectTimeoutSeconds = 10;

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// "postgresql://user@host:port/dbname" from what libpq read, the password left out; a unix
// socket's folder as libpq's own `?host=/run/postgresql`.
std::string shown_from(const PQconninfoOption* options) {
  std::map<std::string, std::string, std::less<>> given;
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o)
    if (o->val != nullptr && *o->val != '\0') given.emplace(o->keyword, o->val);
  const auto value = [&given](std::string_view key, std::string fallback) {
    const auto found = given.find(key);
    return found == given.end() ? fallback : found->second;
  };
  const std::string host = value("host", value("hostaddr", ""));
  const bool socket = !host.empty() && host.front() == '/';
  std::string shown = "postgresql://";
  if (given.contains("user")) shown += given.at("user") + "@";
  if (!socket) shown += host.empty() ? "localhost" : host;
  if (given.contains("port") && !socket) shown += ":" + given.at("port");
  shown += "/" + value("dbname", "(the user's database)");
  if (socket) shown += "?host=" + host;
  return shown;
}

// libpq waits for a connection with no limit of its own unless connect_timeout says so, so a
// server behind a firewall that drops packets would hold `cahub db …` for as long as the kernel
// retries. A URL that does not set one gets 10 s; one that does keeps its own.
std::string with_connect_timeout(std::string text, const PQconninfoOption* options) {
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o)
    if (std::string_view(o->keyword) == "connect_timeout" && o->val != nullptr && *o->val != '\0') return text;
  text += text.find('?') == std::string::npos ? "?" : "&";
  return text + "connect_timeout=" + std::to_string(kConnectTimeoutSeconds);
}

}  // namespace

bool is_postgres_url(std::string_view text) {
  return starts_with(text, "postgresql://") || starts_with(text, "postgres://");
}

PgUrl PgUrl::parse(std::string_view text) {
  if (!is_postgres_url(text))
    throw StoreError("a PostgreSQL database is given as a URL that starts with postgresql://", "database_url");
  if (text.size() > kLongestUrl)
    throw StoreError("the PostgreSQL URL is longer than " + std::to_string(kLongestUrl) + " bytes", "database_url");
  char* error = nullptr;
  const std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(std::string(text).c_str(), &error), &PQconninfoFree);
  if (!options) {
    // Not libpq's reason: it quotes the part it could not read, which may be the password
    // ('invalid percent-encoded token: "…"').
    PQfreemem(error);
    throw StoreError("libpq cannot read the PostgreSQL URL; its form is postgresql://user@host:port/database?option=value, "
                     "with special characters percent-encoded",
                     "database_url");
  }
  return PgUrl(with_connect_timeout(std::string(text), options.get()), shown_from(options.get()));
}

}  // namespace cahub::store::postgres
