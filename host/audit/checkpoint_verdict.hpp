#pragma once
// Whether the chain in the database reaches, unchanged, every checkpoint signed for it.
//
// The hash chain alone proves only that the events hang together: anyone who can write the file
// can cut its tail or recompute every hash after an edit. A checkpoint signed with a key the
// database does not hold pins (seq, hash); the chain must still hold an event `seq` with exactly
// that hash. Every line is checked, not just the newest, so a rewrite is named at the earliest
// checkpoint it contradicts.
//
// What this cannot see: a checkpoint file cut back along with the database (its newest lines
// removed). Keep the file where the database's writers cannot write, or copy it off the machine
// (syslog); see docs/architecture.md, "The audit trail".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.hpp"
#include "audit/checkpoint_log.hpp"
#include "store/sql_connection.hpp"

namespace cahub::audit {

struct AnchorVerdict {
  std::size_t checkpoints = 0;        // lines whose signature holds
  std::optional<Checkpoint> newest;   // the newest of those
  std::size_t newest_line = 0;
  std::vector<std::string> problems;  // each names the line, the seq and what does not fit

  bool anchored() const { return newest.has_value() && problems.empty(); }
};

// Checks `lines` (of `log_name`) against `key` and the chain in `db`. Reads only.
AnchorVerdict check_anchors(store::SqlConnection& db, const std::vector<CheckpointLog::Line>& lines, const VerifyingKey& key,
                            const std::string& log_name);

}  // namespace cahub::audit
