#include "audit/checkpoint.hpp"

#include <nlohmann/json.hpp>

#include "audit/audit_error.hpp"

namespace cahub::audit {

std::string signed_text(std::int64_t seq, const std::string& hash, const std::string& at) {
  return "cahub audit checkpoint v1\nseq=" + std::to_string(seq) + "\nhash=" + hash + "\nat=" + at + "\n";
}

Checkpoint sign_checkpoint(const SigningKey& key, std::int64_t seq, const std::string& hash, const std::string& at) {
  return {seq, hash, at, key.verifying_key().fingerprint(), key.sign(signed_text(seq, hash, at))};
}

bool signature_holds(const Checkpoint& c, const VerifyingKey& key) {
  return c.key == key.fingerprint() && key.verify(signed_text(c.seq, c.hash, c.at), c.signature);
}

std::string to_json_line(const Checkpoint& c) {
  const nlohmann::json j = {{"v", 1},       {"seq", c.seq}, {"hash", c.hash}, {"at", c.at},
                            {"key", c.key}, {"signature", c.signature}};
  return j.dump();
}

Checkpoint parse_checkpoint_line(const std::string& line) {
  try {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (j.at("v").get<int>() != 1) throw AuditAnchorError("bad_checkpoint", "a checkpoint of an unknown version");
    Checkpoint c{j.at("seq").get<std::int64_t>(), j.at("hash").get<std::string>(), j.at("at").get<std::string>(),
                 j.at("key").get<std::string>(), j.at("signature").get<std::string>()};
    if (c.seq < 1 || c.hash.size() != 64) throw AuditAnchorError("bad_checkpoint", "a checkpoint without seq or hash");
    return c;
  } catch (const nlohmann::json::exception&) {
    throw AuditAnchorError("bad_checkpoint", "not a checkpoint (a JSON object with v, seq, hash, at, key, signature)");
  }
}

}  // namespace cahub::audit
