// Stage 6: the validity of the certificate the business ends in (none for unlock, freeze, ...).
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"
#include "rules/region_rules.hpp"

namespace cahub::pipeline {

StageOutcome validity(QuoteContext& ctx) {
  if (!yields_certificate(ctx.request.business)) return StageOutcome::Skipped;
  try {
    ctx.region->compute_validity({ctx.request, ctx.quote.years, ctx.provider_facts}, ctx.quote);
  } catch (const rules::RuleError& e) {
    throw StageFailure("validity", e.what());
  }
  return ctx.quote.validity ? StageOutcome::Passed : StageOutcome::Skipped;
}

}  // namespace cahub::pipeline
