// cahub.toml (host/config/load_config.cpp) on any text. Properties:
//   - parse_config gives a Config or a ConfigError, never another exception, and the error names
//     the file and a line that is in it (0 for the whole file);
//   - what it gives is what `cahub config show` writes back: render_toml's text reads back without
//     error to a configuration that renders to the same text (every bound, type, path, date list
//     and [plugins.<id>] table survives the round trip);
//   - the calendar's dates come back sorted and without duplicates.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "config/config_error.hpp"
#include "config/load_config.hpp"
#include "config/render_toml.hpp"
#include "fuzz_check.hpp"

using namespace cahub;
using namespace cahub::config;
using cahub::fuzz::expect;

namespace {

const std::filesystem::path kFile = "/fuzz/cahub.toml";
const Defaults kDefaults{"/fuzz/plugins", "/fuzz/rules", "/fuzz/var/cahub.db", "/fuzz/var"};

bool sorted_unique(const std::vector<Date>& dates) {
  return std::adjacent_find(dates.begin(), dates.end(), [](Date a, Date b) { return !(a < b); }) == dates.end();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Config config;
  try {
    config = parse_config(text, kFile, kDefaults);
  } catch (const ConfigError& e) {
    expect(e.file() == kFile, "a configuration error names the file", e.what());
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    expect(e.line() <= lines, "a configuration error's line is in the file", e.what());
    expect(!e.message().empty() && std::string_view(e.what()).starts_with(kFile.string()),
           "a configuration error reads file:line: message", e.what());
    return 0;
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("parse_config", e);
  }
  expect(sorted_unique(config.calendar.holidays) && sorted_unique(config.calendar.workdays),
         "the calendar's dates are sorted and distinct");

  const std::string rendered = render_toml(config);
  std::string again;
  try {
    again = render_toml(parse_config(rendered, kFile, kDefaults));
  } catch (const std::exception& e) {
    fuzz::broken("what render_toml writes reads back", std::string(e.what()) + "\n--- rendered:\n" + rendered);
  }
  expect(again == rendered, "a configuration survives render_toml and reading back",
         "--- first:\n" + rendered + "--- then:\n" + again);
  return 0;
}
