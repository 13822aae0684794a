#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "config/load_config.hpp"
#include "config/render_toml.hpp"
#include "config/schema_docs.hpp"
#include "config/settings.hpp"

using namespace cahub;
using namespace cahub::config;

namespace {

const Defaults build_tree{"/opt/cahub/build/plugins", "/opt/cahub/rules", "/opt/cahub/var/cahub.db", "/opt/cahub/var"};

}  // namespace

TEST_CASE("every setting is described once, with what loading and docs need") {
  std::set<std::string> names;
  for (const Setting& s : settings()) {
    INFO(s.name());
    CHECK(names.insert(s.name()).second);
    CHECK_FALSE(s.description.empty());
    CHECK(s.show != nullptr);
    CHECK(s.store != nullptr);
    if (s.type == SettingType::Integer) CHECK(s.min <= s.max);
    CHECK(find_setting(s.table, s.key) == &s);
  }
  CHECK(find_setting("server", "prot") == nullptr);
  CHECK(setting_tables() ==
        std::vector<std::string_view>{"paths", "server", "sign_in", "rules", "store", "metrics", "audit", "keys", "log", "calendar"});
}

TEST_CASE("the built-in defaults lie within their own bounds") {
  const Config defaults = default_config(build_tree);
  for (const Setting& s : settings()) {
    if (s.type != SettingType::Integer) continue;
    INFO(s.name());
    const long long value = std::stoll(s.show(defaults));
    CHECK(value >= s.min);
    CHECK(value <= s.max);
  }
}

TEST_CASE("render_toml writes a file that loads back to the same configuration") {
  // The schema's show and store agree for every key, so nothing is lost on the way.
  const Config defaults = default_config(build_tree);
  const std::string text = render_toml(defaults);
  CHECK(render_toml(parse_config(text, "/etc/cahub/cahub.toml", {})) == text);
  CHECK_THAT(text, Catch::Contains("[audit]\n# signing_key_file = (unset)\n"));  // unset paths: comments

  const Config changed = parse_config(R"toml(
[paths]
plugins = "/srv/plugins"
rules = "/srv/rules \"quoted\""
database = "/srv/db/cahub.db"
var = "/srv/var"
[server]
listen = "0.0.0.0"
port = 443
threads = 16
max_body_bytes = 2048
max_header_bytes = 4096
header_timeout_ms = 2000
body_timeout_ms = 5000
idle_timeout_ms = 7000
write_timeout_ms = 9000
max_connections = 5000
max_connections_per_address = 16
access_log = true
[sign_in]
failures_per_login = 5
failures_per_address = 100
window_seconds = 300
concurrent_checks = 4
queued_checks = 0
[rules]
instructions_per_call = 5000
memory_bytes = 2097152
total_memory_bytes = 33554432
milliseconds_per_call = 250
source = "store"
watch_milliseconds = 0
[store]
group_commit = false
url = "postgresql://cahub@db.example:5432/cahub"
[metrics]
enabled = false
[audit]
signing_key_file = "/etc/cahub/audit.key"
public_key_file = "audit.pub"
checkpoint_file = "/var/lib/cahub-anchors/checkpoints.jsonl"
checkpoint_interval_ms = 250
checkpoint_syslog = true

[keys]
kek_file = "secrets/kek"
[log]
level = "warn"
[calendar]
holidays = ["2026-10-01", "2026-10-02"]
workdays = ["2026-09-27"]
)toml", "/etc/cahub/cahub.toml", build_tree);
  for (const Setting& s : settings()) {
    INFO(s.name() << " must be set to a non-default value above, so that its store is exercised");
    CHECK(s.show(changed) != s.show(defaults));
  }
  const std::string changed_text = render_toml(changed);
  CHECK(render_toml(parse_config(changed_text, "/etc/cahub/cahub.toml", build_tree)) == changed_text);
  CHECK_THAT(changed_text, Catch::Contains("rules = \"/srv/rules \\\"quoted\\\"\"\n"));
  CHECK(changed.rules.milliseconds_per_call == 250);
  CHECK(changed.rules_watch.milliseconds == 0);
  CHECK_FALSE(changed.store.group_commit);
  CHECK(changed.sign_in.window_seconds == 300);
  CHECK(changed.sign_in.queued_checks == 0);
  CHECK(changed.audit.public_key_file == "/etc/cahub/audit.pub");  // relative to the config file's folder
  CHECK(changed.audit.checkpoint_interval_ms == 250);
  CHECK_THAT(changed_text, Catch::Contains("holidays = [\"2026-10-01\", \"2026-10-02\"]\n"));
  // A relative kek_file is relative to the configuration file, like every path.
  CHECK(changed.keys.kek_file == "/etc/cahub/secrets/kek");
  // Unset, an optional setting is a comment, so the file loads back unset.
  CHECK(defaults.keys.kek_file.empty());
  CHECK_THAT(text, Catch::Contains("[keys]\n# kek_file = (unset)\n"));
}

