#pragma once
// What a backup folder holds, as `manifest.json` in it says:
//
//   <FILE>/manifest.json   {"format": "cahub-backup", "version": 1, "taken_at", "schema_version",
//                           "orders", "audit_events", "cas": [ids]}: counted on the copy itself
//   <FILE>/cahub.db        the database, one moment of it (online backup API)
//   <FILE>/ca/<id>/        each CA plugin's state folder, copied after the database (so a CA is
//                          never behind the orders that name its certificates)
//
// Everything in it is 0600 and its folders 0700: it holds the customers' data and the CA keys.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cahub::backup {

inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kDatabaseFile = "cahub.db";
inline constexpr const char* kCaFolder = "ca";

struct BackupManifest {
  std::string taken_at;  // UTC, "2026-12-07T09:30:00Z"
  int schema_version = 0;
  std::int64_t orders = 0;
  std::int64_t audit_events = 0;
  std::vector<std::string> cas;

  // Writes `<folder>/manifest.json` (0600).
  void write(const std::filesystem::path& folder) const;
  // Reads it; store::StoreError "backup_invalid", naming the folder, when it is not a cahub backup
  // of a format this binary reads.
  static BackupManifest read(const std::filesystem::path& folder);
};

}  // namespace cahub::backup
