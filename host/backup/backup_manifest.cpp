#include "backup/backup_manifest.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "store/private_files.hpp"
#include "store/store_error.hpp"

namespace cahub::backup {
namespace {

constexpr const char* kFormat = "cahub-backup";
constexpr int kVersion = 1;

store::StoreError invalid(const std::filesystem::path& folder, const std::string& why) {
  return store::StoreError(folder.string() + " is not a cahub backup this cahub can restore: " + why, "backup_invalid");
}

}  // namespace

void BackupManifest::write(const std::filesystem::path& folder) const {
  const nlohmann::json manifest = {{"format", kFormat},          {"version", kVersion},
                                   {"taken_at", taken_at},       {"schema_version", schema_version},
                                   {"orders", orders},           {"audit_events", audit_events},
                                   {"cas", cas}};
  const std::filesystem::path file = folder / kManifestFile;
  store::create_private_file(file);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << manifest.dump(2) << "\n";
  out.flush();
  if (!out) throw store::StoreError("cannot write " + file.string());
}

BackupManifest BackupManifest::read(const std::filesystem::path& folder) {
  std::ifstream in(folder / kManifestFile, std::ios::binary);
  if (!in) throw invalid(folder, std::string("it has no ") + kManifestFile);
  const nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (!manifest.is_object() || manifest.value("format", "") != kFormat)
    throw invalid(folder, std::string(kManifestFile) + " does not say \"format\": \"" + kFormat + "\"");
  if (manifest.value("version", 0) != kVersion)
    throw invalid(folder, "format version " + manifest.value("version", nlohmann::json()).dump() + ", this cahub reads " +
                              std::to_string(kVersion));
  try {
    BackupManifest m;
    m.taken_at = manifest.at("taken_at").get<std::string>();
    m.schema_version = manifest.at("schema_version").get<int>();
    m.orders = manifest.at("orders").get<std::int64_t>();
    m.audit_events = manifest.at("audit_events").get<std::int64_t>();
    m.cas = manifest.at("cas").get<std::vector<std::string>>();
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw invalid(folder, std::string(kManifestFile) + ": " + e.what());
  }
}

}  // namespace cahub::backup
