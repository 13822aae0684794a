#pragma once
// rule_releases, SQL only: typed releases in and out. Every change of a release is made under its
// version (`WHERE version = ?`), so two administrators acting on one release at once cannot both
// win; the loser gets false and the desk answers version_conflict. Writes run inside the caller's
// write transaction, beside the audit event that records them. On either store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "releases/release.hpp"
#include "rules/rule_book.hpp"
#include "store/audit_log.hpp"
#include "store/sql_connection.hpp"

namespace cahub::releases {

// What says the published releases changed: cheap to ask every poll.
struct StoreFingerprint {
  std::int64_t releases = 0;
  std::int64_t versions = 0;
  bool operator==(const StoreFingerprint&) const = default;
};

class ReleaseRepository {
 public:
  explicit ReleaseRepository(store::SqlConnection& db) : db_(db) {}

  // Inserts `release` as the region's next number (the one it carries is ignored) and returns
  // it with its id and number.
  Release insert(Release release);

  std::optional<Release> find(const std::string& region, std::int64_t number);
  // The region's releases, newest first, without their texts and evaluation (the history).
  std::vector<Release> history(const std::string& region);
  // The regions that have releases, sorted.
  std::vector<std::string> regions();

  // The region's published releases, by number.
  std::vector<rules::ReleaseMark> published_marks(const std::string& region);
  // Every region's published releases that can be in force on some day, with their texts: what
  // the rule book serves (rules.source = "store").
  std::vector<rules::PublishedRelease> reachable_releases();
  StoreFingerprint fingerprint();
  // The audit events of one release, in order. Events of no order are few (staff and rules), and
  // the index on order_id finds them without reading any order's.
  std::vector<store::RecordedAuditEvent> events(const std::string& region, std::int64_t number);

  // A draft's new text, spec, reason and evaluation; false when it is no longer at `version`.
  bool revise_draft(const Release& revised, std::int64_t version);
  // The state and the stamps of a transition (and a refreshed evaluation); false when the release
  // is no longer at `version`.
  bool save_transition(const Release& changed, std::int64_t version);

 private:
  store::SqlConnection& db_;
};

}  // namespace cahub::releases
