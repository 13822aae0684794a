// The PostgreSQL test infrastructure itself: the fixture's cluster and ScratchPgDatabase.
#include "support/scratch_pg_database.hpp"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <stdlib.h>

#include <optional>
#include <stdexcept>
#include <string>

using cahub::testing::ScratchPgDatabase;
using cahub::testing::test_cluster_url;

namespace {

int scalar_int(const std::string& url, const std::string& query) {
  pqxx::connection connection(url);
  pqxx::nontransaction read(connection);
  return read.exec1(query)[0].as<int>();
}

std::string current_database(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::nontransaction read(connection);
  return read.exec1("SELECT current_database()")[0].as<std::string>();
}

bool database_exists(const std::string& name) {
  pqxx::connection connection(test_cluster_url());
  pqxx::nontransaction read(connection);
  return !read.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty();
}

// Sets an environment variable for one test and puts the old value back.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const char* value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnvironment() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the test cluster is PostgreSQL 15 or newer and listens on no TCP address") {
  const auto url = test_cluster_url();
  CHECK(scalar_int(url, "SELECT current_setting('server_version_num')::int") >= 150000);
  pqxx::connection connection(url);
  pqxx::nontransaction read(connection);
  CHECK(read.exec1("SHOW listen_addresses")[0].as<std::string>().empty());
  CHECK(read.exec1("SELECT current_user")[0].as<std::string>() == "cahub");
  CHECK(read.exec1("SHOW server_encoding")[0].as<std::string>() == "UTF8");
}

TEST_CASE("two scratch databases are distinct, reachable by their URL and dropped afterwards") {
  std::string first, second;
  {
    ScratchPgDatabase a;
    ScratchPgDatabase b;
    first = current_database(a.url());
    second = current_database(b.url());
    CHECK(first.rfind("cahub_t_", 0) == 0);
    CHECK(second.rfind("cahub_t_", 0) == 0);
    CHECK(first != second);
    CHECK(a.url() != b.url());
    CHECK(database_exists(first));
    CHECK(database_exists(second));
  }
  CHECK_FALSE(database_exists(first));
  CHECK_FALSE(database_exists(second));
}

TEST_CASE("a scratch database is dropped even while a test still holds a connection to it") {
  std::optional<pqxx::connection> left_open;
  std::string name;
  {
    ScratchPgDatabase scratch;
    left_open.emplace(scratch.url());
    name = current_database(scratch.url());
    pqxx::work write(*left_open);
    write.exec0("CREATE TABLE kept_busy (id integer)");
    write.commit();
  }
  CHECK_FALSE(database_exists(name));
}

TEST_CASE("without the fixture's state, a PostgreSQL test says to run it through ctest") {
  SECTION("no CAHUB_TEST_PG_STATE") {
    ScopedEnvironment unset("CAHUB_TEST_PG_STATE", nullptr);
    CHECK_THROWS_WITH(ScratchPgDatabase(), Catch::Contains("run this test through ctest") &&
                                               Catch::Contains("pg_cluster fixture"));
  }
  SECTION("a state file that is not there (the cluster was stopped)") {
    ScopedEnvironment missing("CAHUB_TEST_PG_STATE", "/nonexistent/pg_cluster.state");
    CHECK_THROWS_WITH(test_cluster_url(), Catch::Contains("/nonexistent/pg_cluster.state") &&
                                              Catch::Contains("run this test through ctest"));
  }
}
