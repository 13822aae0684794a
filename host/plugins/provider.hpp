#pragma once
// One loaded CA plugin, as the rest of the host sees it: a handle that speaks host types
// (QuoteRequest, Note) and hides the C ABI behind it.
//
// Lifetime: a Provider owns the plugin's instance and shares ownership of the library it came
// from. Its destructor destroys the instance first and only then lets go of the library, so the
// library stays loaded for exactly as long as any shared_ptr<const Provider> exists, registry or
// not (Boost.DLL tutorial 8: tie the library to every object it made).

#include <cahub/plugin.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/quote.hpp"
#include "domain/quote_request.hpp"
#include "domain/vocabulary.hpp"

namespace boost::dll {
class shared_library;
}
namespace spdlog {
class logger;
}

namespace cahub::plugins {

// A plugin call failed (non-OK status): "plugin <id>: <the plugin's message>". Fails the one
// request; the plugin and other requests are unaffected.
class PluginError : public std::runtime_error {
 public:
  PluginError(const std::string& message, cahub_status status) : std::runtime_error(message), status_(status) {}
  // CAHUB_ERROR_*: lets a caller tell NOT_FOUND or UNSUPPORTED from a plugin failure.
  cahub_status status() const noexcept { return status_; }

 private:
  cahub_status status_;
};

// What a provider's rules said about one request. Every note's source is "plugin:<id>". Review
// times are not here: they are a region's (review{} in its script).
struct ProviderAssessment {
  std::vector<Note> refusals;
  std::vector<Note> steps;  // the provider's own notes, true in every region
  std::uint32_t facts = 0;  // CAHUB_FACT_* bits

  bool refused() const { return !refusals.empty(); }
  bool requires_review() const { return (facts & CAHUB_FACT_REQUIRES_REVIEW) != 0; }
  bool warranty_covers_medium() const { return (facts & CAHUB_FACT_WARRANTY_COVERS_MEDIUM) != 0; }
};

// The limits of a provider's own online system on uploaded files (extension cahub.upload_limits/1),
// copied and checked when the plugin is loaded.
struct UploadLimits {
  std::vector<std::string> types;        // lower-case extensions without the dot; empty: any type
  std::optional<std::int64_t> max_bytes;  // the largest accepted file; nullopt: no size published

  // Whether a file of this type (its extension, any case) is accepted.
  bool accepts_type(std::string_view type) const;
  bool operator==(const UploadLimits& other) const {
    return types == other.types && max_bytes == other.max_bytes;
  }
};

// The readable name of a status code ("not found"), for messages.
std::string_view status_name(cahub_status status);

class PluginRegistry;
struct HostContext;

class Provider {
 public:
  ~Provider();
  Provider(const Provider&) = delete;
  Provider& operator=(const Provider&) = delete;

  // What the descriptor said, copied at load time (the strings stay valid after unload).
  const std::string& id() const { return id_; }
  const std::string& name_zh() const { return name_zh_; }
  const std::string& name_en() const { return name_en_; }
  const std::string& version() const { return version_; }
  const std::filesystem::path& file() const { return file_; }
  std::uint16_t abi_major() const { return abi_major_; }
  std::uint16_t abi_minor() const { return abi_minor_; }
  // The plugin's facts_json, parsed (always a JSON object; checked at load).
  const nlohmann::ordered_json& facts() const { return *facts_; }
  // The folder the plugin keeps its state in (<var_dir>/ca/<id>).
  // It asked for the host's state service (plugin_state_service.hpp) when it was created.
  bool keeps_state_with_host() const;
  const std::filesystem::path& state_dir() const { return state_dir_; }

  // Whether the provider can carry out `business` at all (its descriptor's capabilities). Whether a
  // region offers it, and on which channel, is the region script's offer{}.
  bool can_carry_out(Business business) const;
  bool serves(ApplicantKind applicant) const;
  // The upload limits of the provider's own online system, or nullopt when it publishes none.
  std::optional<UploadLimits> upload_limits() const;

  // [thread-safe] Whether the plugin answers get_extension(id) with a table: for the conformance
  // kit, which checks that unknown ids are answered with NULL.
  bool has_extension(const std::string& id) const;

  // [thread-safe] The provider's rules for one request, with `years` the validity in force.
  // Throws PluginError when the plugin could not assess (an exception inside it, a bad request).
  // Hot path: no JSON, no allocation beyond the notes it returns.
  ProviderAssessment assess(const QuoteRequest& request, int years) const;

  // [thread-safe] The same call with the ABI's request as it is, values unchecked: for the
  // conformance kit, which must see how a plugin answers requests the host would never build.
  ProviderAssessment assess_raw(const cahub_assess_request& request) const;

  // [thread-safe] A rich operation: JSON object text in ("op" field), JSON object text out.
  // Throws PluginError (status UNSUPPORTED when the plugin has no operations).
  std::string operate(std::string_view request_json) const;

 private:
  friend class PluginRegistry;
  Provider();

  // Declared first so it is destroyed last: the instance and every pointer into the library
  // (descriptor_ functions) die before the library can be unloaded.
  std::shared_ptr<boost::dll::shared_library> library_;
  std::shared_ptr<spdlog::logger> logger_;
  std::shared_ptr<HostContext> host_context_;  // host_api_.host_ctx points at it
  std::filesystem::path state_dir_;
  std::string state_dir_utf8_;  // host_api_.state_dir points into it
  std::vector<std::pair<std::string, std::string>> settings_;  // host_api_.settings point into them
  std::vector<cahub_setting> setting_views_;
  cahub_host_api host_api_{};
  cahub_plugin_descriptor descriptor_{};  // host copy, zero-filled beyond the plugin's struct_size
  void* instance_ = nullptr;              // OWNERSHIP: the plugin's, until descriptor_.destroy
  bool created_ = false;

  std::filesystem::path file_;
  std::string id_, name_zh_, name_en_, version_;
  std::string source_;  // "plugin:<id>", the source of every Note
  std::uint16_t abi_major_ = 0, abi_minor_ = 0;
  std::unique_ptr<nlohmann::ordered_json> facts_;
  std::optional<UploadLimits> upload_limits_;
};

}  // namespace cahub::plugins
