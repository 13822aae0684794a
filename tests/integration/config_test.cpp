// The configuration as a user meets it: the sample loads, the docs table is what the schema says,
// and a mistake in the file is one line naming file and line.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using Catch::Matchers::Contains;

TEST_CASE("samples/cahub.toml loads and points at the bundled rules") {
  RunResult r = run_cahub({"config", "show", "--config", CAHUB_SOURCE_DIR "/samples/cahub.toml"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains(CAHUB_SOURCE_DIR "/rules"));
  CHECK_THAT(r.out, Contains("port = 8080"));
}

TEST_CASE("docs/configuration.md carries the schema table the binary prints") {
  RunResult r = run_cahub({"config", "schema"});
  REQUIRE(r.exit_code == 0);
  std::ifstream doc(CAHUB_SOURCE_DIR "/docs/configuration.md");
  std::stringstream text;
  text << doc.rdbuf();
  // If this fails, regenerate the table: build/bin/cahub config schema
  CHECK_THAT(text.str(), Contains(r.out));
}

TEST_CASE("a mistake in the configuration is one line with file and line, exit 2") {
  ScratchFolder dir;
  dir.write("cahub.toml", "[server]\nprot = 8080\n");
  RunResult r = run_cahub({"quote", "--config", dir.file("cahub.toml"), "--region", "central", "--ca", "bjca",
                           "--business", "new"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("cahub.toml:2: unknown key 'prot' in [server]"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  RunResult level = run_cahub({"quote", "--log-level", "loud", "--region", "central", "--ca", "bjca", "--business", "new"});
  CHECK(level.exit_code == 2);
  CHECK_THAT(level.err, Contains("unknown log level 'loud'"));
}

TEST_CASE("audit verify on a fresh database: intact, and a file that is not a database: exit 2") {
  ScratchFolder dir;
  db_init({"--db", dir.file("cahub.db")});
  RunResult fresh = run_cahub({"audit", "verify", "--db", dir.file("cahub.db")});
  INFO(fresh.err);
  CHECK(fresh.exit_code == 0);
  CHECK_THAT(fresh.out, Contains("audit chain intact: 0 events"));

  dir.write("garbage.db", std::string(8192, 'x'));
  RunResult garbage = run_cahub({"audit", "verify", "--db", dir.file("garbage.db")});
  CHECK(garbage.exit_code == 2);
  CHECK_THAT(garbage.err, Contains("garbage.db"));
  CHECK(std::count(garbage.err.begin(), garbage.err.end(), '\n') == 1);
}

TEST_CASE("staff add reads the password from stdin and refuses what it cannot store") {
  ScratchFolder dir;
  const std::string db = dir.file("cahub.db");
  db_init({"--db", db});
  RunResult added = cahub::testing::run(CAHUB_BINARY, {"staff", "add", "zhao.li", "--name", "赵丽", "--role", "admin",
                                                       "--db", db},
                                        std::chrono::seconds(60), "a long passphrase\n");
  INFO(added.err);
  CHECK(added.exit_code == 0);
  CHECK(added.out == "added admin zhao.li (赵丽)\n");

  RunResult again = cahub::testing::run("env", {"-u", "CAHUB_TOKEN", "CAHUB_PASSWORD=a long passphrase", CAHUB_BINARY,
                                                "staff", "add", "zhao.li", "--name", "赵丽", "--role", "clerk",
                                                "--as", "zhao.li", "--db", db},
                                        std::chrono::seconds(60), "another passphrase\n");
  CHECK(again.exit_code == 5);
  CHECK(again.err == "cahub: login_taken: there is already a staff account \"zhao.li\"\n");

  RunResult no_password = run("env", {"-u", "CAHUB_TOKEN", "CAHUB_PASSWORD=a long passphrase", CAHUB_BINARY, "staff",
                                      "add", "li", "--name", "李", "--role", "clerk", "--as", "zhao.li", "--db", db});
  CHECK(no_password.exit_code == 2);
  CHECK_THAT(no_password.err, Contains("password_required"));

  RunResult bad_role = cahub::testing::run(CAHUB_BINARY, {"staff", "add", "li", "--name", "李", "--role", "root", "--db", db},
                                           std::chrono::seconds(60), "a long passphrase\n");
  CHECK(bad_role.exit_code == 2);
  CHECK_THAT(bad_role.err, Contains("--role must be clerk, reviewer or admin"));

  RunResult audit = run_cahub({"audit", "verify", "--db", db});
  CHECK_THAT(audit.out, Contains("audit chain intact: 1 events"));
}

TEST_CASE("certs expiring answers on an empty registry and refuses a bad window") {
  ScratchFolder dir;
  db_init({"--db", dir.file("c.db")});
  RunResult none = run_cahub({"certs", "expiring", "--within", "30d", "--today", "2026-11-23", "--db", dir.file("c.db")});
  INFO(none.err);
  CHECK(none.exit_code == 0);
  CHECK(none.out == "no active certificate expires within 30 days of 2026-11-23\n");
  RunResult bad = run_cahub({"certs", "expiring", "--within", "a month", "--db", dir.file("c.db")});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("--within must be a number of days"));
  RunResult json_out = run_cahub({"certs", "expiring", "--json", "--today", "2026-11-23", "--db", dir.file("c.db")});
  CHECK(nlohmann::json::parse(json_out.out).at("certificates").empty());
}
