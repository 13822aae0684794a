#pragma once
// A release as the API answers it and `cahub rules show|history --json` prints it (docs/api.md,
// "Rule releases").

#include <vector>

#include <nlohmann/json.hpp>

#include "releases/release_desk.hpp"
#include "store/audit_log.hpp"

namespace cahub::releases {

// {number, state, status, sha256, author, created_at, reason, based_on, rollback_of, submitted_by,
//  submitted_at, decided_by, decided_at, decision_reason, published_by, published_at,
//  effective_from, withdrawn_by, withdrawn_at, withdrawn_reason, version}
nlohmann::ordered_json release_summary_json(const ReleaseView& view);
// The summary plus script, spec and evaluation, and `events` when given.
nlohmann::ordered_json release_json(const ReleaseView& view, const std::vector<store::RecordedAuditEvent>& events = {});
// {region, source, in_force, releases: [summary...]}
nlohmann::ordered_json history_json(const ReleaseHistory& history, Date today);

}  // namespace cahub::releases
