#pragma once
// A consistent copy of a SQLite database that others go on writing: SQLite's online backup API
// (sqlite3_backup_init/step/finish) in a single step, so the whole copy is read inside one read
// transaction of the source: one moment of it, every commit before it and none after. In WAL
// mode that read blocks no writer (the server goes on serving); only a checkpoint cannot pass it.
//
// The copy is a standalone file: 0600, in rollback-journal mode (no -wal or -shm beside it, so a
// backup folder can be copied, archived or read without SQLite adding files to it), and checked
// with PRAGMA quick_check before it is declared done.

#include <filesystem>

struct sqlite3;

namespace cahub::backup {

// Copies the "main" database of the open connection `source` to the new file `destination`
// (which must not exist). Throws store::StoreError naming the files; a partial copy is removed.
void copy_database_online(sqlite3* source, const std::filesystem::path& destination);

// The same from the SQLite file `source`, opened read-only for the copy.
void copy_database_file_online(const std::filesystem::path& source, const std::filesystem::path& destination);

// Whether `file` starts with SQLite's header ("SQLite format 3\0").
bool is_sqlite_file(const std::filesystem::path& file);

}  // namespace cahub::backup
