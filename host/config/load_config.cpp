#include "config/load_config.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/config_error.hpp"
#include "config/settings.hpp"

namespace cahub::config {
namespace {

// Whether a postgresql:// URL names a password: "user:secret@" before its host, or a password=
// parameter (libpq's connection URIs, https://www.postgresql.org/docs/15/libpq-connect.html).
bool carries_password(std::string_view url) {
  const std::string_view rest = url.substr(url.find("://") + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  const auto at = authority.rfind('@');
  if (at != std::string_view::npos && authority.substr(0, at).find(':') != std::string_view::npos) return true;
  const auto query = rest.find('?');
  if (query == std::string_view::npos) return false;
  const std::string_view parameters = rest.substr(query);
  return parameters.find("?password=") != std::string_view::npos ||
         parameters.find("&password=") != std::string_view::npos;
}

std::string a_or_an(toml::node_type type) {
  switch (type) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a floating-point number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }
std::size_t line_of(const toml::key& key, const toml::node& value) {
  return key.source().begin.line > 0 ? key.source().begin.line : line_of(value);
}

// Levenshtein distance, to suggest the key that was probably meant ("prot" → "port").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string_view> closest(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;  // further than 2 edits is a different word, not a typo
  for (std::string_view c : candidates)
    if (const std::size_t d = edit_distance(word, c); d < best_distance) {
      best = c;
      best_distance = d;
    }
  return best;
}

std::vector<std::string_view> keys_of(std::string_view table) {
  std::vector<std::string_view> keys;
  for (const Setting& s : settings())
    if (s.table == table) keys.push_back(s.key);
  return keys;
}

// The entries of a TOML table in the order they appear in the file (toml::table is sorted by
// key), so that the error reported is the first one a reader meets.
template <typename Table> std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const Table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (auto&& [key, node] : table) entries.emplace_back(&key, &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& x = a.first->source().begin;
    const auto& y = b.first->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return entries;
}

class Reader {
 public:
  Reader(const std::filesystem::path& file, const Defaults& defaults)
      : file_(file), folder_(std::filesystem::absolute(file).parent_path()), config_(default_config(defaults)) {}

  Config read(const toml::table& root) {
    const std::vector<std::string_view> tables = setting_tables();
    for (const auto& [key, node] : in_file_order(root)) {
      const std::string name(key->str());
      const std::size_t line = line_of(*key, *node);
      if (name == "plugins") {
        read_plugin_settings(*node, line);
        continue;
      }
      if (std::find(tables.begin(), tables.end(), name) == tables.end()) unknown_top_level(name, *node, line);
      const toml::table* table = node->as_table();
      if (!table) fail(line, "'" + name + "' must be a table ([" + name + "]), got " + a_or_an(node->type()));
      read_table(name, *table);
    }
    return std::move(config_);
  }

 private:
  [[noreturn]] void fail(std::size_t line, const std::string& message) const { throw ConfigError(file_, line, message); }

  [[noreturn]] void unknown_top_level(const std::string& name, const toml::node& node, std::size_t line) const {
    if (!node.is_table()) {
      for (const Setting& s : settings())
        if (s.key == name)
          fail(line, "unknown key '" + name + "' outside any table (it belongs in [" + std::string(s.table) + "])");
      fail(line, "unknown key '" + name + "' outside any table");
    }
    std::string message = "unknown table [" + name + "]";
    if (auto guess = closest(name, setting_tables())) message += " (did you mean [" + std::string(*guess) + "]?)";
    fail(line, message);
  }

  // [plugins.<id>]: one table per plugin, scalar values passed on as text.
  void read_plugin_settings(const toml::node& node, std::size_t line) {
    const toml::table* plugins = node.as_table();
    if (!plugins) fail(line, "'plugins' must be a table of [plugins.<id>] tables, got " + a_or_an(node.type()));
    for (const auto& [id_key, id_node] : in_file_order(*plugins)) {
      const std::string id(id_key->str());
      const std::size_t id_line = line_of(*id_key, *id_node);
      const toml::table* table = id_node->as_table();
      if (!table) fail(id_line, "'plugins." + id + "' must be a table ([plugins." + id + "]), got " + a_or_an(id_node->type()));
      auto& settings = config_.plugins[id];
      for (const auto& [key, value] : in_file_order(*table)) {
        const std::string name = "plugins." + id + "." + std::string(key->str());
        std::string text;
        if (const auto* s = value->as_string())
          text = s->get();
        else if (const auto* i = value->as_integer())
          text = std::to_string(i->get());
        else if (const auto* b = value->as_boolean())
          text = b->get() ? "true" : "false";
        else
          fail(line_of(*key, *value), name + " must be a string, an integer or a boolean, got " + a_or_an(value->type()));
        settings.emplace_back(std::string(key->str()), std::move(text));
      }
    }
  }

