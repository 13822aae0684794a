#include "cli/database_url.hpp"

#include <cstdlib>

namespace cahub::cli {

std::optional<store::postgres::PgUrl> chosen_database_url(const std::string& option) {
  std::string text = option;
  if (text.empty())
    if (const char* env = std::getenv("CAHUB_DATABASE_URL"); env != nullptr) text = env;
  if (text.empty()) return std::nullopt;
  return store::postgres::PgUrl::parse(text);
}

}  // namespace cahub::cli
