// RegionRules::list_materials: every material entry that applies, in script order.
#include <algorithm>

#include "rules/compiled_rules.hpp"
#include "rules/rule_matching.hpp"

namespace cahub::rules {

void RegionRules::list_materials(const RuleInput& in, Quote& quote) const {
  RuleEvaluation eval(*compiled_, in);
  // Most checklists have a handful of items: one allocation instead of a regrowth per item (each
  // regrowth moves every line's five strings).
  quote.materials.reserve(std::min<std::size_t>(compiled_->materials.size(), 8));
  for (const MaterialEntry& e : compiled_->materials) {
    if (!eval.applies(e)) continue;
    quote.materials.push_back(
        MaterialLine{e.code, e.name, e.copies, e.stamped, e.signed_by_hand, e.original_shown, e.note, e.source});
  }
}

}  // namespace cahub::rules
