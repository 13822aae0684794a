#include "plugins/plugin_state_service.hpp"

#include <spdlog/spdlog.h>

#include <cstring>
#include <exception>
#include <string>

#include "plugins/boundary.hpp"
#include "plugins/host_services.hpp"
#include "store/database_health.hpp"

// The handle a body gets: the transaction's connection and what went wrong in it. A database
// failure is kept as it was thrown and rethrown once the body returns, inside the store's write(),
// so that write() rolls back and retries or reports it as it does for any work of the host's own.
struct cahub_state_txn {
  cahub::store::SqlConnection* db = nullptr;
  const std::string* plugin = nullptr;
  std::exception_ptr failure;                // from the database
  cahub_status refused = CAHUB_OK;           // a call the plugin got wrong (a key too long, ...)
  std::string refusal;
};

namespace cahub::plugins {
namespace {

void write_line(const cahub_text_sink* sink, const std::string& text) noexcept {
  if (sink && sink->write) sink->write(sink->host_ctx, text.data(), text.size());
}

cahub_status refuse(cahub_state_txn& txn, std::string why) noexcept {
  if (txn.refused == CAHUB_OK) {
    txn.refused = CAHUB_ERROR_INVALID_REQUEST;
    try {
      txn.refusal = std::move(why);
    } catch (...) {
    }
  }
  return txn.refused;
}

// The status of a handle that already failed: every later call fails the same way, since the
// transaction will be rolled back whatever the body does next.
cahub_status spent(const cahub_state_txn& txn) noexcept {
  if (txn.failure) return CAHUB_ERROR_PROVIDER;
  return txn.refused;
}

bool valid_text(const char* text, std::size_t length) {
  return std::memchr(text, '\0', length) == nullptr && utf8_copy(text, length) == std::string_view(text, length);
}

// A key the table's CHECK accepts, or a refusal naming what is wrong with it.
cahub_status check_key(cahub_state_txn& txn, const char* key) noexcept {
  if (!key) return refuse(txn, "a state key is required");
  const std::size_t length = std::strlen(key);
  if (length == 0 || length > kMaxStateKeyBytes)
    return refuse(txn, "a state key has 1 to " + std::to_string(kMaxStateKeyBytes) + " bytes, got " + std::to_string(length));
  if (!valid_text(key, length)) return refuse(txn, "a state key must be UTF-8 text");
  return CAHUB_OK;
}

// Runs one database call for the handle; a failure poisons it (see cahub_state_txn).
template <typename Call>
cahub_status on_database(cahub_state_txn* txn, Call call) noexcept {
  if (!txn || !txn->db) return CAHUB_ERROR_INVALID_REQUEST;
  if (const cahub_status s = spent(*txn); s != CAHUB_OK) return s;
  try {
    return call(*txn);
  } catch (...) {
    txn->failure = std::current_exception();
    return CAHUB_ERROR_PROVIDER;
  }
}

cahub_status get(cahub_state_txn* txn, const char* key, const cahub_text_sink* out) noexcept {
  return on_database(txn, [&](cahub_state_txn& t) {
    if (const cahub_status s = check_key(t, key); s != CAHUB_OK) return s;
    auto q = t.db->query("SELECT value FROM plugin_state WHERE plugin = :plugin AND key = :key");
    q->bind(":plugin", *t.plugin);
    q->bind(":key", std::string(key));
    if (!q->next_row()) return CAHUB_ERROR_NOT_FOUND;
    write_line(out, q->text(0));
    return CAHUB_OK;
  });
}

cahub_status put(cahub_state_txn* txn, const char* key, const char* value, size_t length) noexcept {
  return on_database(txn, [&](cahub_state_txn& t) {
    if (const cahub_status s = check_key(t, key); s != CAHUB_OK) return s;
    if (!value && length > 0) return refuse(t, "a state value is required");
    if (length > kMaxStateValueBytes)
      return refuse(t, "a state value has at most " + std::to_string(kMaxStateValueBytes) + " bytes, got " +
                           std::to_string(length));
    if (!valid_text(value ? value : "", length)) return refuse(t, "a state value must be UTF-8 text (armor what is binary)");
    auto q = t.db->query(
        "INSERT INTO plugin_state (plugin, key, value) VALUES (:plugin, :key, :value) "
        "ON CONFLICT (plugin, key) DO UPDATE SET value = excluded.value");
    q->bind(":plugin", *t.plugin);
    q->bind(":key", std::string(key));
    q->bind(":value", std::string(value ? value : "", length));
    q->run();
    return CAHUB_OK;
  });
}

cahub_status erase(cahub_state_txn* txn, const char* key) noexcept {
  return on_database(txn, [&](cahub_state_txn& t) {
    if (const cahub_status s = check_key(t, key); s != CAHUB_OK) return s;
    auto q = t.db->query("DELETE FROM plugin_state WHERE plugin = :plugin AND key = :key");
    q->bind(":plugin", *t.plugin);
    q->bind(":key", std::string(key));
    q->run();
    return CAHUB_OK;
  });
}

// Keys from `prefix` up to the prefix followed by U+10FFFF, the last character there is: the
// primary key's range, byte order on both stores (the "C" collation on PostgreSQL).
cahub_status scan(cahub_state_txn* txn, const char* prefix, cahub_state_visit visit, void* visit_ctx) noexcept {
  return on_database(txn, [&](cahub_state_txn& t) {
    const std::string from = prefix ? prefix : "";
    if (from.size() > kMaxStateKeyBytes || !valid_text(from.data(), from.size()))
      return refuse(t, "a scan prefix is UTF-8 text of at most " + std::to_string(kMaxStateKeyBytes) + " bytes");
    if (!visit) return refuse(t, "scan needs a visitor");
    const std::string collate = store::bytewise(t.db->dialect());
    auto q = t.db->query("SELECT key, value FROM plugin_state WHERE plugin = :plugin AND key >= :from" + collate +
                         " AND key < :to" + collate + " ORDER BY key" + collate);
    q->bind(":plugin", *t.plugin);
    q->bind(":from", from);
    q->bind(":to", from + "\xF4\x8F\xBF\xBF");
    while (q->next_row()) {
      const std::string key = q->text(0), value = q->text(1);
      visit(visit_ctx, key.c_str(), value.data(), value.size());
    }
    return CAHUB_OK;
  });
}

// What the plugin reads when its transaction could not be kept: the code and the cause, never the
// database's own text (the host logs that), since a plugin may hand its error line to a client.
std::string failure_line(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const store::StoreUnavailable& e) {
    return std::string("store_unavailable: ") + e.what();
  } catch (const std::exception& e) {
    spdlog::error("a plugin's state transaction failed: {}", e.what());
  } catch (...) {
  }
  return "store_failed: the host's database failed; nothing was kept (the host's log says why)";
}

// Thrown through the store's write() to roll back a body that failed; not an error of the host's.
struct RolledBack {};

cahub_status transact(void* host_ctx, cahub_status (*body)(void*, cahub_state_txn*), void* body_ctx,
                      const cahub_text_sink* error) noexcept {
  const auto* context = static_cast<const HostContext*>(host_ctx);
  if (!context || !context->state_store || !body) {
    write_line(error, "transact needs the host's context and a body");
    return CAHUB_ERROR_INVALID_REQUEST;
  }
  cahub_status answer = CAHUB_OK;
  std::string refusal;
  try {
    context->state_store().write([&](store::SqlConnection& db) {
      db.serialize(store::Serial::plugin_state, context->plugin_id);
      cahub_state_txn txn;
      txn.db = &db;
      txn.plugin = &context->plugin_id;
      answer = body(body_ctx, &txn);
      if (txn.failure) std::rethrow_exception(txn.failure);  // write() rolls back, retries or reports it
      if (txn.refused != CAHUB_OK) answer = txn.refused, refusal = txn.refusal;
      if (answer != CAHUB_OK) throw RolledBack{};  // nothing of the body is kept
    });
  } catch (const RolledBack&) {
    if (!refusal.empty()) write_line(error, refusal);
    return answer;
  } catch (...) {
    write_line(error, failure_line(std::current_exception()));
    return CAHUB_ERROR_PROVIDER;
  }
  return CAHUB_OK;
}

}  // namespace

const cahub_plugin_state& plugin_state_table() {
  static const cahub_plugin_state table = {sizeof(cahub_plugin_state), kMaxStateKeyBytes, kMaxStateValueBytes,
                                           &transact, &get, &put, &erase, &scan};
  return table;
}

}  // namespace cahub::plugins
