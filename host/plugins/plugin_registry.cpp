#include "plugins/plugin_registry.hpp"

#include <dlfcn.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "plugins/boundary.hpp"

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

// cahub_host_api.log: [thread-safe], called from inside the plugin, so it never throws.
void log_from_plugin(void* host_ctx, std::int32_t level, const char* message) noexcept {
  try {
    auto* logger = static_cast<spdlog::logger*>(host_ctx);
    spdlog::level::level_enum lvl = spdlog::level::info;
    switch (level) {
      case CAHUB_LOG_DEBUG: lvl = spdlog::level::debug; break;
      case CAHUB_LOG_WARN: lvl = spdlog::level::warn; break;
      case CAHUB_LOG_ERROR: lvl = spdlog::level::err; break;
      default: break;
    }
    logger->log(lvl, "{}", utf8_copy(message));
  } catch (...) {
  }
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

std::vector<std::string_view> businesses_in(std::uint32_t mask) {
  std::vector<std::string_view> out;
  for (std::size_t b = 0; b < code_count<Business>(); ++b)
    if ((mask >> b) & 1u) out.push_back(code_of(static_cast<Business>(b)));
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
  if (theirs_major == host_major && theirs_minor <= host_minor) return {};
  return "built for plugin ABI " + abi_text(theirs_major, theirs_minor) + ", this host speaks " +
         abi_text(host_major, host_minor);
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

std::string PluginRegistry::load_file(const fs::path& file, const fs::path& var_dir,
                                      const PluginSettings& settings) {
  const std::string name = file.filename().string();

  // rtld_now: an unresolved symbol is a load-time refusal, not a crash in the middle of a quote.
  // rtld_local: two plugins' symbols never interpose on each other.
  auto library = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code load_ec;
  ::dlerror();  // clear, so the message read below is this load's
  library->load(boost::dll::fs::path(file.native()),
                boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now, load_ec);
  if (load_ec || !library->is_loaded())
    return name + ": not a loadable library (" + load_error(file, load_ec.message()) + ")";
  if (!library->has(CAHUB_PLUGIN_ENTRY_NAME))
    return name + ": not a cahub plugin (no " CAHUB_PLUGIN_ENTRY_NAME " symbol)";

  const auto entry =
      library->get<const cahub_plugin_descriptor*(std::uint16_t, std::uint16_t)>(CAHUB_PLUGIN_ENTRY_NAME);
  const cahub_plugin_descriptor* theirs = nullptr;
  try {
    theirs = entry(CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR);
  } catch (...) {
    return name + ": " CAHUB_PLUGIN_ENTRY_NAME " threw an exception (it must not)";
  }
  if (!theirs)
    return name + ": " CAHUB_PLUGIN_ENTRY_NAME " returned no descriptor for host ABI " +
           abi_text(CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR);

  // The three frozen fields first: they mean the same in every ABI version.
  if (std::string why = abi_mismatch(theirs->abi_major, theirs->abi_minor, CAHUB_ABI_MAJOR, CAHUB_ABI_MINOR);
      !why.empty())
    return name + ": " + why;
  constexpr std::size_t frozen_size = offsetof(cahub_plugin_descriptor, abi_minor) + sizeof(std::uint16_t);
  if (theirs->struct_size < frozen_size)
    return name + ": descriptor struct_size " + std::to_string(theirs->struct_size) + " is too small";

  // A plugin of an older minor has a shorter struct: copy what it has, the rest stays zero.
  cahub_plugin_descriptor d{};
  std::memcpy(&d, theirs, std::min<std::size_t>(theirs->struct_size, sizeof d));

  const std::pair<const char*, bool> required[] = {{"id", d.id != nullptr},           {"name_zh", d.name_zh != nullptr},
                                                   {"name_en", d.name_en != nullptr}, {"version", d.version != nullptr},
                                                   {"create", d.create != nullptr},   {"destroy", d.destroy != nullptr},
                                                   {"assess", d.assess != nullptr}};
  for (const auto& [field, present] : required)
    if (!present) return name + ": descriptor has no " + field;

  const std::string id = d.id;
  if (!valid_id(id))
    return name + ": plugin id \"" + utf8_copy(d.id) +
           "\" is not lower-case ASCII (a-z, 0-9, '_' or '-', starting with a letter, at most 64)";
  if (const auto other = by_id_.find(id); other != by_id_.end())
    return name + ": plugin id \"" + id + "\" is already provided by " + other->second->file().filename().string();

  auto facts = std::make_unique<nlohmann::ordered_json>(nlohmann::ordered_json::object());
  if (d.facts_json) {
    try {
      *facts = nlohmann::ordered_json::parse(utf8_copy(d.facts_json));
    } catch (const nlohmann::json::exception& e) {
      return name + ": facts_json is not valid JSON (" + e.what() + ")";
    }
    if (!facts->is_object()) return name + ": facts_json is not a JSON object";
  }
  for (auto& mask : d.businesses_by_channel) mask &= (1u << CAHUB_BUSINESS_COUNT) - 1;  // unknown bits mean nothing
  d.applicants &= (1u << CAHUB_APPLICANT_COUNT) - 1;

  const fs::path state_dir = var_dir / "ca" / id;
  std::error_code dir_ec;
  fs::create_directories(state_dir, dir_ec);
  if (!dir_ec) fs::permissions(state_dir, fs::perms::owner_all, fs::perm_options::replace, dir_ec);
  if (dir_ec) return name + ": cannot create its state folder " + state_dir.string() + " (" + dir_ec.message() + ")";

  std::shared_ptr<Provider> p(new Provider());
  p->library_ = std::move(library);
  p->logger_ = logger_named("plugin." + id);
  p->state_dir_ = state_dir;
  p->state_dir_utf8_ = state_dir.string();
  p->host_api_.struct_size = sizeof(cahub_host_api);
  p->host_api_.abi_major = CAHUB_ABI_MAJOR;
  p->host_api_.abi_minor = CAHUB_ABI_MINOR;
  p->host_api_.host_ctx = p->logger_.get();
  p->host_api_.log = &log_from_plugin;
  p->host_api_.state_dir = p->state_dir_utf8_.c_str();
  if (const auto configured = settings.find(id); configured != settings.end()) p->settings_ = configured->second;
  for (const auto& [key, value] : p->settings_) p->setting_views_.push_back({key.c_str(), value.c_str()});
  p->host_api_.settings = p->setting_views_.empty() ? nullptr : p->setting_views_.data();
  p->host_api_.settings_count = p->setting_views_.size();
  p->descriptor_ = d;
  p->file_ = file;
  p->id_ = id;
  p->name_zh_ = utf8_copy(d.name_zh);
  p->name_en_ = utf8_copy(d.name_en);
  p->version_ = utf8_copy(d.version);
  p->source_ = "plugin:" + id;
  p->abi_major_ = theirs->abi_major;
  p->abi_minor_ = theirs->abi_minor;
  p->facts_ = std::move(facts);

  TextCollector error;
  const cahub_text_sink error_sink = error.sink();
  cahub_status status = CAHUB_OK;
  try {
    status = d.create(&p->host_api_, &p->instance_, &error_sink);
  } catch (...) {  // only a plugin built without the SDK can get here
    return name + ": create() threw an exception across the C ABI";
  }
  if (status != CAHUB_OK) {
    p->instance_ = nullptr;  // not created: the destructor must not destroy it
    return name + ": create() failed with status " + std::to_string(status) + " (" + std::string(status_name(status)) +
           ")" + (error.text.empty() ? std::string() : ": " + utf8_copy(error.text.data(), error.text.size()));
  }
  p->created_ = true;

  by_id_.emplace(id, p);
  loaded_.push_back(std::move(p));
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
    nlohmann::ordered_json businesses = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < code_count<Channel>(); ++c) {
      const auto channel = static_cast<Channel>(c);
      businesses[std::string(code_of(channel))] = businesses_in(p->businesses_on(channel));
    }
    plugins.push_back({{"file", p->file().string()},
                       {"id", p->id()},
                       {"name_zh", p->name_zh()},
                       {"name_en", p->name_en()},
                       {"version", p->version()},
                       {"abi", abi_text(p->abi_major(), p->abi_minor())},
                       {"businesses", std::move(businesses)},
                       {"applicants", applicants_of(*p)},
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
    for (std::size_t c = 0; c < code_count<Channel>(); ++c) {
      const auto channel = static_cast<Channel>(c);
      out += "    " + padded(code_of(channel), 14) + joined(businesses_in(p->businesses_on(channel))) + "\n";
    }
    out += "    " + padded("applicants", 14) + joined(applicants_of(*p)) + "\n";
    out += "    " + padded("file", 14) + p->file().string() + "\n";
  }
  if (!refused_.empty()) {
    out += "refused:\n";
    for (const auto& r : refused_) out += "    " + r.reason + "\n";
  }
  return out;
}

}  // namespace cahub::plugins
