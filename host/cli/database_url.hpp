#pragma once
// Which database a command works on: a PostgreSQL database named by `--url` or, so that a
// password in it stays out of `ps` and shell history, by $CAHUB_DATABASE_URL, or by store.url in
// the configuration (which may not carry a password); the SQLite file of paths.database when none
// is given (issue #17).

#include <optional>
#include <string>

#include "config/config.hpp"
#include "store/postgres/pg_url.hpp"
#include "store/postgres/store_location.hpp"

namespace cahub::cli {

// The URL of `option`, else of $CAHUB_DATABASE_URL, else of store.url, parsed (throws StoreError
// database_url for one libpq cannot read); nullopt for the SQLite file.
std::optional<store::postgres::PgUrl> chosen_database_url(const std::string& option, const config::Config& cfg);

// The same, as the location the command's stores open.
store::StoreLocation chosen_store(const config::Config& cfg, const std::string& option = {});

}  // namespace cahub::cli
