#include "releases/release.hpp"

#include <array>
#include <utility>

namespace cahub::releases {
namespace {

constexpr std::array<std::pair<ReleaseState, std::string_view>, 6> kStates{{
    {ReleaseState::Draft, "draft"},
    {ReleaseState::Submitted, "submitted"},
    {ReleaseState::Approved, "approved"},
    {ReleaseState::Rejected, "rejected"},
    {ReleaseState::Published, "published"},
    {ReleaseState::Withdrawn, "withdrawn"},
}};

constexpr std::array<std::pair<ReleaseStatus, std::string_view>, 8> kStatuses{{
    {ReleaseStatus::Draft, "draft"},
    {ReleaseStatus::Submitted, "submitted"},
    {ReleaseStatus::Approved, "approved"},
    {ReleaseStatus::Rejected, "rejected"},
    {ReleaseStatus::Scheduled, "scheduled"},
    {ReleaseStatus::InForce, "in_force"},
    {ReleaseStatus::Superseded, "superseded"},
    {ReleaseStatus::Withdrawn, "withdrawn"},
}};

}  // namespace

std::string_view code_of(ReleaseState state) {
  for (const auto& [s, code] : kStates)
    if (s == state) return code;
  return "draft";
}

std::string_view code_of(ReleaseStatus status) {
  for (const auto& [s, code] : kStatuses)
    if (s == status) return code;
  return "draft";
}

std::optional<ReleaseState> parse_state(std::string_view code) {
  for (const auto& [s, c] : kStates)
    if (c == code) return s;
  return std::nullopt;
}

}  // namespace cahub::releases
