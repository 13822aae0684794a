#pragma once
// A release of a region's rules (issue #16): one region script, with its spec file, who wrote it
// and why, what its evaluation found, and where it is in its workflow. The table is
// rule_releases (store/migrations.cpp, schema v5); docs/rules.md "Changing a region's rules" is
// the administrator's view of the same.
//
//   draft ──submit──► submitted ──approve──► approved ──publish──► published
//     │                  │ reject                                   (from a China-time day)
//     └─ withdraw ◄──────┴──────────── withdraw ◄── (until its day has come)
//
// A stored state never changes with the clock. Whether a published release is in force today,
// scheduled or superseded is its *status*, derived for a day (release_timeline.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "releases/release_evaluation.hpp"

namespace cahub::releases {

enum class ReleaseState { Draft, Submitted, Approved, Rejected, Published, Withdrawn };
enum class ReleaseStatus { Draft, Submitted, Approved, Rejected, Scheduled, InForce, Superseded, Withdrawn };

std::string_view code_of(ReleaseState state);
std::string_view code_of(ReleaseStatus status);
// nullopt for a code that is not a state.
std::optional<ReleaseState> parse_state(std::string_view code);

// Who did something to a release, and when (China time, ISO 8601 with offset).
struct Stamp {
  std::string by;
  std::string at;
};

struct Release {
  std::int64_t id = 0;
  std::string region;
  std::int64_t number = 0;
  ReleaseState state = ReleaseState::Draft;
  std::string script;
  std::optional<std::string> spec;
  std::string script_sha256;
  std::optional<std::int64_t> based_on;
  std::optional<std::int64_t> rollback_of;
  Stamp created;  // the author
  std::string reason;
  Evaluation evaluation;
  std::optional<Stamp> submitted;
  std::optional<Stamp> decided;  // approved or rejected
  std::string decision_reason;
  std::optional<Stamp> published;
  std::optional<Date> effective_from;  // published: from this China-time day; none: since ever
  std::optional<Stamp> withdrawn;
  std::string withdrawn_reason;
  std::int64_t version = 1;
};

// The largest script or spec text a release takes: a region script is tens of kilobytes; this
// bounds what one request can make the host parse and store.
inline constexpr std::size_t kLargestReleaseText = 1024 * 1024;

}  // namespace cahub::releases