TEST_CASE("the Markdown schema has one row per setting with type, default and description") {
  const std::string markdown = schema_markdown(default_config({"build/plugins", "rules", "var/cahub.db", "var"}));
  CHECK_THAT(markdown, Catch::StartsWith("| Key | Type | Default | Description |\n|---|---|---|---|\n"));
  CHECK_THAT(markdown, Catch::Contains("| `server.port` | integer, 1 to 65535 | `8080` | TCP port of the HTTP API. |\n"));
  CHECK_THAT(markdown, Catch::Contains("| `paths.plugins` | path | `\"build/plugins\"` |"));
  CHECK_THAT(markdown, Catch::Contains("| `log.level` | one of trace, debug, info, warn, error | `\"info\"` |"));
  CHECK_THAT(markdown, Catch::Contains("| `calendar.holidays` | array of dates (YYYY-MM-DD) | `[]` |"));
  CHECK_THAT(markdown, Catch::Contains("| `store.group_commit` | boolean | `true` |"));
  CHECK_THAT(markdown, Catch::Contains("| `audit.checkpoint_file` | path | (unset) |"));
  CHECK_THAT(markdown, Catch::Contains("| `keys.kek_file` | path | (unset) |"));
  // Plus one row for the open-ended [plugins.<id>] tables.
  CHECK_THAT(markdown, Catch::Contains("| `plugins.<id>.<key>` | string, integer or boolean | (none) |"));
  std::size_t rows = 0;
  for (char c : markdown) rows += c == '\n';
  CHECK(rows == settings().size() + 3);
}

TEST_CASE("the --help text groups settings by table") {
  const std::string help = schema_help(default_config(build_tree));
  CHECK_THAT(help, Catch::StartsWith("[paths]\n  plugins = \"/opt/cahub/build/plugins\"  (path)\n"));
  CHECK_THAT(help, Catch::Contains("\n[server]\n  listen = \"127.0.0.1\"  (string)\n"));
  CHECK_THAT(help, Catch::Contains("  port = 8080  (integer, 1 to 65535)\n      TCP port of the HTTP API.\n"));
}

TEST_CASE("render_toml quotes plugin ids and keys that are not bare TOML keys") {
  // Found by tests/fuzz/config_toml.cpp: an id or key with a dot, a space or Chinese was written
  // bare, so the file read back as other tables, or not at all.
  const Config config = parse_config(R"toml(
[plugins."netca.test"]
"key with space" = "a"
"名称" = "深圳"
plain_key-1 = 2
[plugins.bjca]
"" = true
)toml", "/etc/cahub/cahub.toml", build_tree);
  const std::string text = render_toml(config);
  CHECK_THAT(text, Catch::Contains("\n[plugins.\"netca.test\"]\n\"key with space\" = \"a\"\n\"名称\" = \"深圳\"\nplain_key-1 = \"2\"\n"));
  CHECK_THAT(text, Catch::Contains("\n[plugins.bjca]\n\"\" = \"true\"\n"));
  const Config again = parse_config(text, "/etc/cahub/cahub.toml", build_tree);
  CHECK(again.plugins == config.plugins);
  CHECK(render_toml(again) == text);
}

TEST_CASE("toml_key leaves bare keys bare and quotes the rest") {
  CHECK(toml_key("bjca") == "bjca");
  CHECK(toml_key("a-b_9") == "a-b_9");
  CHECK(toml_key("a.b") == "\"a.b\"");
  CHECK(toml_key("") == "\"\"");
  CHECK(toml_key("名称") == "\"名称\"");
}

TEST_CASE("toml_string escapes what TOML requires") {
  CHECK(toml_string("var") == "\"var\"");
  CHECK(toml_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(toml_string("tab\there") == "\"tab\\u0009here\"");
  CHECK(toml_string("数字证书") == "\"数字证书\"");
}
