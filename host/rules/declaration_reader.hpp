#pragma once
// Reading the declarations of a region script (region{}, fee{}, material{}, refuse{},
// validity{}, renewal_window{}, years_offered{}, offer{}, step{}, review{}, limit{}) while its top level runs in the sandbox.
//
// Each declaration is a C function placed in the script's own environment. A call records the
// line it was made from (lua_getinfo of the caller) and checks its table field by field: unknown
// fields, unknown codes, wrong types, missing required fields. A problem becomes a Finding and
// the entry is dropped, but the script runs on, so one load reports every problem at once.
// What needs the whole script (region{} lists, duplicates) is checked after it ran (load_checks).

#include <string>
#include <vector>

#include "rules/compiled_rules.hpp"
#include "rules/region_rules.hpp"

struct lua_State;

namespace cahub::rules {

struct ScriptDeclarations {
  std::string file;  // chunk name, "central.lua": every finding names it
  std::vector<RegionDeclaration> regions;  // exactly one in a good script
  std::vector<FeeEntry> fees;
  std::vector<MaterialEntry> materials;
  std::vector<RefusalEntry> refusals;
  std::vector<ValidityEntry> validities;
  std::vector<RenewalWindowEntry> renewal_windows;
  std::vector<YearsOffered> years_offered;
  std::vector<OfferEntry> offers;
  std::vector<StepEntry> steps;
  std::vector<ReviewEntry> reviews;
  std::vector<LimitEntry> limits;
  std::vector<Finding> findings;
  // Function-valued when/unless seen so far, in call order (when before unless): slot numbers.
  int function_count = 0;
  // On a per-thread state the script is run again only to find its functions: nothing is checked
  // or kept but those, as registry references, in the same slot order as at load.
  bool replay = false;
  std::vector<int> function_refs;
  // Set once the top level has run: a rule function (which may hold the declarations in a
  // local) calling fee{} later gets an error instead of adding entries behind the host's back.
  bool closed = false;
};

// Sets the declarations into the environment at `env_index`, each recording into `into`,
// which must outlive the lua_State (the closures keep its address). Inside a protected call.
void install_declarations(lua_State* L, int env_index, ScriptDeclarations& into);

}  // namespace cahub::rules
