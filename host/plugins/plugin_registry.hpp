#pragma once
// The CA plugins the host has loaded, and the ones it refused and why.
//
// Loading is forgiving: a file that is not a plugin, does not fit this host's ABI or fails to
// start is logged and listed in refused(), and the host goes on with the others. A plugin is
// only ever refused with a reason that names its file (and, for a version mismatch, both ABIs).
// A file that another user could have written (plugin_file_trust.hpp) is refused before dlopen,
// so its constructors never run.
//
// Threading: load_folder() runs at start-up, before any other call, on one thread. After that
// every const member is safe to call concurrently. Providers handed out by find() may outlive
// the registry: each one keeps its library loaded (see provider.hpp).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <cahub/key_sealing.hpp>

#include "store/sql_connection.hpp"

#include "plugins/provider.hpp"

namespace cahub::plugins {

// The operator's settings per plugin id (key, value), as config::Config::plugins holds them.
using PluginSettings = std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>>;

struct RefusedPlugin {
  std::filesystem::path file;
  std::string reason;  // starts with the file name: "old.so: built for plugin ABI 1.1, this host speaks 2.0: …"
};

// Why a host speaking ABI host_major.host_minor refuses a plugin built for theirs, or "" when it
// fits (cahub_abi_compatible): another major, or a newer minor (whose appended fields the host
// would not know). The reason says what to do: rebuild an older plugin against the installed SDK
// (a 1.x one is refused, not shimmed: see docs/architecture.md), or install a newer host.
std::string abi_mismatch(unsigned theirs_major, unsigned theirs_minor, unsigned host_major, unsigned host_minor);

class PluginRegistry {
 public:
  PluginRegistry();
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  // Loads every *.so in `folder` (not recursively, in file-name order, so which of two plugins
  // with the same id wins is stable). Each plugin gets <var_dir>/ca/<id>/ (mode 0700) as its
  // state folder. Returns how many plugins were loaded by this call. May be called again for
  // another folder. Throws std::runtime_error when `folder` is not a readable directory;
  // problems with single files never throw (see refused()).
  // `settings` are the operator's [plugins.<id>] settings, handed to the plugin of that id.
  std::size_t load_folder(const std::filesystem::path& folder, const std::filesystem::path& var_dir,
                          const PluginSettings& settings = {});
  // Loads one file, whatever its name (the conformance kit checks a single library this way).
  // Returns the reason it was refused (also added to refused()), or an empty string when loaded.
  std::string load_one(const std::filesystem::path& file, const std::filesystem::path& var_dir,
                       const PluginSettings& settings = {});

  // Offers plugins loaded from now on the host's key sealing (CAHUB_HOST_KEY_SEALING) under this
  // sealer, i.e. the operator's key-encryption key; null (the default): no sealing service.
  void use_key_sealer(std::shared_ptr<const sdk::sealing::KeySealer> sealer) { sealer_ = std::move(sealer); }
  bool seals_keys() const { return sealer_ != nullptr; }
  // Keeps the state of plugins loaded from now on in the host's database (CAHUB_HOST_PLUGIN_STATE),
  // reached through `store` on each thread: for hosts that share one store. Their state folders
  // are then named but not created, and a plugin that does not ask for the service is warned about.
  void keep_plugin_state(std::function<store::SqlStore&()> store) { state_store_ = std::move(store); }
  bool keeps_plugin_state() const { return static_cast<bool>(state_store_); }

  // The plugin with this id, or null.
  std::shared_ptr<const Provider> find(std::string_view id) const;
  // Every loaded plugin, in load order.
  const std::vector<std::shared_ptr<const Provider>>& loaded() const { return loaded_; }
  // The ids of loaded plugins, in load order (for messages such as "loaded plugins: bjca, netca").
  std::vector<std::string> ids() const;
  // Every file that was not loaded, with why.
  const std::vector<RefusedPlugin>& refused() const { return refused_; }

  // `cahub plugins list --json` and GET /v1/plugins: {"plugins": [{file, id, name_zh, name_en,
  // version, abi, capabilities: [business...], applicants: [...], upload_limits: {types: [...],
  // max_bytes} or null, facts: {...}}], "refused": [{file, reason}]}
  nlohmann::ordered_json describe() const;
  // `cahub plugins list`: one block per plugin (id, version, ABI, names, capabilities, applicants,
  // upload limits when published, file), then the refused files with their reasons.
  std::string render_table() const;

 private:
  // Loads one file; returns the reason it was refused, or an empty string when loaded.
  std::string load_file(const std::filesystem::path& file, const std::filesystem::path& var_dir,
                        const PluginSettings& settings);
  // Fills the host's table for the plugin: logger, state folder, its settings, the service probe.
  void prepare_host_api(Provider& p, const std::filesystem::path& state_dir, const PluginSettings& settings) const;
  // create(), then the extensions, copied and checked; the reason it was refused, or "".
  static std::string start(Provider& p, const std::string& name);

  std::vector<std::shared_ptr<const Provider>> loaded_;
  std::map<std::string, std::shared_ptr<const Provider>, std::less<>> by_id_;
  std::vector<RefusedPlugin> refused_;
  std::shared_ptr<const sdk::sealing::KeySealer> sealer_;
  std::function<store::SqlStore&()> state_store_;
};

}  // namespace cahub::plugins
