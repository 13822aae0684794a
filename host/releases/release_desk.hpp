#pragma once
// What a regional administrator does with a region's rules (issue #16), shared by the HTTP API
// (server/rules_api.cpp) and the CLI (`cahub rules draft|submit|...`), so both take one path:
// who may, in which state, four eyes, and an audit event in the same transaction as each change.
//
// Who: anyone whose regions cover the region reads its releases; only an administrator of the
// region (role admin, the region in their scope) writes. Approving or rejecting takes a second
// administrator: neither the author nor the submitter ("four_eyes"). A rollback is one
// administrator's act, published at once: it carries the exact text of a release that was
// approved by two people and published before, and an emergency brake that waits for a second
// person leaves a wrong price quoted meanwhile.
//
// Errors are ReleaseError (release_error.hpp).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "orders/order_workflow.hpp"
#include "releases/release.hpp"
#include "releases/release_evaluation.hpp"
#include "rules/rule_book.hpp"
#include "store/audit_log.hpp"
#include "store/committer.hpp"
#include "store/database.hpp"

namespace cahub::plugins { class PluginRegistry; }

namespace cahub::releases {

struct ReleaseServices {
  const rules::RuleBook& book;
  const plugins::PluginRegistry& plugins;
  rules::SandboxLimits limits;
  bool from_store = true;  // rules.source = "store"; "files": releases are read, never written
  // Bounds the evaluations running at once (null: unbounded, for a one-shot command).
  EvaluationTurns* evaluation_turns = nullptr;
  // Heard after a publication or withdrawal committed: the serving host reloads its book at once
  // rather than at its next poll. May be empty.
  std::function<void()> published = {};
};

// A text an administrator hands in: a new draft, a revision, an import.
struct DraftText {
  std::string script;
  std::optional<std::string> spec;
  std::string reason;
};

// A release as of a day: its status then (release_timeline.hpp).
struct ReleaseView {
  Release release;
  ReleaseStatus status = ReleaseStatus::Draft;
};

struct ReleaseHistory {
  std::string region;
  bool from_store = true;
  std::optional<std::int64_t> in_force;  // on `today`
  std::vector<ReleaseView> releases;     // newest first, without texts
};

// A transition's request: the version the caller saw, and why.
struct Decision {
  std::int64_t version = 0;
  std::string reason;
};

class ReleaseDesk {
 public:
  ReleaseDesk(const ReleaseServices& services, store::SqlStore& reads, store::Committer& writes)
      : services_(services), reads_(reads), writes_(writes) {}

  ReleaseHistory history(const std::string& region, const orders::Actor& actor, Date today);
  ReleaseView show(const std::string& region, std::int64_t number, const orders::Actor& actor, Date today);
  // Its audit events, in order: who did what to it, when and why.
  std::vector<store::RecordedAuditEvent> events(const std::string& region, std::int64_t number,
                                                const orders::Actor& actor);
  // The script as a file would hold it: the release in force on `today`, or `number`.
  std::string export_script(const std::string& region, std::optional<std::int64_t> number,
                            const orders::Actor& actor, Date today);
  // Check, specs and diff of a text, nothing stored: what the editor shows as one types. For
  // administrators of the region, who are the ones who edit.
  Evaluation evaluate(const std::string& region, const DraftText& text, const orders::Actor& actor, Date today);

  ReleaseView draft(const std::string& region, const DraftText& text, const orders::Actor& actor, Date today);
  ReleaseView revise(const std::string& region, std::int64_t number, std::int64_t version, const DraftText& text,
                     const orders::Actor& actor, Date today);
  ReleaseView submit(const std::string& region, std::int64_t number, const Decision& d, const orders::Actor& actor,
                     Date today);
  ReleaseView approve(const std::string& region, std::int64_t number, const Decision& d, const orders::Actor& actor,
                      Date today);
  ReleaseView reject(const std::string& region, std::int64_t number, const Decision& d, const orders::Actor& actor,
                     Date today);
  // In force from `from` (a China-time day, today or later), or from today.
  ReleaseView publish(const std::string& region, std::int64_t number, std::int64_t version,
                      std::optional<Date> from, const orders::Actor& actor, Date today);
  // A draft, submitted or approved release, or a published one whose day has not come.
  ReleaseView withdraw(const std::string& region, std::int64_t number, const Decision& d, const orders::Actor& actor,
                       Date today);
  // A new release carrying the text of published release `to`, published at once from today.
  ReleaseView rollback(const std::string& region, std::int64_t to, const std::string& reason,
                       const orders::Actor& actor, Date today);

 private:
  void require_reader(const std::string& region, const orders::Actor& actor) const;
  void require_administrator(const std::string& region, const orders::Actor& actor) const;
  Evaluation evaluate_text(const std::string& region, const DraftText& text, Date today) const;
  ReleaseView view(Release release, Date today);
  // Loads the release, checks `version`, lets `change` edit it and saves it with an audit event
  // `kind` in one writer job; returns it as it now is.
  ReleaseView transition(const std::string& region, std::int64_t number, std::int64_t version,
                         const orders::Actor& actor, Date today, const std::string& kind,
                         const std::string& reason, const std::function<void(Release&)>& change);
  void after_publication() const;

  const ReleaseServices& services_;
  store::SqlStore& reads_;
  store::Committer& writes_;
};

// ReleaseError "reason_required" for a blank reason, "reason_too_long" beyond 2,000 bytes.
void require_reason(const std::string& reason);

// The audit event of a release change: kind "rules.<verb>", payload {region, release, to,
// script_sha256, spec_sha256?, reason?, based_on?, rollback_of?, effective_from?, by?}.
void audit_release(store::SqlConnection& db, const std::string& at, const std::string& actor, const std::string& kind,
                   const Release& release, const std::string& reason);

}  // namespace cahub::releases
