#include "cli/database_url.hpp"

#include <cstdlib>

namespace cahub::cli {

std::optional<store::postgres::PgUrl> chosen_database_url(const std::string& option, const config::Config& cfg) {
  std::string text = option;
  if (text.empty())
    if (const char* env = std::getenv("CAHUB_DATABASE_URL"); env != nullptr) text = env;
  if (text.empty()) text = cfg.store.url;
  if (text.empty()) return std::nullopt;
  return store::postgres::PgUrl::parse(text);
}

store::StoreLocation chosen_store(const config::Config& cfg, const std::string& option) {
  return {cfg.paths.database, chosen_database_url(option, cfg)};
}

}  // namespace cahub::cli
