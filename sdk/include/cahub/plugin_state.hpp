/*
 * cahub plugin SDK: a plugin's records kept by the host (CAHUB_HOST_PLUGIN_STATE, plugin.h).
 *
 * When several hosts serve one platform from one PostgreSQL database, whatever a plugin keeps
 * between calls must live there too, or each host would issue from its own CA with its own serials
 * and CRL. The host offers a transactional store of (key, value) text records private to the
 * plugin; this header wraps it for C++:
 *
 *   if (auto store = cahub::sdk::state::Store::from_host(host)) {
 *     store->transact([&](cahub::sdk::state::Transaction& t) {
 *       const auto last = t.get("serial/last");
 *       t.put("serial/last", std::to_string(last ? std::stoll(*last) + 1 : 1));
 *     });
 *   }  // else: this host keeps no plugin state; use host.state_dir() as before
 *
 * One transaction of a plugin runs at a time across every host; it commits when the body returns
 * and rolls back when it throws. The host may run a body more than once (a connection lost before
 * COMMIT, a deadlock broken), so a body keeps its effects inside the transaction until transact()
 * returns. Header-only: nothing to link.
 */
#ifndef CAHUB_PLUGIN_STATE_HPP
#define CAHUB_PLUGIN_STATE_HPP

#include <cahub/plugin.hpp>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cahub::sdk::state {

// One open transaction. Valid only inside the body it was handed to, on that thread. Every method
// throws ProviderError when the host refuses the call (a key too long, a value that is not UTF-8)
// or the database failed; the transaction is then rolled back, whatever the body does next.
class Transaction {
 public:
  Transaction(const cahub_plugin_state& table, cahub_state_txn* txn) noexcept : table_(table), txn_(txn) {}

  // The value of `key`, or nullopt when there is none.
  std::optional<std::string> get(std::string_view key) {
    std::string value;
    const cahub_text_sink out{&value, &append};
    const cahub_status s = table_.get(txn_, std::string(key).c_str(), &out);
    if (s == CAHUB_ERROR_NOT_FOUND) return std::nullopt;
    check(s, "read", key);
    return value;
  }
  // Sets `key` to `value`, inserting or replacing.
  void put(std::string_view key, std::string_view value) {
    check(table_.put(txn_, std::string(key).c_str(), value.data(), value.size()), "write", key);
  }
  // Removes `key` (nothing happens when there is none).
  void erase(std::string_view key) { check(table_.erase(txn_, std::string(key).c_str()), "remove", key); }
  // Every record whose key starts with `prefix`, in key byte order.
  void scan(std::string_view prefix, const std::function<void(std::string_view key, std::string_view value)>& visit) {
    Visit v{&visit, nullptr};
    check(table_.scan(txn_, std::string(prefix).c_str(), &Transaction::visit, &v), "scan", prefix);
    if (v.failure) std::rethrow_exception(v.failure);
  }

 private:
  struct Visit {
    const std::function<void(std::string_view, std::string_view)>* visit;
    std::exception_ptr failure;
  };
  static void append(void* ctx, const char* utf8, size_t length) noexcept {
    try {
      static_cast<std::string*>(ctx)->append(utf8, length);
    } catch (...) {
    }
  }
  static void visit(void* ctx, const char* key, const char* value, size_t length) noexcept {
    auto* v = static_cast<Visit*>(ctx);
    if (v->failure) return;
    try {
      (*v->visit)(key, std::string_view(value, length));
    } catch (...) {
      v->failure = std::current_exception();
    }
  }
  static void check(cahub_status s, const char* what, std::string_view key) {
    if (s != CAHUB_OK)
      throw ProviderError(s, "the host's state store could not " + std::string(what) + " \"" + std::string(key) + "\"");
  }

  const cahub_plugin_state& table_;
  cahub_state_txn* txn_;
};

class Store {
 public:
  // The host's state service for this instance, or nullptr when the host offers none (it keeps
  // no plugin state: one host on SQLite, or an older host). Test the answer.
  static std::shared_ptr<const Store> from_host(const Host& host) {
    const auto* table = static_cast<const cahub_plugin_state*>(host.api(CAHUB_HOST_PLUGIN_STATE));
    if (!table || table->struct_size < sizeof(cahub_plugin_state) || !table->transact || !table->get || !table->put ||
        !table->erase || !table->scan)
      return nullptr;  // a table this SDK cannot use: no service, not a crash
    return std::shared_ptr<const Store>(new Store(*table, host.context()));
  }

  // Runs `body` in one transaction (maybe more than once, see above). Rethrows what the body
  // threw, after the rollback; throws ProviderError with the host's line when the host could not
  // keep the transaction (its code first: "store_unavailable: …" may be retried).
  void transact(const std::function<void(Transaction&)>& body) const {
    Run run{this, &body, nullptr};
    std::string error;
    const cahub_text_sink error_sink{&error, &append};
    const cahub_status s = table_.transact(host_ctx_, &Store::run_body, &run, &error_sink);
    if (s == CAHUB_OK) return;
    if (!error.empty()) throw ProviderError(s, error);  // the host's cause comes first
    if (run.failure) std::rethrow_exception(run.failure);
    throw ProviderError(s, "the host's state store failed with status " + std::to_string(s));
  }

  std::uint32_t max_key_bytes() const noexcept { return table_.max_key_bytes; }
  std::uint32_t max_value_bytes() const noexcept { return table_.max_value_bytes; }

 private:
  Store(const cahub_plugin_state& table, void* host_ctx) noexcept : table_(table), host_ctx_(host_ctx) {}

  struct Run {
    const Store* store;
    const std::function<void(Transaction&)>* body;
    std::exception_ptr failure;
  };
  static cahub_status run_body(void* ctx, cahub_state_txn* txn) noexcept {
    auto* run = static_cast<Run*>(ctx);
    run->failure = nullptr;  // a body run again starts clean
    try {
      Transaction t(run->store->table_, txn);
      (*run->body)(t);
      return CAHUB_OK;
    } catch (const ProviderError& e) {
      run->failure = std::current_exception();
      return e.status();
    } catch (...) {
      run->failure = std::current_exception();
      return CAHUB_ERROR_INTERNAL;
    }
  }
  static void append(void* ctx, const char* utf8, size_t length) noexcept {
    try {
      static_cast<std::string*>(ctx)->append(utf8, length);
    } catch (...) {
    }
  }

  const cahub_plugin_state& table_;
  void* host_ctx_;
};

}  // namespace cahub::sdk::state

#endif /* CAHUB_PLUGIN_STATE_HPP */
