#pragma once
// Runs a spec file's cases through the real quote pipeline (the same QuotePipeline as `cahub
// quote` and POST /v1/quote) against one region script, and says for each case what differed.

#include <filesystem>
#include <string>
#include <vector>

#include "specs/spec_file.hpp"

namespace cahub::plugins { class PluginRegistry; }

namespace cahub::specs {

enum class CaseOutcome { Passed, Failed, Skipped };

struct CaseResult {
  std::string where;  // "central.spec.lua:12"
  std::string name;
  CaseOutcome outcome = CaseOutcome::Passed;
  // Failed: one line per difference, e.g. "fee certificate_set: expected 260.00 (26000 fen), got
  // 280.00 (28000 fen) from central.lua:23". Skipped: why.
  std::vector<std::string> details;
};

struct SpecRun {
  std::filesystem::path script;
  std::filesystem::path spec;
  // Problems that stop the spec from running at all: the script or the spec fails its check.
  std::vector<rules::Finding> findings;
  std::vector<CaseResult> cases;
};

// Loads `script` on its own (whether or not it is live in a rules folder), reads `spec`, and runs
// every case with the CA plugins of `plugins`. A case whose CA has no plugin loaded is skipped:
// the pipeline cannot quote it, and guessing the provider's part would test nothing.
SpecRun run_spec(const std::filesystem::path& script, const std::filesystem::path& spec,
                 const plugins::PluginRegistry& plugins, const rules::SandboxLimits& limits = {});

// The same for texts that are not files (a release in the store, a draft in the console's editor):
// the script as `<region>.lua`, the spec as `<region>.spec.lua`, so findings and case places read
// as they would for the files.
SpecRun run_spec_text(const std::string& region, const std::string& script, const std::string& spec,
                      const plugins::PluginRegistry& plugins, const rules::SandboxLimits& limits = {});

}  // namespace cahub::specs
