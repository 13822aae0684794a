#pragma once
// The schema history of the cahub database. A database records the last step applied in
// PRAGMA user_version; opening it applies the missing steps in order, each in one transaction.
//
// Never edit a step that has shipped: add the next one. SQLite cannot alter a CHECK constraint or a
// column's type in place, so such a change is a new step that rebuilds the table (the "12-step"
// procedure of https://sqlite.org/lang_altertable.html); foreign keys are off while steps run and
// checked before each commits, which that procedure needs.

#include <span>
#include <string_view>

namespace cahub::store {

struct Migration {
  int version;                   // 1, 2, 3, … with no gaps: the user_version after this step
  std::string_view description;  // for error messages: "migration to schema version 2 (…) failed"
  std::string_view sql;          // one or more statements
};

// Every step this binary knows, in order (migrations.cpp).
std::span<const Migration> migrations();

// The user_version of a database that has every step applied.
int latest_schema_version();

// PRAGMA application_id of a cahub database ("CAHB"), so that cahub never adds its tables to
// another program's SQLite file.
inline constexpr int application_id = 0x43414842;

}  // namespace cahub::store
