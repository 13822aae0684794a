#include "store/postgres/store_location.hpp"

#include "store/database.hpp"
#include "store/postgres/pg_store.hpp"

namespace cahub::store {

std::unique_ptr<SqlStore> open_store(const StoreLocation& location) {
  if (location.url) return std::make_unique<postgres::PgStore>(postgres::PgStore::open(*location.url));
  return std::make_unique<Database>(Database::open(location.file));
}

}  // namespace cahub::store
