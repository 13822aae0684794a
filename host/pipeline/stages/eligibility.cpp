// Stage 3: the provider's own rules (plugin), then the region's (script).
#include <cahub/plugin.h>

#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"
#include "plugins/provider.hpp"
#include "rules/region_rules.hpp"

namespace cahub::pipeline {

StageOutcome eligibility(QuoteContext& ctx) {
  Quote& q = ctx.quote;
  const std::size_t reasons_before = q.reasons.size();
  try {
    plugins::ProviderAssessment a = ctx.provider->assess(ctx.request, q.years);
    for (auto& n : a.refusals) q.refuse(std::move(n));
    for (auto& n : a.steps) q.steps.push_back(std::move(n));
    ctx.provider_facts = a.facts;
    if (a.facts & CAHUB_FACT_REQUIRES_REVIEW) q.requires_review = true;
  } catch (const plugins::PluginError& e) {
    throw StageFailure("eligibility", e.what());
  }
  try {
    ctx.region->assess_eligibility({ctx.request, q.years, ctx.provider_facts}, q);
  } catch (const rules::RuleError& e) {
    throw StageFailure("eligibility", e.what());
  }
  return q.reasons.size() > reasons_before ? StageOutcome::Refused : StageOutcome::Passed;
}

}  // namespace cahub::pipeline
