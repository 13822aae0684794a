#pragma once
// How every command reports a database it cannot use (store::StoreError): one line
// `cahub: CODE: message` on stderr, the message naming the file and what to do, and exit 8 for a
// missing, unreachable, read-only or busy database (cli/exit_codes.hpp), 2 for the rest (not a
// database, another program's, a newer schema, a URL libpq cannot read).

#include <iostream>

#include "cli/exit_codes.hpp"
#include "store/store_error.hpp"

namespace cahub::cli {

inline int report_database_refusal(const store::StoreError& e) {
  std::cerr << "cahub: " << e.code() << ": " << e.what() << "\n";
  const bool unusable = e.code() == "database_missing" || e.code() == "database_unreachable" ||
                        e.code() == "database_read_only" ||
                        e.code() == "database_in_use";
  return unusable ? kExitDatabase : kExitBadInput;
}

}  // namespace cahub::cli
