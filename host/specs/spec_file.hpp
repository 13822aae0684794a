#pragma once
// A region script's spec file, `rules/<region>.spec.lua`: table-driven cases that say what a
// request must get — fee lines and total (or unpriced), materials present or absent, refusal
// codes, validity dates — written in the same small Lua as the script and run by
// `cahub rules test` through the real quote pipeline (spec_runner.hpp). docs/rules.md §14.
//
//   defaults { ca = "bjca", today = "2026-06-01" }
//   case {
//     name = "new onsite: 260 yuan per set",
//     request = { business = "new", channel = "onsite" },
//     fee = { certificate_set = 26000 }, total = 26000,
//     has_materials = { { "application_form", copies = 2, stamped = true } },
//     validity = { from = "2026-06-01", to = "2027-06-01", basis = "today" },
//   }
//
// A spec file runs in the same sandbox as a rule script (no files, no clock, instruction and
// memory limits), so a spec from anywhere is as safe to run as a script.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/region_rules.hpp"
#include "rules/sandbox_limits.hpp"

namespace cahub::specs {

struct SpecCase {
  std::string file;  // "central.spec.lua"
  int line = 0;
  std::string name;
  // The quote request as POST /v1/quote takes it: defaults{} with the case's request on top,
  // and the region of the spec file.
  nlohmann::json request;
  // What the case expects: the keys of kExpectationKeys that the case wrote (checked for shape).
  nlohmann::json expect;

  std::string where() const { return file + ":" + std::to_string(line); }
};

struct SpecFile {
  std::string file;    // chunk name, "central.spec.lua"
  std::string region;  // "central": the file name without .spec.lua
  std::vector<SpecCase> cases;
  std::vector<rules::Finding> findings;  // a spec with findings is broken: none of it runs
};

// Reads and checks a spec file. Never throws for problems in it: they are findings.
SpecFile read_spec_file(const std::filesystem::path& file, const rules::SandboxLimits& limits = {});
SpecFile read_spec_text(const std::string& chunk_name, const std::string& source, const rules::SandboxLimits& limits = {});

// The spec file beside a region script (central.lua -> central.spec.lua), and back.
std::filesystem::path spec_path_of(const std::filesystem::path& script);
std::filesystem::path script_path_of(const std::filesystem::path& spec);
bool is_spec_file(const std::filesystem::path& file);

}  // namespace cahub::specs
