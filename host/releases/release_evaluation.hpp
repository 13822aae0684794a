#pragma once
// What an administrator and the approver see of a release before it is published (issue #16):
// `rules check`'s findings at their lines, the region's spec cases run through the real quote
// pipeline (N passed, N failed, each failure), and the customer diff against the release in
// force: the same three tools `cahub rules check|test|diff` run on files, run here on texts.

#include <atomic>
#include <cstdint>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "rules/region_rules.hpp"
#include "rules/rules_diff.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::plugins { class PluginRegistry; }

namespace cahub::releases {

struct SpecFailure {
  std::string where;  // "neimenggu.spec.lua:13"
  std::string name;
  std::vector<std::string> details;
};

struct SpecTally {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  std::vector<SpecFailure> failures;  // failed and skipped cases, each with why
  std::vector<rules::Finding> findings;  // the spec file's own problems: none of it ran
};

struct Evaluation {
  std::vector<rules::Finding> findings;  // the script's check; empty: it loads
  SpecTally specs;
  std::optional<std::int64_t> diff_against;  // the release compared with; none: nothing in force
  std::vector<rules::CustomerChange> changes;
  std::string diff_problem;  // the diff could not be made (a function rule failed), and why
  std::string evaluated_on;  // the China-time day the diff's "today" was

  bool loads() const { return findings.empty(); }
};

// What a release is compared with: the script in force and its release number.
struct Baseline {
  std::shared_ptr<const rules::RegionRules> rules;
  std::optional<std::int64_t> release;
};

// How many evaluations run at once in a process. An evaluation loads a script, runs its spec
// cases and compares every request it offers with the release in force: tenths of a second of one
// core. The editor asks for one as an administrator types, so without a bound a few open editors
// (or one client in a loop) could hold every worker thread, and quotes and orders would wait.
class EvaluationTurns {
 public:
  explicit EvaluationTurns(int at_once) : free_(at_once) {}
  // A turn, given back when the returned value is destroyed; ReleaseError "evaluations_busy"
  // (503) when none is free: the editor asks again a moment later.
  class Turn {
   public:
    explicit Turn(EvaluationTurns* turns) : turns_(turns) {}
    Turn(Turn&& other) noexcept : turns_(std::exchange(other.turns_, nullptr)) {}
    Turn& operator=(Turn&&) = delete;
    ~Turn() {
      if (turns_) turns_->free_.fetch_add(1);
    }

   private:
    EvaluationTurns* turns_;
  };
  Turn take();

 private:
  std::atomic<int> free_;
};

// Runs the three. Never throws for problems in the texts: they are findings and failures.
Evaluation evaluate(const std::string& region, const std::string& script, const std::optional<std::string>& spec,
                    const Baseline& baseline, const plugins::PluginRegistry& plugins,
                    const rules::SandboxLimits& limits, Date today);

// The form stored in rule_releases.evaluation_json and answered by the API:
// {"check": {"findings": [{"file", "line", "message", "text"}]}, "specs": {"passed", "failed", "skipped",
//  "failures": [{"where", "name", "details"}], "findings": [...]}, "diff": {"against", "on",
//  "changes": [...], "problem"?}}
nlohmann::ordered_json evaluation_json(const Evaluation& e);
// Reads it back (a row the host wrote). Throws std::runtime_error on a shape it did not write.
Evaluation evaluation_from_json(const nlohmann::json& j);

}  // namespace cahub::releases
