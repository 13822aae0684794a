// `cahub plugins list [--json]`: what loaded, with the providers' facts, and what was refused and why.
// `cahub plugins check FILE.so...`: the conformance kit, against scratch state (never var/).
// `cahub plugins operate ID JSON`: one operation (issue, freeze, revoke, status, ca, ...) on a
// provider, the way the host's order workflow calls it; for administrators and vendors.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/commands/commands.hpp"
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

}  // namespace

CommandRun add_plugins_command(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    bool json = false;
    std::vector<std::string> files;
    std::string id, request;
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

  return [o, list, check, operate, &global]() -> int {
    if (operate->parsed()) return run_operate(o->id, o->request, global);
    const config::Config cfg = load_config(global);
    if (check->parsed()) return run_check(o->files, cfg);
    if (!list->parsed()) return kExitBadInput;
    plugins::PluginRegistry registry;
    registry.load_folder(cfg.paths.plugins, cfg.paths.var, cfg.plugins);
    if (o->json)
      std::cout << registry.describe().dump(2) << "\n";
    else
      std::cout << registry.render_table();
    return kExitOk;
  };
}

}  // namespace cahub::cli
