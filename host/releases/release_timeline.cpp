#include "releases/release_timeline.hpp"

#include <algorithm>

namespace cahub::releases {
namespace {

bool starts_by(const ReleaseMark& r, Date day) { return !r.effective_from || *r.effective_from <= day; }

}  // namespace

std::optional<std::int64_t> in_force_on(const std::vector<ReleaseMark>& published, Date day) {
  std::optional<std::int64_t> best;
  for (const ReleaseMark& r : published)
    if (starts_by(r, day) && (!best || r.number > *best)) best = r.number;
  return best;
}

bool shadowed(const ReleaseMark& release, const std::vector<ReleaseMark>& published) {
  return std::any_of(published.begin(), published.end(), [&](const ReleaseMark& later) {
    if (later.number <= release.number) return false;
    // A later release since ever replaces every earlier one; one from a day replaces those whose
    // day is that day or later (a release since ever is in force before it, so it is not replaced).
    return !later.effective_from || (release.effective_from && *later.effective_from <= *release.effective_from);
  });
}

std::vector<ReleaseMark> reachable(std::vector<ReleaseMark> published) {
  std::vector<ReleaseMark> out;
  for (const ReleaseMark& r : published)
    if (!shadowed(r, published)) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const ReleaseMark& a, const ReleaseMark& b) { return a.number < b.number; });
  return out;
}

ReleaseStatus status_on(ReleaseState state, const ReleaseMark& release, const std::vector<ReleaseMark>& published,
                        Date day) {
  switch (state) {
    case ReleaseState::Draft: return ReleaseStatus::Draft;
    case ReleaseState::Submitted: return ReleaseStatus::Submitted;
    case ReleaseState::Approved: return ReleaseStatus::Approved;
    case ReleaseState::Rejected: return ReleaseStatus::Rejected;
    case ReleaseState::Withdrawn: return ReleaseStatus::Withdrawn;
    case ReleaseState::Published: break;
  }
  if (in_force_on(published, day) == release.number) return ReleaseStatus::InForce;
  if (!shadowed(release, published) && !starts_by(release, day)) return ReleaseStatus::Scheduled;
  return ReleaseStatus::Superseded;
}

}  // namespace cahub::releases
