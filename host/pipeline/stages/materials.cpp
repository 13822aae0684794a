// Stage 4: the paperwork the region asks for.
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"
#include "rules/region_rules.hpp"

namespace cahub::pipeline {

StageOutcome materials(QuoteContext& ctx) {
  try {
    ctx.region->list_materials({ctx.request, ctx.quote.years, ctx.provider_facts}, ctx.quote);
  } catch (const rules::RuleError& e) {
    throw StageFailure("materials", e.what());
  }
  // Paper that someone hands in must be checked by someone before anything is issued.
  if (!ctx.quote.materials.empty()) ctx.quote.requires_review = true;
  return ctx.quote.materials.empty() ? StageOutcome::Skipped : StageOutcome::Passed;
}

}  // namespace cahub::pipeline
