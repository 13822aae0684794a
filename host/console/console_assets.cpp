#include "console/console_assets.hpp"

#include <algorithm>

namespace cahub::console {

std::optional<ConsoleAsset> find_console_asset(std::string_view path) {
  const auto& assets = console_assets();
  const auto it = std::lower_bound(assets.begin(), assets.end(), path,
                                   [](const ConsoleAsset& a, std::string_view p) { return a.path < p; });
  if (it == assets.end() || it->path != path) return std::nullopt;
  return *it;
}

}  // namespace cahub::console
