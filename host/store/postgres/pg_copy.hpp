#pragma once
// `cahub db copy --from sqlite:FILE --to postgresql://…`: moves a service point's database from
// SQLite into an empty PostgreSQL database of the same schema version, with nothing lost.
//
// - All or nothing: the source is read in one read transaction (a consistent snapshot, so a
//   server may go on serving from it meanwhile; what it writes after the snapshot is not copied),
//   and the target is written in one transaction that commits only after every table, read back
//   from PostgreSQL, has the same row count and the same digest of its rows as in SQLite.
// - Rows keep their ids; identity sequences then start after the largest. The audit chain is
//   copied in seq order, so its trigger checks every link as it goes in.
// - The target must hold no cahub rows (`target_exists` otherwise): a copy never merges.
//
// Values cross as text: SQLite's INTEGER as decimal, TEXT as is, BLOB as bytea's hex form; the
// schemas keep the same representation on both sides (store/postgres/pg_migrations.hpp).

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/postgres/pg_store.hpp"

namespace cahub::store::postgres {

struct TableCopy {
  std::string table;
  std::int64_t rows = 0;
  std::string digest;  // SHA-256 of the rows as copied, the same on both sides
};

// Every table of the schema, in an order that inserts each row after the rows it refers to.
const std::vector<std::string>& copy_order();

std::vector<TableCopy> copy_database(Database& source, PgStore& target);

}  // namespace cahub::store::postgres
