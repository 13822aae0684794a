#pragma once
// A fresh PostgreSQL database for one test, on the cluster of ctest's pg_cluster fixture
// (tests/support/pg_cluster.sh), dropped afterwards. ctest runs test cases in parallel processes,
// so every test gets its own database instead of sharing one and cleaning it.
//
// The fixture writes the cluster's URL to a state file whose path ctest passes as the environment
// variable CAHUB_TEST_PG_STATE; a test that needs PostgreSQL is registered with
// FIXTURES_REQUIRED pg_cluster and that variable (CAHUB_PG_TEST_PROPERTIES, tests/CMakeLists.txt).

#include <string>

namespace cahub::testing {

// The libpq URL of the test cluster's `postgres` database, from the fixture's state file.
// Throws std::runtime_error, saying to run the test through ctest, when there is none.
std::string test_cluster_url();

class ScratchPgDatabase {
 public:
  // Creates `cahub_t_<pid>_<n>_<random hex>` on the test cluster; throws what test_cluster_url()
  // throws, or libpqxx's error.
  ScratchPgDatabase();
  // Drops it WITH (FORCE), so connections a test left open do not keep it alive.
  ~ScratchPgDatabase();
  ScratchPgDatabase(const ScratchPgDatabase&) = delete;
  ScratchPgDatabase& operator=(const ScratchPgDatabase&) = delete;

  // The libpq URL of this database (the cluster's URL with the database name replaced).
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace cahub::testing
