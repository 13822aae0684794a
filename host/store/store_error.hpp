#pragma once
// Why the database could not be opened or brought to this binary's schema. The message names the
// file and says what to do; it is meant to be shown to the operator as is (never to an HTTP
// client: the server answers store_unavailable instead, store/database_health.hpp).
//
// code() is stable, for scripts: `database_missing` (no database at that path: `cahub db init`
// makes one), `database_read_only` (cahub cannot write it), `database` for everything else (not a
// SQLite file, another program's, a newer schema, a failed migration).
//
// Errors of individual statements later on are SQLite::Exception (also a std::runtime_error).

#include <stdexcept>
#include <string>

namespace cahub::store {

class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& message, std::string code = "database")
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

}  // namespace cahub::store
