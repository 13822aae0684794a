#pragma once
// Which published release is in force on a day, and what each release's status is then. Pure
// functions of the published releases' numbers and days: nothing here reads a clock or a table.
//
// In force on day D: the published release with the highest number whose effective_from is D or
// earlier (none: since ever). So a later release replaces everything published before it from its
// own first day: a fix published today applies from today, and a rollback published today also
// cancels a raise that was scheduled for next month, since it is the later release. A release
// that some later release replaces before its own first day is *shadowed*: it is never in force.

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "releases/release.hpp"
#include "rules/rule_book.hpp"

namespace cahub::releases {

using rules::ReleaseMark;

// The number of the release in force on `day`; none before the first one's day.
std::optional<std::int64_t> in_force_on(const std::vector<ReleaseMark>& published, Date day);

// Whether `release` is never in force because a later-numbered one starts on or before its day.
bool shadowed(const ReleaseMark& release, const std::vector<ReleaseMark>& published);

// The published releases that can be in force on some day (not shadowed), ascending by number:
// what the rule book keeps.
std::vector<ReleaseMark> reachable(std::vector<ReleaseMark> published);

// A release's status on `day`: its state, or for a published one in_force, scheduled (its day
// is still to come and nothing replaces it first) or superseded.
ReleaseStatus status_on(ReleaseState state, const ReleaseMark& release, const std::vector<ReleaseMark>& published,
                        Date day);

}  // namespace cahub::releases
