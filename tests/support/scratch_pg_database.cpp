#include "support/scratch_pg_database.hpp"

#include <pqxx/pqxx>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace cahub::testing {

namespace {

constexpr const char* state_variable = "CAHUB_TEST_PG_STATE";

// A name no other test process picks: the pid tells processes apart, the counter databases of one
// process, and the random part a pid reused after a killed run whose database was never dropped.
std::string fresh_database_name() {
  static std::atomic<unsigned> made{0};
  std::random_device random;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(random()));
  return "cahub_t_" + std::to_string(getpid()) + "_" + std::to_string(made++) + "_" + hex;
}

// `postgresql:///postgres?host=…` names its database in the path; replace it.
std::string with_database(const std::string& cluster_url, const std::string& name) {
  const auto query = cluster_url.find('?');
  const auto path = cluster_url.rfind('/', query);
  if (path == std::string::npos) {
    throw std::runtime_error("the test cluster's URL has no database path: " + cluster_url);
  }
  return cluster_url.substr(0, path + 1) + name +
         (query == std::string::npos ? "" : cluster_url.substr(query));
}

}  // namespace

std::string test_cluster_url() {
  const char* state_file = std::getenv(state_variable);
  if (state_file == nullptr || *state_file == '\0') {
    throw std::runtime_error(std::string("no PostgreSQL test cluster (") + state_variable +
                             " is not set): run this test through ctest: it needs the pg_cluster fixture");
  }
  // Two lines: the cluster's folder, then its URL.
  std::ifstream in(state_file);
  std::string folder, url;
  if (!std::getline(in, folder) || !std::getline(in, url) || url.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL test cluster (no state in ") + state_file +
                             "): run this test through ctest: it needs the pg_cluster fixture");
  }
  return url;
}

ScratchPgDatabase::ScratchPgDatabase() : name_(fresh_database_name()) {
  const auto cluster_url = test_cluster_url();
  url_ = with_database(cluster_url, name_);
  pqxx::connection cluster(cluster_url);
  // CREATE DATABASE cannot run inside a transaction block.
  pqxx::nontransaction create(cluster);
  create.exec0("CREATE DATABASE " + create.quote_name(name_));
}

ScratchPgDatabase::~ScratchPgDatabase() {
  // A destructor must not throw; a database left behind goes with the cluster at pg:cluster_stop.
  try {
    pqxx::connection cluster(test_cluster_url());
    pqxx::nontransaction drop(cluster);
    drop.exec0("DROP DATABASE IF EXISTS " + drop.quote_name(name_) + " WITH (FORCE)");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "warning: could not drop the scratch database %s: %s\n", name_.c_str(), e.what());
  }
}

}  // namespace cahub::testing
