#include <catch2/catch.hpp>

#include <string>

#include "config/config_error.hpp"
#include "config/load_config.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub;
using namespace cahub::config;
using cahub::testing::ScratchFolder;

namespace {

const Defaults build_tree{"/opt/cahub/build/plugins", "/opt/cahub/rules", "/opt/cahub/var/cahub.db", "/opt/cahub/var"};

Config parse(const std::string& text) { return parse_config(text, "cahub.toml", build_tree); }

// The message a text fails with, as the operator sees it.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL("no ConfigError for:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("without a config file the defaults apply, paths from the caller") {
  const Config c = default_config(build_tree);
  CHECK(c.paths.plugins == "/opt/cahub/build/plugins");
  CHECK(c.paths.rules == "/opt/cahub/rules");
  CHECK(c.paths.database == "/opt/cahub/var/cahub.db");
  CHECK(c.paths.var == "/opt/cahub/var");
  CHECK(c.server.listen == "127.0.0.1");
  CHECK(c.server.port == 8080);
  CHECK(c.server.threads == 4);
  CHECK(c.server.max_body_bytes == 4194304);
  CHECK(c.rules.instructions_per_call == 1000000);
  CHECK(c.rules.memory_bytes == 16777216);
  CHECK(c.rules.milliseconds_per_call == 1000);
  CHECK(c.log.level == LogLevel::Info);
  CHECK(c.calendar.holidays.empty());
  CHECK(c.calendar.workdays.empty());
}

TEST_CASE("an empty config file changes nothing") {
  const Config c = parse("# nothing set yet\n");
  CHECK(c.paths.database == "/opt/cahub/var/cahub.db");
  CHECK(c.server.port == 8080);
  CHECK(c.store.group_commit);  // on unless turned off
}

TEST_CASE("a config file overrides exactly the keys it sets") {
  const Config c = parse(R"toml(
[server]
port = 9090
threads = 8

[rules]
memory_bytes = 33554432

[log]
level = "debug"

[calendar]
holidays = ["2026-10-02", "2026-10-01", "2026-10-02"]
workdays = [2026-09-27]
)toml");
  CHECK(c.server.port == 9090);
  CHECK(c.server.threads == 8);
  CHECK(c.server.listen == "127.0.0.1");       // not set: default
  CHECK(c.server.max_body_bytes == 4194304);   // not set: default
  CHECK(c.rules.memory_bytes == 33554432);
  CHECK(c.rules.instructions_per_call == 1000000);
  CHECK(c.log.level == LogLevel::Debug);
  CHECK(c.paths.plugins == "/opt/cahub/build/plugins");
  // Sorted and without duplicates; TOML's own dates are accepted as well as strings.
  REQUIRE(c.calendar.holidays.size() == 2);
  CHECK(c.calendar.holidays[0].iso() == "2026-10-01");
  CHECK(c.calendar.holidays[1].iso() == "2026-10-02");
  REQUIRE(c.calendar.workdays.size() == 1);
  CHECK(c.calendar.workdays[0].iso() == "2026-09-27");
}

TEST_CASE("relative paths in a config file are resolved against the file's folder") {
  ScratchFolder scratch;
  const auto file = scratch.write("etc/cahub.toml", R"toml(
[paths]
plugins = "plugins"
rules = "./scripts/../rules"
database = "../var/cahub.db"
var = "/srv/cahub/var"
)toml");
  const Config c = load_config(file, build_tree);
  const auto etc = scratch.path() / "etc";
  CHECK(c.paths.plugins == etc / "plugins");
  CHECK(c.paths.rules == etc / "rules");
  CHECK(c.paths.database == scratch.path() / "var" / "cahub.db");
  CHECK(c.paths.var == "/srv/cahub/var");  // absolute: as written
}

TEST_CASE("a config file named relative to the working directory still yields absolute paths") {
  const Config c = parse_config("[paths]\nplugins = \"plugins\"\n", "conf/cahub.toml", build_tree);
  CHECK(c.paths.plugins == std::filesystem::current_path() / "conf" / "plugins");
}