  void read_table(const std::string& table_name, const toml::table& table) {
    for (const auto& [key, node] : in_file_order(table)) {
      const std::string name(key->str());
      const std::size_t line = line_of(*key, *node);
      const Setting* setting = find_setting(table_name, name);
      if (!setting) {
        std::string message = "unknown key '" + name + "' in [" + table_name + "]";
        if (auto guess = closest(name, keys_of(table_name))) message += " (did you mean '" + std::string(*guess) + "'?)";
        fail(line, message);
      }
      setting->store(config_, value_of(*setting, *node, line));
    }
  }

  SettingValue value_of(const Setting& setting, const toml::node& node, std::size_t line) const {
    auto wrong_type = [&](std::string_view expected) {
      fail(line, setting.name() + " must be " + std::string(expected) + ", got " + a_or_an(node.type()));
    };
    switch (setting.type) {
      case SettingType::String:
      case SettingType::Path: {
        const auto* text = node.as_string();
        if (!text) wrong_type("a string");
        if (text->get().empty()) fail(line, setting.name() + " must not be empty");
        if (setting.type == SettingType::String) return text->get();
        const std::filesystem::path path = text->get();
        return (path.is_absolute() ? path : folder_ / path).lexically_normal();
      }
      case SettingType::Integer: {
        const auto* number = node.as_integer();
        if (!number) wrong_type("an integer");
        const std::int64_t value = number->get();
        if (value < setting.min || value > setting.max)
          fail(line, setting.name() + " must be between " + std::to_string(setting.min) + " and " +
                         std::to_string(setting.max) + ", got " + std::to_string(value));
        return value;
      }
      case SettingType::LogLevel: {
        const auto* text = node.as_string();
        if (!text) wrong_type("a string");
        if (auto level = parse_code<LogLevel>(text->get())) return *level;
        fail(line, setting.name() + " must be " + setting.type_text() + "; got '" + text->get() + "'");
      }
      case SettingType::Choice: {
        const auto* text = node.as_string();
        if (!text) wrong_type("a string");
        for (std::string_view code : setting.choices)
          if (code == text->get()) return text->get();
        fail(line, setting.name() + " must be " + setting.type_text() + "; got '" + text->get() + "'");
      }
      case SettingType::DateList: return dates_of(setting, node, line);
      case SettingType::DatabaseUrl: {
        const auto* text = node.as_string();
        if (!text) wrong_type("a string");
        const std::string& url = text->get();
        if (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0)
          fail(line, setting.name() + " must be a postgresql:// URL (the SQLite file is paths.database)");
        // The message does not echo the URL: it may be the password that is wrong with it.
        if (carries_password(url))
          fail(line, setting.name() + " must not carry a password, which `cahub config show` would print: keep it "
                                      "in ~/.pgpass, $PGPASSFILE or $PGPASSWORD, or give the whole URL in "
                                      "$CAHUB_DATABASE_URL");
        return url;
      }
      case SettingType::Boolean: {
        const auto* flag = node.as_boolean();
        if (!flag) wrong_type("true or false");
        return flag->get();
      }
    }
    fail(line, setting.name() + ": unsupported setting type");
  }

  std::vector<Date> dates_of(const Setting& setting, const toml::node& node, std::size_t line) const {
    const toml::array* array = node.as_array();
    if (!array) fail(line, setting.name() + " must be an array of dates, got " + a_or_an(node.type()));
    std::vector<Date> dates;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::size_t element_line = line_of(element) > 0 ? line_of(element) : line;
      const std::string where = setting.name() + "[" + std::to_string(i) + "]";
      std::optional<Date> date;
      if (const auto* text = element.as_string()) {
        date = Date::parse(text->get());
        if (!date) fail(element_line, where + " is '" + text->get() + "', not a date (YYYY-MM-DD)");
      } else if (const auto* native = element.as_date()) {
        const toml::date d = native->get();
        date = Date::from_ymd(d.year, d.month, d.day);
        if (!date) fail(element_line, where + " is outside the years 1900 to 9999");
      } else {
        fail(element_line, where + " must be a date (YYYY-MM-DD), got " + a_or_an(element.type()));
      }
      dates.push_back(*date);
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
  }

  std::filesystem::path file_;
  std::filesystem::path folder_;
  Config config_;
};

}  // namespace

Config parse_config(std::string_view toml_text, const std::filesystem::path& file, const Defaults& defaults) {
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string_view(file.string()));
  } catch (const toml::parse_error& e) {
    throw ConfigError(file, e.source().begin.line, "TOML syntax error: " + std::string(e.description()));
  }
  return Reader(file, defaults).read(root);
}

Config load_config(const std::filesystem::path& file, const Defaults& defaults) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file, 0, std::string("cannot read the configuration file: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(file, 0, "cannot read the configuration file");
  return parse_config(text.str(), file, defaults);
}

}  // namespace cahub::config
