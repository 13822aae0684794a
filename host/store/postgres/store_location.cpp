#include "store/postgres/store_location.hpp"

#include <spdlog/spdlog.h>

#include "store/database.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/store_error.hpp"

namespace cahub::store {

SqlStore& thread_pg_store(const postgres::PgUrl& url) {
  thread_local std::unique_ptr<postgres::PgStore> store;
  thread_local std::string opened;
  if (!store || store->lost() || opened != url.text()) {
    store.reset();
    try {
      store = std::make_unique<postgres::PgStore>(postgres::PgStore::open(url));
    } catch (const StoreError& e) {
      // The operator reads why in the log (the URL without its password); the client, the code.
      spdlog::error("a worker cannot open the database: {}", e.what());
      throw StoreUnavailable(DatabaseCondition::Unreachable);
    }
    opened = url.text();
  }
  return *store;
}

std::unique_ptr<SqlStore> open_store(const StoreLocation& location) {
  if (location.url) return std::make_unique<postgres::PgStore>(postgres::PgStore::open(*location.url));
  return std::make_unique<Database>(Database::open(location.file));
}

}  // namespace cahub::store
