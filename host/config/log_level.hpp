#pragma once
// How much `cahub` logs. The codes are what cahub.toml's [log] level and the CLI accept.

#include <array>
#include <string_view>

#include "domain/vocabulary.hpp"

namespace cahub::config {

enum class LogLevel { Trace, Debug, Info, Warn, Error };

}  // namespace cahub::config

namespace cahub {

// code_of(LogLevel) and parse_code<LogLevel>() come with the other closed code lists.
template <> struct CodeList<config::LogLevel> {
  static constexpr std::array<std::string_view, 5> codes{"trace", "debug", "info", "warn", "error"};
  static constexpr std::string_view what = "log level";
};

}  // namespace cahub
