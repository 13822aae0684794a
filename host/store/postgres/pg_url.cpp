#include "store/postgres/pg_url.hpp"

#include <libpq-fe.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "store/store_error.hpp"

namespace cahub::store::postgres {
namespace {

constexpr std::size_t kLongestUrl = 4096;

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

// libpq waits with no limit of its own, for a connection and for an answer, so a database host
// that goes silent (a firewall dropping packets, a machine gone without closing its sockets) would
// hold `cahub db …`, or every worker of a server, for as long as the kernel retries. A URL gets
// what it does not set itself (libpq's connection parameters; TCP only, a unix socket ignores
// them):
// - connect_timeout=10: a connection within 10 s;
// - keepalives every 10 s after 30 s idle, 3 unanswered ending the connection, and
//   tcp_user_timeout=60000: a request waiting on a silent server is cut after about a minute, and
//   its worker answers 503 store_unavailable instead of waiting for ever.
constexpr std::pair<std::string_view, std::string_view> kBounds[] = {
    {"connect_timeout", "10"},  {"keepalives_idle", "30"},       {"keepalives_interval", "10"},
    {"keepalives_count", "3"},  {"tcp_user_timeout", "60000"},
};

std::string with_bounds(std::string text, const PQconninfoOption* options) {
  for (const auto& [keyword, value] : kBounds) {
    bool given = false;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o)
      if (std::string_view(o->keyword) == keyword && o->val != nullptr && *o->val != '\0') given = true;
    if (given) continue;
    text += text.find('?') == std::string::npos ? "?" : "&";
    text += std::string(keyword) + "=" + std::string(value);
  }
  return text;
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
  return PgUrl(with_bounds(std::string(text), options.get()), shown_from(options.get()));
}

}  // namespace cahub::store::postgres
