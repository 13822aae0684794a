// Which release is in force on a day, and each release's status then (releases/release_timeline.hpp).
#include <catch2/catch.hpp>

#include "releases/release_timeline.hpp"

using namespace cahub;
using namespace cahub::releases;

namespace {

Date day(const char* text) { return *Date::parse(text); }
ReleaseMark since_ever(std::int64_t n) { return {n, std::nullopt}; }
ReleaseMark from(std::int64_t n, const char* d) { return {n, day(d)}; }

}  // namespace

TEST_CASE("the release in force on a day is the highest-numbered one that has started") {
  const std::vector<ReleaseMark> published{since_ever(1), from(2, "2027-01-01"), from(3, "2027-03-01")};
  CHECK(in_force_on(published, day("2026-12-31")) == 1);
  CHECK(in_force_on(published, day("2027-01-01")) == 2);
  CHECK(in_force_on(published, day("2027-02-28")) == 2);
  CHECK(in_force_on(published, day("2027-03-01")) == 3);
  CHECK_FALSE(in_force_on({from(1, "2027-01-01")}, day("2026-12-31")));
  CHECK_FALSE(in_force_on({}, day("2026-12-31")));
}

TEST_CASE("a rollback published today replaces a raise scheduled for next month") {
  // 1: imported; 2: the raise from 2027-01-01; 3: release 1's text again, from today.
  const std::vector<ReleaseMark> published{since_ever(1), from(2, "2027-01-01"), from(3, "2026-12-07")};
  CHECK(in_force_on(published, day("2026-12-06")) == 1);
  CHECK(in_force_on(published, day("2026-12-07")) == 3);
  CHECK(in_force_on(published, day("2027-01-01")) == 3);
  CHECK(shadowed(from(2, "2027-01-01"), published));
  CHECK_FALSE(shadowed(since_ever(1), published));  // in force until 2026-12-07
  const auto kept = reachable(published);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].number == 1);
  CHECK(kept[1].number == 3);
}

TEST_CASE("a published release is in force, scheduled or superseded as of the day asked about") {
  const std::vector<ReleaseMark> published{since_ever(1), from(2, "2027-01-01")};
  const Date today = day("2026-12-07");
  CHECK(status_on(ReleaseState::Published, since_ever(1), published, today) == ReleaseStatus::InForce);
  CHECK(status_on(ReleaseState::Published, from(2, "2027-01-01"), published, today) == ReleaseStatus::Scheduled);
  CHECK(status_on(ReleaseState::Published, since_ever(1), published, day("2027-01-01")) == ReleaseStatus::Superseded);
  CHECK(status_on(ReleaseState::Published, from(2, "2027-01-01"), published, day("2027-01-01")) ==
        ReleaseStatus::InForce);
  // A scheduled release replaced before its day by a later one never comes into force.
  const std::vector<ReleaseMark> replaced{since_ever(1), from(2, "2027-01-01"), from(3, "2026-12-20")};
  CHECK(status_on(ReleaseState::Published, from(2, "2027-01-01"), replaced, today) == ReleaseStatus::Superseded);
  CHECK(status_on(ReleaseState::Published, from(3, "2026-12-20"), replaced, today) == ReleaseStatus::Scheduled);
  // Unpublished states are their own status, whatever the day.
  CHECK(status_on(ReleaseState::Submitted, from(4, "2026-12-07"), replaced, today) == ReleaseStatus::Submitted);
  CHECK(status_on(ReleaseState::Withdrawn, from(4, "2027-05-01"), replaced, today) == ReleaseStatus::Withdrawn);
}

TEST_CASE("a later release from the same day as an earlier one replaces it on that day") {
  const std::vector<ReleaseMark> published{since_ever(1), from(2, "2027-01-01"), from(3, "2027-01-01")};
  CHECK(in_force_on(published, day("2027-01-01")) == 3);
  CHECK(shadowed(from(2, "2027-01-01"), published));
}
