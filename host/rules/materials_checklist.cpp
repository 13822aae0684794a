// RegionRules::list_materials: every material entry that applies, in script order.
#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {

void RegionRules::list_materials(const RuleInput& in, Quote& quote) const {
  RuleEvaluation eval(*compiled_, in);
  for (const MaterialEntry& e : compiled_->materials) {
    if (!eval.applies(e)) continue;
    quote.materials.push_back(
        MaterialLine{e.code, e.name, e.copies, e.stamped, e.signed_by_hand, e.original_shown, e.note, e.source});
  }
}

}  // namespace cahub::rules
