// Stage 5: the itemised fee in integer fen, or "unpriced" with the entry an administrator must fill.
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"
#include "rules/region_rules.hpp"

namespace cahub::pipeline {

StageOutcome fee(QuoteContext& ctx) {
  try {
    ctx.region->compute_fee({ctx.request, ctx.quote.years, ctx.provider_facts}, ctx.quote);
  } catch (const rules::RuleError& e) {
    throw StageFailure("fee", e.what());
  }
  return StageOutcome::Passed;
}

}  // namespace cahub::pipeline