TEST_CASE("an unknown key is reported with file, line and the key probably meant") {
  std::string text = "# cahub configuration\n\n[paths]\ndatabase = \"var/cahub.db\"\n\n";
  text += "[server]\nlisten = \"0.0.0.0\"\n# the API port\n\nthreads = 4\nmax_body_bytes = 1048576\nprot = 8081\n";
  CHECK(error_of(text) == "cahub.toml:12: unknown key 'prot' in [server] (did you mean 'port'?)");
  CHECK(error_of("[log]\ncolour = true\n") == "cahub.toml:2: unknown key 'colour' in [log]");
}

TEST_CASE("unknown tables and keys outside a table are reported") {
  CHECK(error_of("\n[srever]\nport = 1\n") == "cahub.toml:2: unknown table [srever] (did you mean [server]?)");
  CHECK(error_of("[tls]\n") == "cahub.toml:1: unknown table [tls]");
  CHECK(error_of("port = 8080\n") == "cahub.toml:1: unknown key 'port' outside any table (it belongs in [server])");
  CHECK(error_of("debug = true\n") == "cahub.toml:1: unknown key 'debug' outside any table");
  CHECK(error_of("server = 5\n") == "cahub.toml:1: 'server' must be a table ([server]), got an integer");
  CHECK(error_of("[server.tls]\ncert = \"x\"\n") == "cahub.toml:1: unknown key 'tls' in [server]");
}

TEST_CASE("a value of the wrong type names the key and both types") {
  CHECK(error_of("[server]\nport = \"8080\"\n") == "cahub.toml:2: server.port must be an integer, got a string");
  CHECK(error_of("[server]\nport = 8080.0\n") ==
        "cahub.toml:2: server.port must be an integer, got a floating-point number");
  CHECK(error_of("[server]\nlisten = 127\n") == "cahub.toml:2: server.listen must be a string, got an integer");
  CHECK(error_of("[paths]\nvar = [\"var\"]\n") == "cahub.toml:2: paths.var must be a string, got an array");
  CHECK(error_of("[log]\nlevel = 1\n") == "cahub.toml:2: log.level must be a string, got an integer");
  CHECK(error_of("[calendar]\nholidays = \"2026-10-01\"\n") ==
        "cahub.toml:2: calendar.holidays must be an array of dates, got a string");
  CHECK(error_of("[paths]\ndatabase = \"\"\n") == "cahub.toml:2: paths.database must not be empty");
  CHECK(error_of("[store]\ngroup_commit = \"off\"\n") ==
        "cahub.toml:2: store.group_commit must be true or false, got a string");
}

TEST_CASE("integers out of bounds are refused with the bounds") {
  CHECK(error_of("[server]\nport = 0\n") == "cahub.toml:2: server.port must be between 1 and 65535, got 0");
  CHECK(error_of("[server]\nport = 65536\n") == "cahub.toml:2: server.port must be between 1 and 65535, got 65536");
  CHECK(error_of("[server]\nport = -80\n") == "cahub.toml:2: server.port must be between 1 and 65535, got -80");
  CHECK(error_of("[server]\nthreads = 0\n") == "cahub.toml:2: server.threads must be between 1 and 256, got 0");
  CHECK(error_of("[rules]\nmemory_bytes = 16\n") ==
        "cahub.toml:2: rules.memory_bytes must be between 1048576 and 1073741824, got 16");
  CHECK(parse("[server]\nport = 65535\n").server.port == 65535);
  CHECK(parse("[server]\nport = 1\n").server.port == 1);
}

TEST_CASE("an unknown log level lists the levels") {
  CHECK(error_of("[log]\nlevel = \"verbose\"\n") ==
        "cahub.toml:2: log.level must be one of trace, debug, info, warn, error; got 'verbose'");
  CHECK_THAT(error_of("[log]\nlevel = \"INFO\"\n"), Catch::EndsWith("got 'INFO'"));
  for (const char* level : {"trace", "debug", "info", "warn", "error"})
    CHECK(code_of(parse(std::string("[log]\nlevel = \"") + level + "\"\n").log.level) == level);
}

TEST_CASE("rules.source is store or files, files when absent") {
  CHECK(error_of("[rules]\nsource = \"database\"\n") ==
        "cahub.toml:2: rules.source must be one of \"store\", \"files\"; got 'database'");
  CHECK_THAT(error_of("[rules]\nsource = 1\n"), Catch::Contains("rules.source"));
  CHECK(parse("[rules]\nsource = \"store\"\n").rules_source == "store");
  CHECK(parse("").rules_source == "files");
}

