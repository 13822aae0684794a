#pragma once
// Which database a command that reads the store works on: a PostgreSQL database named by `--url`
// or, so that a password in it stays out of `ps` and shell history, by $CAHUB_DATABASE_URL; the
// configured SQLite file when neither is given (issue #17).

#include <optional>
#include <string>

#include "store/postgres/pg_url.hpp"

namespace cahub::cli {

// The URL of `option`, else of $CAHUB_DATABASE_URL, parsed (throws StoreError database_url for one
// libpq cannot read); nullopt for the SQLite file.
std::optional<store::postgres::PgUrl> chosen_database_url(const std::string& option);

}  // namespace cahub::cli
