#pragma once
// Why the database could not be opened or brought to this binary's schema. The message names the
// file and says what to do; it is meant to be shown to the operator as is.
//
// Errors of individual statements later on are SQLite::Exception (also a std::runtime_error).

#include <stdexcept>

namespace cahub::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace cahub::store
