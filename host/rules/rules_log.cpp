#include "rules/rules_log.hpp"

#include <spdlog/spdlog.h>

namespace cahub::rules {

std::shared_ptr<spdlog::logger> rules_logger() {
  // Looked up on every use (only print and load problems log) so that a "rules" logger the host
  // registers later, e.g. after reading its configuration, is the one used.
  if (auto existing = spdlog::get("rules")) return existing;
  auto made = spdlog::default_logger()->clone("rules");
  try {
    spdlog::register_logger(made);
  } catch (const spdlog::spdlog_ex&) {  // another thread registered it first
    if (auto existing = spdlog::get("rules")) return existing;
  }
  return made;
}

}  // namespace cahub::rules
