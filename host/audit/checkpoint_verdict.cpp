#include "audit/checkpoint_verdict.hpp"

#include "audit/audit_error.hpp"
#include "store/audit_log.hpp"

namespace cahub::audit {
namespace {

std::string where(const std::string& log_name, std::size_t line, const Checkpoint& c) {
  return "checkpoint " + log_name + ":" + std::to_string(line) + " (seq " + std::to_string(c.seq) + ", taken " + c.at +
         ")";
}

// The checkpoints whose signature holds, in file order; the others become problems.
std::vector<std::pair<std::size_t, Checkpoint>> signed_checkpoints(const std::vector<CheckpointLog::Line>& lines,
                                                                    const VerifyingKey& key,
                                                                    const std::string& log_name,
                                                                    std::vector<std::string>& problems) {
  std::vector<std::pair<std::size_t, Checkpoint>> out;
  for (const CheckpointLog::Line& line : lines) {
    Checkpoint c;
    try {
      c = parse_checkpoint_line(line.text);
    } catch (const AuditAnchorError& e) {
      problems.push_back(log_name + ":" + std::to_string(line.number) + " is " + e.what());
      continue;
    }
    if (!signature_holds(c, key)) {
      problems.push_back(where(log_name, line.number, c) + " has a bad signature: forged or edited, or signed by "
                         "another key (it names key " + c.key.substr(0, 16) + ", the public key given is " +
                         key.fingerprint().substr(0, 16) + ")");
      continue;
    }
    if (!out.empty() && c.seq < out.back().second.seq) {
      problems.push_back(where(log_name, line.number, c) + " goes back from seq " + std::to_string(out.back().second.seq) +
                         ": the file's lines were reordered or replaced");
      continue;
    }
    out.emplace_back(line.number, std::move(c));
  }
  return out;
}

}  // namespace

AnchorVerdict check_anchors(store::SqlConnection& db, const std::vector<CheckpointLog::Line>& lines, const VerifyingKey& key,
                            const std::string& log_name) {
  AnchorVerdict v;
  const auto good = signed_checkpoints(lines, key, log_name, v.problems);
  v.checkpoints = good.size();
  if (good.empty()) return v;
  v.newest_line = good.back().first;
  v.newest = good.back().second;
  const auto head = store::audit_chain_head(db);
  const std::int64_t last = head ? head->seq : 0;
  if (v.newest->seq > last)
    v.problems.push_back("the chain was cut after event " + std::to_string(last) + ": " +
                         where(log_name, v.newest_line, *v.newest) + " signed event " + std::to_string(v.newest->seq) +
                         " with hash " + v.newest->hash.substr(0, 16) + "…");
  // The earliest contradicted checkpoint says where the rewrite begins at the latest.
  std::size_t contradicted = 0;
  for (const auto& [line, c] : good) {
    if (c.seq > last) continue;
    const auto hash = store::audit_hash_at(db, c.seq);
    if (hash && *hash == c.hash) continue;
    if (contradicted++ == 0)
      v.problems.push_back("the chain was rewritten: event " + std::to_string(c.seq) + " has hash " +
                           (hash ? hash->substr(0, 16) + "…" : std::string("(none)")) + ", but " +
                           where(log_name, line, c) + " signed " + c.hash.substr(0, 16) + "…");
  }
  if (contradicted > 1)
    v.problems.push_back(std::to_string(contradicted - 1) + " later checkpoints are contradicted as well");
  return v;
}

}  // namespace cahub::audit
