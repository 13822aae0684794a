#pragma once
// The schema history of a cahub database kept in PostgreSQL: the same steps, numbered as SQLite's
// (store/migrations.cpp), each saying the same thing in PostgreSQL's words. A database records the
// last step applied in cahub_schema.version, as SQLite's records it in PRAGMA user_version, so
// `cahub db copy` can move a service point between stores of one version.
//
// How the two dialects meet (so the code that reads and writes rows is the same on both):
// - Values keep SQLite's representation: dates and timestamps are TEXT as the host writes them,
//   flags are INTEGER 0/1, JSON is TEXT (the audit payload is hashed byte for byte, and jsonb
//   would reorder its keys), file contents are BYTEA where SQLite has BLOB.
// - Every CHECK of SQLite's schema is here, GLOB patterns as regular expressions and SQLite's
//   date() and json_valid() as the functions cahub_is_date() and cahub_is_json().
// - Triggers do what SQLite's do. Two more are PostgreSQL's own: TRUNCATE (which fires no row
//   trigger) is refused on append-only tables, and audit appends take one transaction-scoped
//   advisory lock, so hosts sharing the database append one chain in one order (see
//   audit_chain_lock below and docs/architecture.md, "The audit trail").

#include <cstdint>
#include <span>

#include "store/migrations.hpp"

namespace cahub::store::postgres {

// Every step this binary knows for PostgreSQL, numbered as migrations() (pg_migrations.cpp).
std::span<const Migration> migrations();

// pg_advisory_xact_lock keys, chosen once and never reused for anything else: "CAHB" + a tag.
inline constexpr std::int64_t migration_lock = 0x434148424D494752;    // "CAHBMIGR"
inline constexpr std::int64_t audit_chain_lock = 0x4341484241554454;  // "CAHBAUDT"

}  // namespace cahub::store::postgres
