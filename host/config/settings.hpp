#pragma once
// The described schema of cahub.toml, Fluent Bit config_map style: one row per key with its type,
// bounds, default and description. Loading validates against it, and --help, the docs table and
// render_toml are generated from it, so the four cannot disagree.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.hpp"

namespace cahub::config {

enum class SettingType {
  String,    // non-empty TOML string
  Path,      // non-empty TOML string; relative to the config file's folder
  Integer,   // TOML integer within [min, max]
  LogLevel,  // one of the LogLevel codes
  DateList,  // array of 'YYYY-MM-DD' strings or TOML dates
  Boolean,   // TOML true or false
  Choice,    // one of `choices`, as a string
  DatabaseUrl,  // a postgresql:// or postgres:// URL without a password, as a string; optional
};

// A checked value; the alternative matches the setting's type (Path → path, DateList → dates).
using SettingValue = std::variant<std::string, std::filesystem::path, std::int64_t, LogLevel, std::vector<Date>, bool>;

struct Setting {
  std::string_view table;        // TOML table, e.g. "server"
  std::string_view key;          // key within it, e.g. "port"
  SettingType type;
  std::string_view description;  // one or two sentences, for the docs and --help
  std::int64_t min = 0;          // Integer only: inclusive bounds
  std::int64_t max = 0;
  // The setting's value in `config`, written as TOML.
  std::string (*show)(const Config& config) = nullptr;
  // Stores a checked value into `config`.
  void (*store)(Config& config, const SettingValue& value) = nullptr;
  // Path only: the default is empty, meaning unset (e.g. [audit] checkpoint_file). Rendered as a
  // comment while unset, since a set path must not be empty.
  bool optional = false;
  // Choice only: the codes it takes.
  std::span<const std::string_view> choices = {};

  std::string name() const;       // "server.port"
  std::string type_text() const;  // "integer, 1 to 65535"
  bool unset_in(const Config& config) const { return optional && show(config) == "\"\""; }
};

// Every setting, grouped by table, in the order the docs present them.
std::span<const Setting> settings();

// The row for [table] key, or nullptr.
const Setting* find_setting(std::string_view table, std::string_view key);

// The tables of cahub.toml, in schema order.
std::vector<std::string_view> setting_tables();

// `text` as a TOML basic string, quoted and escaped.
std::string toml_string(std::string_view text);

// `name` as a TOML key: bare when it is letters, digits, _ and - only, otherwise quoted, so that a
// plugin id or setting written "a.b" or "名称" reads back as the one key it was.
std::string toml_key(std::string_view name);

}  // namespace cahub::config
