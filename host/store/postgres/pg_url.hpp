#pragma once
// A PostgreSQL connection URL, checked once where it enters (a command's --url, the environment):
// `postgresql://` or `postgres://`, as libpq reads it (https://www.postgresql.org/docs/15/libpq-connect.html,
// "Connection URIs"), including `?host=/run/postgresql` for a unix socket.
//
// shown() is what messages and logs may print: user, host, port and database, never the password,
// which a URL may carry and which must not reach a log line, a terminal's scrollback or a client.

#include <string>
#include <string_view>

namespace cahub::store::postgres {

// Whether `text` is meant as a PostgreSQL URL rather than a SQLite file path.
bool is_postgres_url(std::string_view text);

class PgUrl {
 public:
  // Throws StoreError (code "database_url") if libpq cannot read it; the message does not echo it.
  // A URL without connect_timeout gets 10 s, so no command waits on an unanswering host for long.
  static PgUrl parse(std::string_view text);

  const std::string& text() const { return text_; }    // for libpq only
  const std::string& shown() const { return shown_; }  // for people

 private:
  PgUrl(std::string text, std::string shown) : text_(std::move(text)), shown_(std::move(shown)) {}
  std::string text_;
  std::string shown_;
};

}  // namespace cahub::store::postgres
