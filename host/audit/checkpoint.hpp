#pragma once
// A signed checkpoint of the audit chain: "at `at`, the chain held `seq` events and the last one's
// hash was `hash`", signed with the checkpoint key (RFC 6962's signed tree head, for a chain). Kept
// outside the database (checkpoint_log.hpp), it pins the chain's end: a cut tail no longer reaches
// `seq`, and a rewritten chain no longer has `hash` at `seq`, and neither can be re-signed without
// the private key.
//
// One JSON object per line, keys sorted:
//   {"at":"2026-12-07T17:00:00+08:00","hash":"<64 hex>","key":"<fingerprint>","seq":42,
//    "signature":"<128 hex>","v":1}
// The signature covers signed_text(): the version, seq, hash and time, one per line.

#include <cstdint>
#include <string>

#include "audit/checkpoint_key.hpp"

namespace cahub::audit {

struct Checkpoint {
  std::int64_t seq = 0;
  std::string hash;       // lower-case hex SHA-256 of event `seq`
  std::string at;         // when it was taken, ISO 8601 with offset
  std::string key;        // the signer's fingerprint (VerifyingKey::fingerprint)
  std::string signature;  // 128 hex digits
};

// What the signature covers.
std::string signed_text(std::int64_t seq, const std::string& hash, const std::string& at);

Checkpoint sign_checkpoint(const SigningKey& key, std::int64_t seq, const std::string& hash, const std::string& at);

// Whether `key` made this checkpoint's signature of its own seq, hash and time.
bool signature_holds(const Checkpoint& c, const VerifyingKey& key);

std::string to_json_line(const Checkpoint& c);  // without the newline
// Throws AuditAnchorError ("bad_checkpoint") for a line that is not such an object.
Checkpoint parse_checkpoint_line(const std::string& line);

}  // namespace cahub::audit
