#pragma once
// The file the checkpoints go to, outside the database: one JSON line per checkpoint, appended,
// never rewritten. Created 0600 whatever the umask. Each append is fsynced before it counts, so a
// checkpoint that was reported taken survives a power cut.
//
// Where it lives is the operator's choice ([audit] checkpoint_file), and it is worth most where
// whoever can write cahub.db cannot write it: another user's folder, an append-only file
// (chattr +a), a network mount, or copied off the machine by syslog.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.hpp"

namespace cahub::audit {

class CheckpointLog {
 public:
  explicit CheckpointLog(std::filesystem::path file) : file_(std::move(file)) {}

  const std::filesystem::path& file() const { return file_; }

  // Throws AuditAnchorError ("checkpoint_file_unwritable").
  void append(const Checkpoint& c) const;

  struct Line {
    std::size_t number = 0;  // 1-based, as an editor shows it
    std::string text;
  };
  // Every non-empty line. Throws AuditAnchorError ("checkpoint_file_unreadable") when the file
  // cannot be read, a missing one included: a verifier that was told where the checkpoints are
  // must not take their absence for "nothing to check".
  std::vector<Line> lines() const;

  // The newest checkpoint, read from the file's end; none when the file is missing, empty, or its
  // last line is not a checkpoint (then the next append starts afresh).
  std::optional<Checkpoint> newest() const;

 private:
  std::filesystem::path file_;
};

}  // namespace cahub::audit
