#include "plugins/host_services.hpp"

#include <openssl/crypto.h>
#include <spdlog/spdlog.h>

#include <cstring>

#include "plugins/boundary.hpp"
#include "plugins/plugin_state_service.hpp"

namespace cahub::plugins {
namespace {

void write_line(const cahub_text_sink* sink, const std::string& text) noexcept {
  if (sink && sink->write) sink->write(sink->host_ctx, text.data(), text.size());
}

// One sealing call: the plugin's purpose with its id bound in; errors as "<code>: <message>".
template <typename Body>
cahub_status sealing_call(void* host_ctx, const char* purpose, const char* data, size_t length,
                          const cahub_text_sink* out, const cahub_text_sink* error, Body body) noexcept {
  try {
    const auto* context = static_cast<const HostContext*>(host_ctx);
    if (!purpose || (!data && length > 0)) {
      write_line(error, "sealing_unavailable: purpose and data are required");
      return CAHUB_ERROR_INVALID_REQUEST;
    }
    std::string result = body(*context->sealer, plugin_purpose(context->plugin_id, purpose),
                              std::string_view(data ? data : "", length));
    write_line(out, result);
    OPENSSL_cleanse(result.data(), result.size());
    return CAHUB_OK;
  } catch (const sdk::sealing::SealingError& e) {
    write_line(error, std::string(e.code()) + ": " + e.what());
    return e.problem() == sdk::sealing::SealingProblem::NotAuthentic ||
                   e.problem() == sdk::sealing::SealingProblem::Unavailable
               ? CAHUB_ERROR_PROVIDER
               : CAHUB_ERROR_INVALID_REQUEST;
  } catch (const std::exception& e) {
    write_line(error, std::string("sealing_unavailable: ") + e.what());
    return CAHUB_ERROR_PROVIDER;
  } catch (...) {
    return CAHUB_ERROR_INTERNAL;
  }
}

cahub_status seal_for_plugin(void* host_ctx, const char* purpose, const char* plaintext, size_t length,
                             const cahub_text_sink* out, const cahub_text_sink* error) noexcept {
  return sealing_call(host_ctx, purpose, plaintext, length, out, error,
                      [](const sdk::sealing::KeySealer& s, const std::string& p, std::string_view d) { return s.seal(p, d); });
}

cahub_status open_for_plugin(void* host_ctx, const char* purpose, const char* armored, size_t length,
                             const cahub_text_sink* out, const cahub_text_sink* error) noexcept {
  return sealing_call(host_ctx, purpose, armored, length, out, error,
                      [](const sdk::sealing::KeySealer& s, const std::string& p, std::string_view d) { return s.open(p, d); });
}

}  // namespace

std::string plugin_purpose(const std::string& plugin_id, std::string_view purpose) {
  return "plugin:" + plugin_id + "\n" + std::string(purpose);
}

std::shared_ptr<HostContext> make_host_context(std::shared_ptr<spdlog::logger> logger, std::string plugin_id,
                                               std::shared_ptr<const sdk::sealing::KeySealer> sealer,
                                               std::function<store::SqlStore&()> state_store) {
  auto context = std::make_shared<HostContext>();
  context->state_store = std::move(state_store);
  context->logger = std::move(logger);
  context->plugin_id = std::move(plugin_id);
  context->sealer = std::move(sealer);
  if (context->sealer) {
    context->key_id = context->sealer->key_id();
    context->sealing.struct_size = sizeof(cahub_key_sealing);
    context->sealing.key_id = context->key_id.c_str();
    context->sealing.seal = &seal_for_plugin;
    context->sealing.open = &open_for_plugin;
  }
  return context;
}

void log_from_plugin(void* host_ctx, std::int32_t level, const char* message) noexcept {
  try {
    auto& logger = *static_cast<HostContext*>(host_ctx)->logger;
    spdlog::level::level_enum lvl = spdlog::level::info;
    switch (level) {
      case CAHUB_LOG_DEBUG: lvl = spdlog::level::debug; break;
      case CAHUB_LOG_WARN: lvl = spdlog::level::warn; break;
      case CAHUB_LOG_ERROR: lvl = spdlog::level::err; break;
      default: break;
    }
    logger.log(lvl, "{}", utf8_copy(message));
  } catch (...) {
  }
}

const void* host_service(void* host_ctx, const char* id) noexcept {
  const auto* context = static_cast<const HostContext*>(host_ctx);
  if (!context || !id) return nullptr;
  if (std::strcmp(id, CAHUB_HOST_KEY_SEALING) == 0 && context->sealer) return &context->sealing;
  if (std::strcmp(id, CAHUB_HOST_PLUGIN_STATE) == 0 && context->state_store) {
    context->asked_for_state = true;
    return &plugin_state_table();
  }
  return nullptr;
}

}  // namespace cahub::plugins
