#pragma once
// cahub.plugin_state/1 (plugin.h): the records a plugin keeps between calls, kept by the host in
// its own database, so that several hosts sharing one PostgreSQL store issue from one CA, with one
// ledger and one CRL (issue 17). A plugin's transaction runs under a lock on its id
// (store::Serial::plugin_state), so one body of a plugin runs at a time across every host; the
// store's write() brings the retries (a lost connection, a broken deadlock) the ABI announces.

#include <cstdint>
#include <functional>

#include <cahub/plugin.h>

#include "store/sql_connection.hpp"

namespace cahub::plugins {

// This thread's store: the plugin state lives in it (store::thread_pg_store on a shared store).
using StateStoreOpener = std::function<store::SqlStore&()>;

inline constexpr std::uint32_t kMaxStateKeyBytes = 256;          // the column's CHECK
inline constexpr std::uint32_t kMaxStateValueBytes = 1u << 20;   // a CRL of ~20,000 entries

// The table handed to plugins; host_ctx is the plugin's HostContext (host_services.hpp).
const cahub_plugin_state& plugin_state_table();

}  // namespace cahub::plugins
