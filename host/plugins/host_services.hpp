#pragma once
// What the host offers one plugin instance through cahub_host_api: its log, and the services a
// plugin asks for by id with get_api() (plugin.h): sealing secrets with the operator's
// key-encryption key (CAHUB_HOST_KEY_SEALING), offered only when a KEK is configured, and keeping
// the plugin's records in the host's database (CAHUB_HOST_PLUGIN_STATE, plugin_state_service.hpp),
// offered only when the store is shared.

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include <cahub/key_sealing.hpp>
#include <cahub/plugin.h>

#include "store/sql_connection.hpp"

namespace spdlog {
class logger;
}

namespace cahub::plugins {

// cahub_host_api.host_ctx of one instance. Lives as long as the instance (the Provider owns it).
struct HostContext {
  std::shared_ptr<spdlog::logger> logger;
  std::string plugin_id;
  // null: no KEK configured, so get_api(CAHUB_HOST_KEY_SEALING) answers NULL.
  std::shared_ptr<const sdk::sealing::KeySealer> sealer;
  std::string key_id;             // sealing.key_id points into it
  cahub_key_sealing sealing{};    // the table handed out
  // empty: the host keeps no plugin state (a SQLite host), so get_api(CAHUB_HOST_PLUGIN_STATE)
  // answers NULL; else this thread's store (plugin_state_service.hpp).
  std::function<store::SqlStore&()> state_store;
  // The plugin asked for CAHUB_HOST_PLUGIN_STATE: when it did not, a shared store's host warns
  // that the plugin keeps its state on this host alone.
  mutable std::atomic<bool> asked_for_state{false};
};

// A context for plugin `plugin_id`, its sealing table filled when `sealer` is set, its state kept
// in the host's database when `state_store` is set.
std::shared_ptr<HostContext> make_host_context(std::shared_ptr<spdlog::logger> logger, std::string plugin_id,
                                               std::shared_ptr<const sdk::sealing::KeySealer> sealer,
                                               std::function<store::SqlStore&()> state_store = {});

// cahub_host_api.log and cahub_host_api.get_api, for host_ctx a HostContext. [thread-safe]
void log_from_plugin(void* host_ctx, std::int32_t level, const char* message) noexcept;
const void* host_service(void* host_ctx, const char* id) noexcept;

// The purpose the host seals under for a plugin's `purpose`: the plugin's id bound in, so what one
// plugin sealed no other can open through the service.
std::string plugin_purpose(const std::string& plugin_id, std::string_view purpose);

}  // namespace cahub::plugins
