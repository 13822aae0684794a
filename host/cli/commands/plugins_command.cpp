// `cahub plugins list [--json]`: what loaded, with the providers' facts, and what was refused and why.
// `cahub plugins check FILE.so...`: the conformance kit, against scratch state (never var/).
// `cahub plugins operate ID JSON`: one operation (issue, freeze, revoke, status, ca, ...) on a
// provider, the way the host's order workflow calls it; for administrators and vendors.
// `cahub plugins import-state [ID...] [--from DIR]`: once, when a service point moves to a shared
// PostgreSQL store, copies each plugin's state folder (DIR/<id>, default <var>/ca/<id>: its CA
// key, root, ledger and CRL numbering) into the database, where every host then finds it.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/commands/commands.hpp"
#include "cli/database_url.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "plugins/conformance_kit.hpp"

namespace cahub::cli {
namespace {

namespace fs = std::filesystem;

// A private folder under the system's temporary folder, removed with the object.
class ScratchState {
 public:
  ScratchState() {
    std::string pattern = (fs::temp_directory_path() / "cahub-plugins-check-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a scratch folder under " + fs::temp_directory_path().string());
    path_ = pattern;
  }
  ~ScratchState() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

int run_check(const std::vector<std::string>& files, const config::Config& cfg) {
  std::size_t failed_plugins = 0;
  for (const std::string& file : files) {
    if (!fs::is_regular_file(file)) {
      std::cerr << "cahub: " << file << ": no such file\n";
      return kExitBadInput;
    }
    const ScratchState scratch;
    const plugins::ConformanceReport report = plugins::check_plugin(file, scratch.path(), cfg.plugins);
    std::cout << plugins::render_report(report) << std::flush;
    failed_plugins += report.passed() ? 0 : 1;
  }
  return failed_plugins == 0 ? kExitOk : kExitFindings;
}

int run_operate(const std::string& id, std::string request, const GlobalOptions& global) {
  if (request == "-") request.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  const Runtime rt = load_runtime(global, Job::OneShot);
  const auto provider = rt.plugins->find(id);
  if (!provider) {
    std::cerr << "cahub: unknown CA \"" << id << "\" (loaded: ";
    const auto ids = rt.plugins->ids();
    for (std::size_t i = 0; i < ids.size(); ++i) std::cerr << (i ? ", " : "") << ids[i];
    std::cerr << ")\n";
    return kExitBadInput;
  }
  try {
    const std::string answer = provider->operate(request);
    std::cout << nlohmann::json::parse(answer).dump(2) << "\n";
    return kExitOk;
  } catch (const plugins::PluginError& e) {
    std::cerr << "cahub: " << e.what() << "\n";
    const bool callers_fault = e.status() == CAHUB_ERROR_INVALID_REQUEST || e.status() == CAHUB_ERROR_NOT_FOUND ||
                               e.status() == CAHUB_ERROR_UNSUPPORTED;
    return callers_fault ? kExitBadInput : kExitStageFailure;
  } catch (const nlohmann::json::exception& e) {
    std::cerr << "cahub: plugin " << id << " answered with text that is not JSON (" << e.what() << ")\n";
    return kExitStageFailure;
  }
}

// One plugin's import, as a line: imported, nothing to import (no folder, an empty one, or a
// plugin that keeps no state), or NOT imported (exit_code set).
std::string import_one(const plugins::Provider& provider, const fs::path& folder, int& exit_code) {
  const std::string id = provider.id();
  if (!fs::is_directory(folder)) return id + ": no state folder " + folder.string() + ", nothing to import";
  try {
    const auto got = nlohmann::json::parse(provider.operate(nlohmann::json{{"op", "import_state"}, {"from", folder.string()}}.dump()));
    return id + ": imported " + std::to_string(got.value("imported", 0)) + " certificates from " + folder.string() +
           " (CA " + got.value("root", std::string("?")) + ", CRL number " + std::to_string(got.value("crl_number", 0)) +
           ")";
  } catch (const plugins::PluginError& e) {
    if (e.status() == CAHUB_ERROR_UNSUPPORTED) return id + ": keeps no state to import (" + e.what() + ")";
    if (e.status() == CAHUB_ERROR_NOT_FOUND) return id + ": nothing to import (" + e.what() + ")";
    exit_code = e.status() == CAHUB_ERROR_INVALID_REQUEST ? kExitBadInput : kExitStageFailure;
    return id + ": NOT imported: " + e.what();
  } catch (const nlohmann::json::exception&) {
    exit_code = kExitStageFailure;
    return id + ": NOT imported: the plugin's answer is not JSON";
  }
}

int run_import_state(const std::vector<std::string>& ids, const std::string& from, const GlobalOptions& global) {
  const Runtime rt = load_runtime(global, Job::OneShot);
  if (!rt.plugins->keeps_plugin_state()) {
    std::cerr << "cahub: plugin state moves into the database only on a shared PostgreSQL store (store.url or "
                 "$CAHUB_DATABASE_URL); on SQLite it stays in "
              << (rt.config.paths.var / "ca").string() << "\n";
    return kExitBadInput;
  }
  const fs::path folders = from.empty() ? rt.config.paths.var / "ca" : fs::path(from);
  int exit_code = kExitOk;
  std::vector<std::shared_ptr<const plugins::Provider>> chosen;
  for (const std::string& id : ids) {
    const auto provider = rt.plugins->find(id);
    if (!provider) {
      std::cerr << "cahub: unknown CA \"" << id << "\"\n";
      return kExitBadInput;
    }
    chosen.push_back(provider);
  }
  if (ids.empty()) chosen = rt.plugins->loaded();
  for (const auto& provider : chosen) std::cout << import_one(*provider, folders / provider->id(), exit_code) << "\n";
  return exit_code;
}

}  // namespace

CommandRun add_plugins_command(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    bool json = false;
    std::vector<std::string> files;
    std::string id, request, from;
    std::vector<std::string> ids;
  };
  auto o = std::make_shared<Options>();
  CLI::App* plugins = app.add_subcommand("plugins", "CA provider plugins");
  plugins->require_subcommand(1);
  CLI::App* list = plugins->add_subcommand("list", "Show loaded and refused plugins");
  list->add_flag("--json", o->json, "Print one JSON object");
  CLI::App* check = plugins->add_subcommand("check", "Run the plugin conformance kit against plugin libraries");
  check->add_option("FILE", o->files, "Plugin libraries (*.so)")->required();
  CLI::App* operate = plugins->add_subcommand("operate", "Run one operation on a provider (JSON in, JSON out)");
  operate->add_option("ID", o->id, "Plugin id, e.g. bjca")->required();
  operate->add_option("REQUEST", o->request, "JSON request object with an \"op\" field, or - to read stdin")->required();
  CLI::App* import_state = plugins->add_subcommand(
      "import-state", "Copy plugins' state folders (CA key, ledger, CRL) into the shared PostgreSQL store, once");
  import_state->add_option("ID", o->ids, "Plugin ids (default: every loaded plugin)");
  import_state->add_option("--from", o->from, "The folder holding <id>/ state folders (default: <var>/ca)");

  return [o, list, check, operate, import_state, &global]() -> int {
    if (operate->parsed()) return run_operate(o->id, o->request, global);
    if (import_state->parsed()) return run_import_state(o->ids, o->from, global);
    const config::Config cfg = load_config(global);
    if (check->parsed()) return run_check(o->files, cfg);
    if (!list->parsed()) return kExitBadInput;
    plugins::PluginRegistry registry;
    // As `cahub serve` loads them: on a shared store nothing is made under paths.var.
    keep_plugin_state_in(registry, chosen_store(cfg));
    registry.load_folder(cfg.paths.plugins, cfg.paths.var, cfg.plugins);
    if (o->json)
      std::cout << registry.describe().dump(2) << "\n";
    else
      std::cout << registry.render_table();
    return kExitOk;
  };
}

}  // namespace cahub::cli