TEST_CASE("store.url takes a PostgreSQL URL without a password, and is unset by default") {
  CHECK(parse("").store.url.empty());
  CHECK(parse("[store]\nurl = \"postgresql://cahub@db.example:5432/cahub\"\n").store.url ==
        "postgresql://cahub@db.example:5432/cahub");
  CHECK(parse("[store]\nurl = \"postgres:///cahub?host=/run/postgresql\"\n").store.url ==
        "postgres:///cahub?host=/run/postgresql");
  CHECK(error_of("[store]\nurl = \"/var/lib/cahub/cahub.db\"\n") ==
        "cahub.toml:2: store.url must be a postgresql:// URL (the SQLite file is paths.database)");
  // The message never repeats the URL: what is wrong with it may be the password itself.
  for (const char* with_password : {"postgresql://cahub:s3cret@db.example/cahub",
                                     "postgresql://db.example/cahub?sslmode=require&password=s3cret",
                                     "postgres://db.example/cahub?password=s3cret"}) {
    const std::string error = error_of(std::string("[store]\nurl = \"") + with_password + "\"\n");
    CHECK_THAT(error, Catch::StartsWith("cahub.toml:2: store.url must not carry a password"));
    CHECK_THAT(error, !Catch::Contains("s3cret"));
  }
  // A colon after the host is a port, not a password.
  CHECK(parse("[store]\nurl = \"postgresql://cahub@db.example:5432/cahub?password_hint=x\"\n").store.url.size() > 0);
}

TEST_CASE("a malformed holiday is reported on its own line") {
  const std::string text = "[calendar]\nholidays = [\n  \"2026-10-01\",\n  \"2026-02-30\",\n]\n";
  CHECK(error_of(text) == "cahub.toml:4: calendar.holidays[1] is '2026-02-30', not a date (YYYY-MM-DD)");
  CHECK(error_of("[calendar]\nholidays = [\"2026-10-1\"]\n") ==
        "cahub.toml:2: calendar.holidays[0] is '2026-10-1', not a date (YYYY-MM-DD)");
  CHECK(error_of("[calendar]\nworkdays = [20260927]\n") ==
        "cahub.toml:2: calendar.workdays[0] must be a date (YYYY-MM-DD), got an integer");
  CHECK(error_of("[calendar]\nholidays = [2026-10-01T00:00:00]\n") ==
        "cahub.toml:2: calendar.holidays[0] must be a date (YYYY-MM-DD), got a date-time");
}

TEST_CASE("a TOML syntax error is reported with its line") {
  const std::string message = error_of("[server]\nport = 8080\nthreads = = 4\n");
  CHECK_THAT(message, Catch::StartsWith("cahub.toml:3: TOML syntax error: "));
  CHECK_THAT(error_of("[server]\nport = 1\nport = 2\n"), Catch::StartsWith("cahub.toml:3: TOML syntax error: "));
  CHECK_THAT(error_of("[server\n"), Catch::StartsWith("cahub.toml:1: TOML syntax error: "));
}

TEST_CASE("the first problem in file order is the one reported") {
  // toml++ keeps keys sorted; the report must follow the file.
  CHECK(error_of("[server]\nthreads = 0\nport = 0\n") ==
        "cahub.toml:2: server.threads must be between 1 and 256, got 0");
  CHECK(error_of("[zzz]\n[aaa]\n") == "cahub.toml:1: unknown table [zzz]");
}

TEST_CASE("a config file that cannot be read is reported by name") {
  ScratchFolder scratch;
  const auto missing = scratch.path() / "cahub.toml";
  try {
    load_config(missing, build_tree);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == missing.string() + ": cannot read the configuration file: No such file or directory");
    CHECK(e.file() == missing);
    CHECK(e.line() == 0);
  }
}

TEST_CASE("ConfigError carries file, line and message apart") {
  try {
    parse_config("[server]\nport = 0\n", "/etc/cahub/cahub.toml", build_tree);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(e.file() == "/etc/cahub/cahub.toml");
    CHECK(e.line() == 2);
    CHECK(e.message() == "server.port must be between 1 and 65535, got 0");
    CHECK(std::string(e.what()) == "/etc/cahub/cahub.toml:2: server.port must be between 1 and 65535, got 0");
  }
}
