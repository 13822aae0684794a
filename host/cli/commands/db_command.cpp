// `cahub db init`, `cahub db migrate` and `cahub db copy`.
//
// `db init` is the one command that creates a database. Every other command, `cahub serve`
// included, refuses a missing one (database_missing, exit 8), so a database deleted or a path
// mistyped is found at once instead of being replaced by an empty one.
//
// Both take the configured SQLite file, or a PostgreSQL database (issue #17) by `--url` or, so
// that a password in it stays out of `ps` and shell history, by $CAHUB_DATABASE_URL.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "releases/release_source.hpp"
#include "store/database.hpp"
#include "store/postgres/pg_copy.hpp"
#include "store/postgres/pg_store.hpp"

namespace cahub::cli {
namespace {

struct DbOptions {
  std::string url;   // empty: the configured SQLite file, or $CAHUB_DATABASE_URL
  std::string from;  // db copy: sqlite:FILE (empty: the configured SQLite file)
};

constexpr std::string_view kSqlitePrefix = "sqlite:";

// rules.source = "store": the rules folder seeds the regions the store does not have yet.
void seed_regions(const config::Config& cfg, store::SqlStore& store) {
  if (cfg.rules_source != "store") return;
  for (const auto& region : releases::import_missing_regions(store, cfg.paths.rules, cfg.rules))
    std::cout << "imported " << (cfg.paths.rules / (region + ".lua")).string() << " as region " << region
              << " release 1\n";
}

int init_sqlite(const config::Config& cfg) {
  const bool existed = std::filesystem::exists(cfg.paths.database);
  store::Database database = store::Database::open_or_create(cfg.paths.database);
  if (existed)
    std::cout << database.file().string() << " is already a cahub database (schema version "
              << database.schema_version() << "); nothing was created\n";
  else
    std::cout << "created " << database.file().string() << " (schema version " << database.schema_version() << ")\n";
  seed_regions(cfg, database);
  return kExitOk;
}

int init_postgres(const config::Config& cfg, const store::postgres::PgUrl& url) {
  store::postgres::PgStore store = store::postgres::PgStore::open_or_create(url);
  std::cout << url.shown() << " is a cahub database at schema version " << store.schema_version() << "\n";
  seed_regions(cfg, store);
  return kExitOk;
}

// Opening migrates (store/migrate.hpp, store/postgres/pg_migrate.hpp); this says where it ended.
int migrate_store(const config::Config& cfg, const std::optional<store::postgres::PgUrl>& url) {
  if (url) {
    store::postgres::PgStore store = store::postgres::PgStore::open(*url);
    std::cout << url->shown() << " is at schema version " << store.schema_version() << "\n";
  } else {
    store::Database database = store::Database::open(cfg.paths.database);
    std::cout << database.file().string() << " is at schema version " << database.schema_version() << "\n";
  }
  return kExitOk;
}

// Moves a service point's SQLite database into an empty PostgreSQL one (store/postgres/pg_copy.hpp).
int copy_store(const config::Config& cfg, const DbOptions& o, const std::optional<store::postgres::PgUrl>& url) {
  if (!url) {
    std::cerr << "cahub: bad_input: db copy needs --to postgresql://… (or $CAHUB_DATABASE_URL)\n";
    return kExitBadInput;
  }
  std::filesystem::path file = cfg.paths.database;
  if (!o.from.empty()) {
    if (o.from.rfind(kSqlitePrefix, 0) != 0 || o.from.size() == kSqlitePrefix.size()) {
      std::cerr << "cahub: bad_input: --from takes sqlite:FILE\n";
      return kExitBadInput;
    }
    file = o.from.substr(kSqlitePrefix.size());
  }
  store::Database source = store::Database::open(file);
  store::postgres::PgStore target = store::postgres::PgStore::open_or_create(*url);
  for (const auto& t : store::postgres::copy_database(source, target))
    std::cout << t.table << ": " << t.rows << " rows, sha256 " << t.digest << "\n";
  std::cout << "copied " << source.file().string() << " into " << url->shown()
            << "; every table read back the same\n";
  return kExitOk;
}

}  // namespace

CommandRun add_db_command(CLI::App& app, const GlobalOptions& global) {
  CLI::App* db = app.add_subcommand("db", "The service point's database");
  db->require_subcommand(1);
  auto o = std::make_shared<DbOptions>();
  CLI::App* init = db->add_subcommand(
      "init", "Create the database (0600, its new folders 0700) and its schema; an existing one is left as it is");
  CLI::App* migrate = db->add_subcommand("migrate", "Bring an existing database to this cahub's schema version");
  for (CLI::App* sub : {init, migrate})
    sub->add_option("--url", o->url,
                    "A PostgreSQL database, postgresql://user@host/db (default: $CAHUB_DATABASE_URL, else the "
                    "configured SQLite file)");
  CLI::App* copy = db->add_subcommand(
      "copy", "Copy a SQLite database into an empty PostgreSQL one, all or nothing, every table read back and compared");
  copy->add_option("--from", o->from, "sqlite:FILE (default: the configured SQLite file)");
  copy->add_option("--to", o->url, "postgresql://user@host/db (default: $CAHUB_DATABASE_URL)");

  return [init, migrate, copy, o, &global]() -> int {
    try {
      const config::Config cfg = load_config(global);
      const auto url = chosen_database_url(o->url, cfg);
      if (init->parsed()) return url ? init_postgres(cfg, *url) : init_sqlite(cfg);
      if (migrate->parsed()) return migrate_store(cfg, url);
      if (copy->parsed()) return copy_store(cfg, *o, url);
      return kExitBadInput;
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
  };
}

}  // namespace cahub::cli
