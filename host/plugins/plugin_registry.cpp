#include "plugins/plugin_registry.hpp"

#include <dlfcn.h>
#include <unistd.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "plugins/boundary.hpp"
#include "plugins/host_services.hpp"
#include "plugins/plugin_file_trust.hpp"

namespace cahub::plugins {
namespace fs = std::filesystem;

namespace {

// A logger that writes where the host's default logger writes, registered so that the host's
// --log-level (spdlog::set_level) reaches it too. Shared by every registry in the process.
std::shared_ptr<spdlog::logger> logger_named(const std::string& name) {
  if (auto existing = spdlog::get(name)) return existing;
  const auto base = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>(name, base->sinks().begin(), base->sinks().end());
  logger->set_level(base->level());
  logger->flush_on(base->flush_level());
  try {
    spdlog::register_logger(logger);
  } catch (const spdlog::spdlog_ex&) {  // registered meanwhile by someone else: use theirs
    if (auto existing = spdlog::get(name)) return existing;
  }
  return logger;
}

// A plugin's string for a message: quoted as JSON, so control characters cannot break the line.
std::string json_quoted(const char* text) {
  return text ? nlohmann::json(utf8_copy(text)).dump() : std::string("NULL");
}

std::string abi_text(unsigned major, unsigned minor) { return std::to_string(major) + "." + std::to_string(minor); }

// Plugin ids name folders (<var_dir>/ca/<id>) and appear in codes, so keep them plain.
bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

// dlerror() after a failed load, without the path it starts with (the reason names the file).
// Boost.DLL reports only a generic error code; the loader's own words are more useful.
std::string load_error(const fs::path& file, const std::string& fallback) {
  const char* why = ::dlerror();
  std::string text = why ? why : fallback;
  const std::string prefix = file.string() + ": ";
  if (text.compare(0, prefix.size(), prefix) == 0) text.erase(0, prefix.size());
  return text;
}

// Labels in the text listing are ASCII codes, so padding by bytes lines them up.
std::string padded(std::string_view s, std::size_t width) {
  std::string out(s);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::vector<std::string_view> capabilities_of(const Provider& p) {
  std::vector<std::string_view> out;
  for (Business b : all_codes<Business>())
    if (p.can_carry_out(b)) out.push_back(code_of(b));
  return out;
}

nlohmann::ordered_json upload_limits_json(const Provider& p) {
  const auto limits = p.upload_limits();
  if (!limits) return nullptr;
  return {{"types", limits->types},
          {"max_bytes", limits->max_bytes ? nlohmann::ordered_json(*limits->max_bytes) : nlohmann::ordered_json()}};
}

std::string upload_limits_text(const UploadLimits& limits) {
  std::string out;
  for (const auto& t : limits.types) out += (out.empty() ? "" : " ") + t;
  if (out.empty()) out = "any type";
  if (limits.max_bytes) out += ", at most " + std::to_string(*limits.max_bytes) + " bytes";
  return out;
}

std::vector<std::string_view> applicants_of(const Provider& p) {
  std::vector<std::string_view> out;
  for (std::size_t a = 0; a < code_count<ApplicantKind>(); ++a)
    if (p.serves(static_cast<ApplicantKind>(a))) out.push_back(code_of(static_cast<ApplicantKind>(a)));
  return out;
}

std::string joined(const std::vector<std::string_view>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string abi_mismatch(unsigned theirs_major, unsigned theirs_minor, unsigned host_major, unsigned host_minor) {
  if (theirs_major <= 0xffffu && theirs_minor <= 0xffffu && host_major <= 0xffffu && host_minor <= 0xffffu &&
      cahub_abi_compatible(static_cast<std::uint16_t>(host_major), static_cast<std::uint16_t>(host_minor),
                           static_cast<std::uint16_t>(theirs_major), static_cast<std::uint16_t>(theirs_minor)))
    return {};
  std::string why = "built for plugin ABI " + abi_text(theirs_major, theirs_minor) + ", this host speaks " +
                    abi_text(host_major, host_minor);
  if (theirs_major > host_major || (theirs_major == host_major && theirs_minor > host_minor))
    return why + ": it needs a newer cahub host";
  why += ": rebuild it against the installed SDK";
  // Refused, not shimmed: a 1.x descriptor says which businesses go on which channel, which is now
  // each region's agreement (offer{}), and a 1.x plugin's steps name one region's offices and
  // review days; loading it through a shim would bring back exactly what ABI 2 took out.
  if (theirs_major == 1) why += " (ABI 2 moved offers to the region scripts' offer{})";
  return why;
}

PluginRegistry::PluginRegistry() = default;
PluginRegistry::~PluginRegistry() = default;

std::size_t PluginRegistry::load_folder(const fs::path& folder, const fs::path& var_dir,
                                        const PluginSettings& settings) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw std::runtime_error("plugin folder " + folder.string() + " is not a directory");
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->path().extension() == ".so" && it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  if (ec) throw std::runtime_error("cannot read plugin folder " + folder.string() + ": " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });

  const std::size_t before = loaded_.size();
  for (const fs::path& file : files) load_one(file, var_dir, settings);
  for (const auto& [id, entries] : settings)
    if (!by_id_.count(id))
      logger_named("plugins")->warn("[plugins.{}] is configured, but no plugin with that id is loaded", id);
  return loaded_.size() - before;
}

std::string PluginRegistry::load_one(const fs::path& file, const fs::path& var_dir, const PluginSettings& settings) {
  const auto log = logger_named("plugins");
  std::string reason = load_file(file, var_dir, settings);
  if (reason.empty()) {
    const Provider& p = *loaded_.back();
    log->info("loaded plugin {} {} (ABI {}.{}) from {}", p.id(), p.version(), p.abi_major(), p.abi_minor(),
              file.string());
  } else {
    log->warn("skipped plugin: {}", reason);
    refused_.push_back({file, reason});
  }
  return reason;
}

namespace {

// The plugin's descriptor, copied and checked, or the reason it cannot be loaded. Only the three
// frozen fields are read before the ABI is known to fit.
std::string read_descriptor(boost::dll::shared_library& library, const std::string& name, cahub_plugin_descriptor& d) {
  if (!library.has(CAHUB_PLUGIN_ENTRY_NAME)) return name + ": not a cahub plugin (no " CAHUB_PLUGIN_ENTRY_NAME " symbol)";
  const auto entry = library.get<const cahub_plugin_descriptor*(std::uint16_t, std::uint16_t)>(CAHUB_PLUGIN_ENTRY_NAME);
  const cahub_plugin_descriptor* theirs = nullptr;
  try {
    theirs = entry(CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR);
  } catch (...) {
    return name + ": " CAHUB_PLUGIN_ENTRY_NAME " threw an exception (it must not)";
  }
  if (!theirs)
    return name + ": " CAHUB_PLUGIN_ENTRY_NAME " returned no descriptor for host ABI " +
           abi_text(CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR);
  if (std::string why = abi_mismatch(theirs->abi_major, theirs->abi_minor, CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR);
      !why.empty())
    return name + ": " + why;
  constexpr std::size_t frozen_size = offsetof(cahub_plugin_descriptor, abi_minor) + sizeof(std::uint16_t);
  if (theirs->struct_size < frozen_size)
    return name + ": descriptor struct_size " + std::to_string(theirs->struct_size) + " is too small";
  // A plugin of an older minor has a shorter struct: copy what it has, the rest stays zero.
  d = cahub_plugin_descriptor{};
  std::memcpy(&d, theirs, std::min<std::size_t>(theirs->struct_size, sizeof d));
  return {};
}

// The descriptor's own rules: required fields, a plain id, some business and some applicant kind.
std::string check_descriptor(cahub_plugin_descriptor& d, const std::string& name) {
  const std::pair<const char*, bool> required[] = {{"id", d.id != nullptr},           {"name_zh", d.name_zh != nullptr},
                                                   {"name_en", d.name_en != nullptr}, {"version", d.version != nullptr},
                                                   {"create", d.create != nullptr},   {"destroy", d.destroy != nullptr},
                                                   {"assess", d.assess != nullptr}};
  for (const auto& [field, present] : required)
    if (!present) return name + ": descriptor has no " + field;
  if (!valid_id(d.id))
    return name + ": plugin id \"" + utf8_copy(d.id) +
           "\" is not lower-case ASCII (a-z, 0-9, '_' or '-', starting with a letter, at most 64)";
  d.capabilities &= (1u << CAHUB_BUSINESS_COUNT) - 1;  // unknown bits mean nothing
  d.applicants &= (1u << CAHUB_APPLICANT_COUNT) - 1;
  if (d.capabilities == 0) return name + ": descriptor says the provider can carry out no business (capabilities 0)";
  if (d.applicants == 0) return name + ": descriptor says the provider issues to no applicant kind (applicants 0)";
  return {};
}

std::string parse_facts(const cahub_plugin_descriptor& d, const std::string& name, nlohmann::ordered_json& facts) {
  facts = nlohmann::ordered_json::object();
  if (!d.facts_json) return {};
  try {
    facts = nlohmann::ordered_json::parse(utf8_copy(d.facts_json));
  } catch (const nlohmann::json::exception& e) {
    return name + ": facts_json is not valid JSON (" + e.what() + ")";
  }
  return facts.is_object() ? std::string() : name + ": facts_json is not a JSON object";
}

// A file type as the ABI wants it: a lower-case extension without the dot, short and plain.
bool valid_file_type(const char* type) {
  if (!type) return false;
  const std::string_view t(type);
  return !t.empty() && t.size() <= 16 &&
         std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// cahub.upload_limits/1, copied and checked; "" when it is absent or well-formed, else what is wrong.
std::string read_upload_limits(const cahub_upload_limits* raw, std::optional<UploadLimits>& out) {
  out.reset();
  if (!raw) return {};
  constexpr std::size_t v1_size = offsetof(cahub_upload_limits, max_bytes) + sizeof(std::int64_t);
  if (raw->struct_size < v1_size)
    return "struct_size " + std::to_string(raw->struct_size) + " is smaller than its version 1 (" +
           std::to_string(v1_size) + ")";
  if (raw->type_count > 64) return "type_count " + std::to_string(raw->type_count) + " is more than 64";
  if (raw->type_count > 0 && !raw->types) return "type_count is " + std::to_string(raw->type_count) + " but types is NULL";
  if (raw->max_bytes < 0) return "max_bytes " + std::to_string(raw->max_bytes) + " is negative";
  if (raw->type_count == 0 && raw->max_bytes == 0) return "it limits nothing (no types and no max_bytes)";
  UploadLimits limits;
  for (std::size_t i = 0; i < raw->type_count; ++i) {
    if (!valid_file_type(raw->types[i]))
      return "type " + std::to_string(i) + " (" + json_quoted(raw->types[i]) +
             ") is not a lower-case file extension without the dot";
    limits.types.emplace_back(raw->types[i]);
  }
  if (raw->max_bytes > 0) limits.max_bytes = raw->max_bytes;
  out = std::move(limits);
  return {};
}

}  // namespace

std::string PluginRegistry::load_file(const fs::path& file, const fs::path& var_dir,
                                      const PluginSettings& settings) {
  const std::string name = file.filename().string();

  // Before dlopen: loading alone runs the library's constructors as cahub's user. Plugins come
  // one folder deep, so the file's own folder is the plugins folder.
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (std::string why = untrusted_plugin_path(file, folder, ::geteuid()); !why.empty())
    return name + ": refused before loading: " + why +
           "; a plugin file and its folders must be writable only by root or cahub's user";

  // rtld_now: an unresolved symbol is a load-time refusal, not a crash in the middle of a quote.
  // rtld_local: two plugins' symbols never interpose on each other.
  auto library = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code load_ec;
  ::dlerror();  // clear, so the message read below is this load's
  library->load(boost::dll::fs::path(file.native()),
                boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now, load_ec);
  if (load_ec || !library->is_loaded())
    return name + ": not a loadable library (" + load_error(file, load_ec.message()) + ")";

  cahub_plugin_descriptor d{};
  if (std::string why = read_descriptor(*library, name, d); !why.empty()) return why;
  if (std::string why = check_descriptor(d, name); !why.empty()) return why;
  const std::string id = d.id;
  if (const auto other = by_id_.find(id); other != by_id_.end())
    return name + ": plugin id \"" + id + "\" is already provided by " + other->second->file().filename().string();
  auto facts = std::make_unique<nlohmann::ordered_json>();
  if (std::string why = parse_facts(d, name, *facts); !why.empty()) return why;

  const fs::path state_dir = var_dir / "ca" / id;
  if (!state_store_) {  // a host sharing its store keeps plugin state there, and needs no folder (plugin.h)
    std::error_code dir_ec;
    fs::create_directories(state_dir, dir_ec);
    if (!dir_ec) fs::permissions(state_dir, fs::perms::owner_all, fs::perm_options::replace, dir_ec);
    if (dir_ec) return name + ": cannot create its state folder " + state_dir.string() + " (" + dir_ec.message() + ")";
  }

  std::shared_ptr<Provider> p(new Provider());
  p->library_ = std::move(library);
  p->descriptor_ = d;
  p->file_ = file;
  p->id_ = id;
  p->name_zh_ = utf8_copy(d.name_zh);
  p->name_en_ = utf8_copy(d.name_en);
  p->version_ = utf8_copy(d.version);
  p->source_ = "plugin:" + id;
  p->abi_major_ = d.abi_major;
  p->abi_minor_ = d.abi_minor;
  p->facts_ = std::move(facts);
  prepare_host_api(*p, state_dir, settings);
  if (std::string why = start(*p, name); !why.empty()) return why;
  if (state_store_ && d.operate && !p->host_context_->asked_for_state)
    p->logger_->warn("plugin {} did not ask for the host's state service ({}): whatever it keeps lives on this host "
                     "alone, so other hosts sharing the database do not see it",
                     id, CAHUB_HOST_PLUGIN_STATE);

  by_id_.emplace(id, p);
  loaded_.push_back(std::move(p));
  return {};
}

void PluginRegistry::prepare_host_api(Provider& p, const fs::path& state_dir, const PluginSettings& settings) const {
  p.logger_ = logger_named("plugin." + p.id_);
  p.state_dir_ = state_dir;
  p.state_dir_utf8_ = state_dir.string();
  p.host_api_.struct_size = sizeof(cahub_host_api);
  p.host_api_.abi_major = CAHUB_ABI_MAJOR;
  p.host_api_.abi_minor = CAHUB_ABI_MINOR;
  p.host_context_ = make_host_context(p.logger_, p.id_, sealer_, state_store_);
  p.host_api_.host_ctx = p.host_context_.get();
  p.host_api_.log = &log_from_plugin;
  p.host_api_.state_dir = p.state_dir_utf8_.c_str();
  if (const auto configured = settings.find(p.id_); configured != settings.end()) p.settings_ = configured->second;
  for (const auto& [key, value] : p.settings_) p.setting_views_.push_back({key.c_str(), value.c_str()});
  p.host_api_.settings = p.setting_views_.empty() ? nullptr : p.setting_views_.data();
  p.host_api_.settings_count = p.setting_views_.size();
  p.host_api_.get_api = &host_service;
}

std::string PluginRegistry::start(Provider& p, const std::string& name) {
  TextCollector error;
  const cahub_text_sink error_sink = error.sink();
  cahub_status status = CAHUB_OK;
  try {
    status = p.descriptor_.create(&p.host_api_, &p.instance_, &error_sink);
  } catch (...) {  // only a plugin built without the SDK can get here
    return name + ": create() threw an exception across the C ABI";
  }
  if (status != CAHUB_OK) {
    p.instance_ = nullptr;  // not created: the destructor must not destroy it
    return name + ": create() failed with status " + std::to_string(status) + " (" + std::string(status_name(status)) +
           ")" + (error.text.empty() ? std::string() : ": " + utf8_copy(error.text.data(), error.text.size()));
  }
  p.created_ = true;  // from here on the destructor destroys the instance, refused or not

  // Extensions are asked for once, right after create, and copied: a malformed table refuses the
  // plugin now rather than failing an upload later.
  const void* raw = nullptr;
  if (p.descriptor_.get_extension) {
    try {
      raw = p.descriptor_.get_extension(p.instance_, CAHUB_EXT_UPLOAD_LIMITS);
    } catch (...) {
      return name + ": get_extension() threw an exception across the C ABI";
    }
  }
  if (std::string why = read_upload_limits(static_cast<const cahub_upload_limits*>(raw), p.upload_limits_);
      !why.empty())
    return name + ": extension " CAHUB_EXT_UPLOAD_LIMITS " is malformed: " + why;
  return {};
}

std::shared_ptr<const Provider> PluginRegistry::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<std::string> PluginRegistry::ids() const {
  std::vector<std::string> out;
  out.reserve(loaded_.size());
  for (const auto& p : loaded_) out.push_back(p->id());
  return out;
}

nlohmann::ordered_json PluginRegistry::describe() const {
  auto plugins = nlohmann::ordered_json::array();
  for (const auto& p : loaded_) {
    plugins.push_back({{"file", p->file().string()},
                       {"id", p->id()},
                       {"name_zh", p->name_zh()},
                       {"name_en", p->name_en()},
                       {"version", p->version()},
                       {"abi", abi_text(p->abi_major(), p->abi_minor())},
                       {"capabilities", capabilities_of(*p)},
                       {"applicants", applicants_of(*p)},
                       {"upload_limits", upload_limits_json(*p)},
                       {"facts", p->facts()}});
  }
  auto refused = nlohmann::ordered_json::array();
  for (const auto& r : refused_) refused.push_back({{"file", r.file.string()}, {"reason", r.reason}});
  return {{"plugins", std::move(plugins)}, {"refused", std::move(refused)}};
}

std::string PluginRegistry::render_table() const {
  std::string out;
  if (loaded_.empty()) out += "no plugins loaded\n";
  for (const auto& p : loaded_) {
    out += p->id() + "  " + p->version() + "  (ABI " + abi_text(p->abi_major(), p->abi_minor()) + ")  " + p->name_zh() +
           "  " + p->name_en() + "\n";
    out += "    " + padded("capabilities", 14) + joined(capabilities_of(*p)) + "\n";
    out += "    " + padded("applicants", 14) + joined(applicants_of(*p)) + "\n";
    if (const auto limits = p->upload_limits()) out += "    " + padded("uploads", 14) + upload_limits_text(*limits) + "\n";
    out += "    " + padded("file", 14) + p->file().string() + "\n";
  }
  if (!refused_.empty()) {
    out += "refused:\n";
    for (const auto& r : refused_) out += "    " + r.reason + "\n";
  }
  return out;
}

}  // namespace cahub::plugins
