#pragma once
// The rule-release routes' bodies (server/rules_api.cpp), read once into the release desk's types:
// a script and spec within kLargestReleaseText, a reason within 2,000 bytes, a version, a China-time
// day. Unknown fields are refused, as everywhere at the edge.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "releases/release_desk.hpp"

namespace cahub::edge {

// POST /v1/rules/{region}/releases, PUT .../releases/{n} (which also takes "version") and
// /evaluate: {"script", "spec"?, "reason"?}.
releases::DraftText parse_draft_text(const nlohmann::json& body);
// {"version", "reason"?}: submit, approve, reject, withdraw.
releases::Decision parse_decision(const nlohmann::json& body);
// {"version", "effective_from"?: "YYYY-MM-DD"}.
struct PublishRequest {
  std::int64_t version = 0;
  std::optional<Date> effective_from;
};
PublishRequest parse_publish(const nlohmann::json& body);
// {"to", "reason"}.
struct RollbackRequest {
  std::int64_t to = 0;
  std::string reason;
};
RollbackRequest parse_rollback(const nlohmann::json& body);
// A release number in a path: 1..2^53; BadRequest "bad_release" otherwise.
std::int64_t parse_release_number(const std::string& text);

}  // namespace cahub::edge
