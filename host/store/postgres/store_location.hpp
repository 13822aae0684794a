#pragma once
// Where a service point keeps its data: the SQLite file of paths.database (the default, for one
// host), or the PostgreSQL database of store.url / $CAHUB_DATABASE_URL that several hosts share
// (docs/deployment.md). Chosen once, where the configuration is read (cli/database_url.hpp);
// everything after that opens stores through it and is written for store::SqlStore.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "store/postgres/pg_url.hpp"
#include "store/sql_connection.hpp"

namespace cahub::store {

struct StoreLocation {
  std::filesystem::path file;               // SQLite, when there is no url
  std::optional<postgres::PgUrl> url;       // PostgreSQL

  bool shared() const { return url.has_value(); }
  // How messages name it: the file, or the URL without its password.
  std::string shown() const { return url ? url->shown() : file.string(); }
};

// A store of its own for one thread: a connection to the file (store::Database::open) or to the
// PostgreSQL database (postgres::PgStore::open). Either must hold a cahub database already; an
// older schema is brought up to date, as opening always does.
std::unique_ptr<SqlStore> open_store(const StoreLocation& location);

// This thread's own connection to the PostgreSQL database at `url`: opened on first use, and anew
// when the last one was lost or another URL is asked for. Server workers and the plugin state
// service share it, so a host holds one connection per thread. Throws StoreUnavailable
// (Unreachable) when it cannot be opened; the reason (the URL without its password) is logged.
SqlStore& thread_pg_store(const postgres::PgUrl& url);

}  // namespace cahub::store
