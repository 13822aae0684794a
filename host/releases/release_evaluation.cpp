#include "releases/release_evaluation.hpp"

#include <stdexcept>

#include "releases/release_error.hpp"
#include "rules/region_rules.hpp"
#include "specs/spec_runner.hpp"

namespace cahub::releases {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

SpecTally tally(const specs::SpecRun& run) {
  SpecTally t;
  t.findings = run.findings;
  for (const specs::CaseResult& c : run.cases) {
    if (c.outcome == specs::CaseOutcome::Passed) {
      ++t.passed;
      continue;
    }
    (c.outcome == specs::CaseOutcome::Failed ? t.failed : t.skipped) += 1;
    t.failures.push_back({c.where, c.name, c.details});
  }
  return t;
}

ordered_json findings_json(const std::vector<rules::Finding>& findings) {
  auto list = ordered_json::array();
  for (const auto& f : findings) list.push_back({{"file", f.file}, {"line", f.line}, {"message", f.message}, {"text", f.text()}});
  return list;
}

std::vector<rules::Finding> findings_from(const json& list) {
  std::vector<rules::Finding> out;
  for (const auto& f : list)
    out.push_back({f.at("file").get<std::string>(), f.at("line").get<int>(), f.at("message").get<std::string>()});
  return out;
}

std::vector<rules::CustomerChange> changes_from(const json& list) {
  std::vector<rules::CustomerChange> out;
  for (const auto& c : list)
    out.push_back({c.at("aspect"), c.at("item"), c.at("change"), c.at("ca"), c.at("business"), c.at("applicant"),
                   c.at("channel"), c.at("years"), c.at("key"), c.at("when"), c.at("from"), c.at("old"),
                   c.at("new")});
  return out;
}

}  // namespace

EvaluationTurns::Turn EvaluationTurns::take() {
  int free = free_.load();
  while (free > 0)
    if (free_.compare_exchange_weak(free, free - 1)) return Turn(this);
  throw ReleaseError("evaluations_busy", "other rule evaluations are running: try again in a moment");
}

Evaluation evaluate(const std::string& region, const std::string& script, const std::optional<std::string>& spec,
                    const Baseline& baseline, const plugins::PluginRegistry& plugins,
                    const rules::SandboxLimits& limits, Date today) {
  Evaluation e;
  e.evaluated_on = today.iso();
  rules::LoadResult loaded = rules::RegionRules::load_text(region + ".lua", script, limits);
  e.findings = std::move(loaded.findings);
  if (spec) e.specs = tally(specs::run_spec_text(region, script, *spec, plugins, limits));
  if (!loaded.rules || !baseline.rules) return e;
  e.diff_against = baseline.release;
  try {
    e.changes = rules::diff_for_customers(*baseline.rules, *loaded.rules, today);
  } catch (const rules::RuleError& error) {
    e.diff_problem = error.what();
  }
  return e;
}

ordered_json evaluation_json(const Evaluation& e) {
  auto failures = ordered_json::array();
  for (const auto& f : e.specs.failures) failures.push_back({{"where", f.where}, {"name", f.name}, {"details", f.details}});
  ordered_json diff = rules::changes_to_json(e.changes);
  diff["against"] = e.diff_against ? ordered_json(*e.diff_against) : ordered_json(nullptr);
  diff["on"] = e.evaluated_on;
  if (!e.diff_problem.empty()) diff["problem"] = e.diff_problem;
  return {{"check", {{"findings", findings_json(e.findings)}}},
          {"specs", {{"passed", e.specs.passed},
                     {"failed", e.specs.failed},
                     {"skipped", e.specs.skipped},
                     {"failures", std::move(failures)},
                     {"findings", findings_json(e.specs.findings)}}},
          {"diff", std::move(diff)}};
}

Evaluation evaluation_from_json(const json& j) {
  try {
    Evaluation e;
    e.findings = findings_from(j.at("check").at("findings"));
    const json& s = j.at("specs");
    e.specs.passed = s.at("passed");
    e.specs.failed = s.at("failed");
    e.specs.skipped = s.at("skipped");
    for (const auto& f : s.at("failures"))
      e.specs.failures.push_back({f.at("where"), f.at("name"), f.at("details").get<std::vector<std::string>>()});
    e.specs.findings = findings_from(s.at("findings"));
    const json& d = j.at("diff");
    if (!d.at("against").is_null()) e.diff_against = d.at("against").get<std::int64_t>();
    e.evaluated_on = d.at("on");
    e.changes = changes_from(d.at("changes"));
    e.diff_problem = d.value("problem", "");
    return e;
  } catch (const json::exception& error) {
    throw std::runtime_error(std::string("a release's stored evaluation is not in the form the host writes: ") +
                             error.what());
  }
}

}  // namespace cahub::releases
