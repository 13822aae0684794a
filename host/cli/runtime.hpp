#pragma once
// What a command runs on: the resolved configuration, the region scripts and the CA plugins.
// Built once per process from the global options; scripts and plugins that fail to load are
// logged and left out, so the host keeps working with the rest.

#include <memory>
#include <optional>

#include "cli/global_options.hpp"
#include "config/config.hpp"
#include "plugins/plugin_registry.hpp"
#include "releases/release_repository.hpp"
#include "store/postgres/store_location.hpp"
#include "rules/rule_book.hpp"

namespace cahub::cli {

struct Runtime {
  config::Config config;
  std::unique_ptr<rules::RuleBook> rule_book;
  std::unique_ptr<plugins::PluginRegistry> plugins;
  // rules.source = "store": what the book was loaded from (the serving host's watcher starts here).
  std::optional<releases::StoreFingerprint> rules_loaded;
};

// A one-shot command (quote, check, list) keeps stderr for its one error line, so it logs warnings
// and worse unless --log-level asks for more; the server logs at the configured level.
enum class Job { OneShot, Service };

// Reads the configuration (throws config::ConfigError) and sets up logging.
config::Config load_config(const GlobalOptions& options, Job job = Job::OneShot);

// The configuration plus every region script and CA plugin it names.
Runtime load_runtime(const GlobalOptions& options, Job job = Job::OneShot);
// The same for a configuration already loaded, e.g. one a benchmark pointed at a scratch folder
// (plugins keep their state under `config.paths.var`).
Runtime load_runtime(config::Config config);
// On a shared store (`where.url`), has `registry` keep the state of the plugins it loads from now
// on in that database, on each thread's own connection; on SQLite it does nothing (state folders).
void keep_plugin_state_in(plugins::PluginRegistry& registry, const store::StoreLocation& where);

// The same with the store and the key-encryption key given, not read from the configuration and
// the environment: a benchmark's own database and scratch key. On a shared store the plugins keep
// their state in `where`, sealed with `sealer`.
Runtime load_runtime(config::Config config, const store::StoreLocation& where,
                     std::shared_ptr<const sdk::sealing::KeySealer> sealer);

}  // namespace cahub::cli
