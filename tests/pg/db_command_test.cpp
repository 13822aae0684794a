// `cahub db init|migrate --url postgresql://…`, backup and restore, and `bench orders --url`, with
// the real binary on the real throwaway cluster:
// the exit codes and one-line refusals an operator scripts against, and a password that never
// shows in what cahub prints.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/migrations.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"
#include "support/scratch_pg_database.hpp"

using namespace cahub::testing;

namespace {

RunResult run_db(const ScratchFolder& home, std::vector<std::string> args) {
  // A folder of its own as the working directory's stand-in: nothing may be made there.
  args.insert(args.end(), {"--db", (home / "never-made.db").string()});
  return run(CAHUB_BINARY, args);
}

}  // namespace

TEST_CASE("db command: init makes a PostgreSQL database cahub's, migrate reports it, and no SQLite file appears") {
  ScratchFolder home;
  ScratchPgDatabase scratch;
  const RunResult before = run_db(home, {"db", "migrate", "--url", scratch.url()});
  CHECK(before.exit_code == 8);
  CHECK(before.err.find("cahub: database_missing: ") == 0);

  const RunResult init = run_db(home, {"db", "init", "--url", scratch.url()});
  REQUIRE(init.exit_code == 0);
  CHECK(init.out.find("is a cahub database at schema version " + std::to_string(cahub::store::latest_schema_version())) != std::string::npos);
  const RunResult again = run_db(home, {"db", "init", "--url", scratch.url()});
  CHECK(again.exit_code == 0);

  // The URL from the environment, as a deployment keeps it out of `ps`.
  ::setenv("CAHUB_DATABASE_URL", scratch.url().c_str(), 1);
  const RunResult migrate = run_db(home, {"db", "migrate"});
  ::unsetenv("CAHUB_DATABASE_URL");
  CHECK(migrate.exit_code == 0);
  CHECK(migrate.out.find("is at schema version " + std::to_string(cahub::store::latest_schema_version())) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(home / "never-made.db"));
}

TEST_CASE("backup and restore point a PostgreSQL service point to pg_dump and pg_restore, and touch nothing") {
  ScratchFolder home;
  ScratchPgDatabase scratch;
  REQUIRE(run_db(home, {"db", "init", "--url", scratch.url()}).exit_code == 0);
  ::setenv("CAHUB_DATABASE_URL", scratch.url().c_str(), 1);
  const RunResult backup = run_db(home, {"backup", (home / "b").string()});
  const RunResult restore = run_db(home, {"restore", (home / "b").string()});
  ::unsetenv("CAHUB_DATABASE_URL");
  CHECK(backup.exit_code == 2);
  CHECK(backup.err.find("cahub: backup_postgres: ") == 0);
  CHECK(backup.err.find("pg_dump") != std::string::npos);
  CHECK(restore.exit_code == 2);
  CHECK(restore.err.find("cahub: restore_postgres: ") == 0);
  CHECK(restore.err.find("pg_restore") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(home / "b"));
  CHECK_FALSE(std::filesystem::exists(home / "never-made.db"));
}

TEST_CASE("db command: an unreachable server exits 8 and a URL libpq cannot read exits 2, neither showing the password") {
  ScratchFolder home;
  const RunResult unreachable =
      run_db(home, {"db", "init", "--url", "postgresql://cahub:s3cret@127.0.0.1:1/cahub?connect_timeout=2"});
  CHECK(unreachable.exit_code == 8);
  CHECK(unreachable.err.find("cahub: database_unreachable: postgresql://cahub@127.0.0.1:1/cahub") == 0);
  CHECK(unreachable.err.find("s3cret") == std::string::npos);
  const RunResult unreadable = run_db(home, {"db", "init", "--url", "postgresql://cahub:s3%zzcret@db/cahub"});
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.err.find("cahub: database_url: ") == 0);
  CHECK(unreadable.err.find("zz") == std::string::npos);
}

TEST_CASE("bench orders --url measures on an empty PostgreSQL database, and refuses one that is not") {
  ScratchFolder home;
  ScratchPgDatabase scratch;
  const std::vector<std::string> bench{"bench", "orders", "--url", scratch.url(), "--n", "20", "--clients", "2",
                                       "--lifecycle-percent", "10", "--json", "--plugins", CAHUB_PLUGINS_DIR,
                                       "--rules", CAHUB_RULES_DIR};
  const RunResult first = run_db(home, bench);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(first.out);
  CHECK(report.at("store") == "postgresql");
  CHECK(report.at("group_commit") == false);
  CHECK(report.at("orders_created") == 20);
  CHECK(report.at("lifecycles_completed") == 2);
  CHECK(report.at("failures") == 0);
  CHECK(run(CAHUB_BINARY, {"audit", "verify", "--url", scratch.url()}).exit_code == 0);

  // Its accounts are there now: a second run would mix its figures with the first's data.
  const RunResult again = run_db(home, bench);
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("--url must name an empty database") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(home / "never-made.db"));
}
