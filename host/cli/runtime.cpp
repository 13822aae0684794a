#include "cli/runtime.hpp"

#include "cli/key_encryption.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/database_url.hpp"
#include "config/config_error.hpp"
#include "config/load_config.hpp"
#include "releases/release_source.hpp"
#include "store/database.hpp"

namespace cahub::cli {
namespace {

config::Defaults build_tree_defaults() {
  const std::filesystem::path var = CAHUB_DEFAULT_VAR_DIR;
  return {CAHUB_DEFAULT_PLUGINS_DIR, CAHUB_DEFAULT_RULES_DIR, var / "cahub.db", var};
}

spdlog::level::level_enum spdlog_level(config::LogLevel level) {
  switch (level) {
    case config::LogLevel::Trace: return spdlog::level::trace;
    case config::LogLevel::Debug: return spdlog::level::debug;
    case config::LogLevel::Info: return spdlog::level::info;
    case config::LogLevel::Warn: return spdlog::level::warn;
    case config::LogLevel::Error: return spdlog::level::err;
  }
  return spdlog::level::info;
}

// Logs go to stderr so that stdout carries only the answer (`cahub quote --json | jq`).
void set_up_logging(config::LogLevel level) {
  static const bool installed = [] {
    auto logger = spdlog::stderr_color_mt("cahub");
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ [%n] %v");
    spdlog::set_default_logger(logger);
    return true;
  }();
  (void)installed;
  spdlog::set_level(spdlog_level(level));
}

// rules.source = "store": regions the store does not have yet are imported from the folder
// (audited, as "system"), then the book serves the published releases. The database must exist
// (`cahub db init`); a missing one is refused like every command's (store::StoreError).
releases::StoreFingerprint load_rules_from_store(rules::RuleBook& book, const config::Config& cfg) {
  const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
  for (const auto& region : releases::import_missing_regions(*db, cfg.paths.rules, cfg.rules))
    spdlog::info("region {}: imported from {} as its first release in the store", region, cfg.paths.rules.string());
  return releases::load_book_from_store(book, *db);
}

}  // namespace

config::Config load_config(const GlobalOptions& o, Job job) {
  const config::Defaults defaults = build_tree_defaults();
  config::Config cfg = o.config_file.empty() ? config::default_config(defaults)
                                             : config::load_config(o.config_file, defaults);
  // Options given on the command line win over the file.
  if (!o.plugins_dir.empty()) cfg.paths.plugins = o.plugins_dir;
  if (!o.rules_dir.empty()) cfg.paths.rules = o.rules_dir;
  if (!o.database.empty()) cfg.paths.database = o.database;
  if (!o.log_level.empty()) {
    auto level = parse_code<config::LogLevel>(o.log_level);
    if (!level)
      throw config::ConfigError("--log-level", 0, "unknown log level '" + o.log_level + "' (trace|debug|info|warn|error)");
    cfg.log.level = *level;
  } else if (job == Job::OneShot && cfg.log.level < config::LogLevel::Warn) {
    cfg.log.level = config::LogLevel::Warn;
  }
  set_up_logging(cfg.log.level);
  return cfg;
}

Runtime load_runtime(const GlobalOptions& options, Job job) { return load_runtime(load_config(options, job)); }

void keep_plugin_state_in(plugins::PluginRegistry& registry, const store::StoreLocation& where) {
  if (where.url)
    registry.keep_plugin_state([url = *where.url]() -> store::SqlStore& { return store::thread_pg_store(url); });
}

Runtime load_runtime(config::Config config) {
  const store::StoreLocation where = chosen_store(config);
  auto sealer = load_key_sealer(config);
  return load_runtime(std::move(config), where, std::move(sealer));
}

Runtime load_runtime(config::Config config, const store::StoreLocation& where,
                     std::shared_ptr<const sdk::sealing::KeySealer> sealer) {
  Runtime rt;
  rt.config = std::move(config);
  const config::Paths& paths = rt.config.paths;

  rt.rule_book = std::make_unique<rules::RuleBook>(rt.config.rules);
  if (rt.config.rules_source == "store") {
    rt.rules_loaded = load_rules_from_store(*rt.rule_book, rt.config);
  } else {
    try {
      rt.rule_book->load_folder(paths.rules);
    } catch (const std::runtime_error& e) {
      throw config::ConfigError(paths.rules, 0, std::string("cannot read the rules folder: ") + e.what());
    }
  }
  for (const auto& refused : rt.rule_book->refused())
    for (const auto& finding : refused.findings) spdlog::warn("region script refused: {}", finding.text());

  rt.plugins = std::make_unique<plugins::PluginRegistry>();
  rt.plugins->use_key_sealer(std::move(sealer));
  // Hosts sharing a PostgreSQL store keep plugin state there, so that they issue from one CA.
  keep_plugin_state_in(*rt.plugins, where);
  try {
    rt.plugins->load_folder(paths.plugins, paths.var, rt.config.plugins);
  } catch (const std::runtime_error& e) {
    throw config::ConfigError(paths.plugins, 0, std::string("cannot read the plugins folder: ") + e.what());
  }
  for (const auto& refused : rt.plugins->refused()) spdlog::warn("plugin refused: {}", refused.reason);
  spdlog::debug("loaded regions: {}; plugins: {}", rt.rule_book->ids().size(), rt.plugins->ids().size());
  return rt;
}

}  // namespace cahub::cli
