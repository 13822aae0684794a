#pragma once
// Brings a database to the newest schema this binary knows by applying the missing migration steps.

#include <filesystem>
#include <span>

#include <SQLiteCpp/Database.h>

#include "store/migrations.hpp"

namespace cahub::store {

// Applies every step whose version is above the database's user_version, in order, each in its
// own BEGIN IMMEDIATE transaction that also sets user_version and application_id. Safe against
// another connection migrating the same file at the same time: the version is re-read once the
// write lock is held. A step that fails is rolled back entirely and StoreError names `file` and
// the step. Foreign keys are switched off while steps run and checked before each commit;
// the caller switches them back on.
//
// Throws std::logic_error if `steps` are not numbered 1, 2, 3, … (a programming error).
void migrate(SQLite::Database& db, std::span<const Migration> steps, const std::filesystem::path& file);

}  // namespace cahub::store
