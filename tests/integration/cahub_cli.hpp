#pragma once
// Runs the real `cahub` binary built by this tree against the bundled rules and plugins.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/scratch_folder.hpp"

namespace cahub::testing {

inline RunResult run_cahub(std::vector<std::string> args) { return run(CAHUB_BINARY, std::move(args)); }

// `cahub db init WHERE...` (e.g. {"--config", file} or {"--db", file}), which must succeed: the
// one explicit first start every scratch service point needs, since no other command creates a
// database.
inline void db_init(std::vector<std::string> where) {
  where.insert(where.begin(), {"db", "init"});
  const RunResult r = run_cahub(where);
  if (r.exit_code != 0) throw std::runtime_error("cahub db init exited " + std::to_string(r.exit_code) + ": " + r.err);
}

// `cahub quote --json --today <today> <args...>` on the bundled central rules and BJCA plugin.
inline RunResult quote(const std::string& today, std::vector<std::string> args) {
  std::vector<std::string> full{"quote", "--json", "--today", today, "--rules", CAHUB_RULES_DIR,
                                "--plugins", CAHUB_PLUGINS_DIR};
  full.insert(full.end(), args.begin(), args.end());
  return run_cahub(std::move(full));
}

inline nlohmann::json quote_json(const std::string& today, std::vector<std::string> args) {
  RunResult r = quote(today, std::move(args));
  if (r.exit_code != 0) throw std::runtime_error("cahub quote exited " + std::to_string(r.exit_code) + ": " + r.err);
  return nlohmann::json::parse(r.out);
}

// "qinghai.lua:128": the line of the bundled script `file` that contains `needle` (exactly once),
// so that a test can assert which rule --explain names without hard-coding line numbers.
inline std::string rule_at(const std::string& file, const std::string& needle) {
  const std::string text = read_bytes(std::string(CAHUB_RULES_DIR) + "/" + file);
  const auto at = text.find(needle);
  if (at == std::string::npos || text.find(needle, at + 1) != std::string::npos)
    throw std::runtime_error(file + " must contain '" + needle + "' exactly once");
  return file + ":" + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

inline std::vector<std::string> codes_of(const nlohmann::json& list) {
  std::vector<std::string> codes;
  for (const auto& item : list) codes.push_back(item.at("code").get<std::string>());
  return codes;
}

}  // namespace cahub::testing
