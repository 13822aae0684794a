#include "pipeline/quote_pipeline.hpp"

#include "pipeline/stages/stages.hpp"

namespace cahub::pipeline {

QuotePipeline::QuotePipeline(const rules::RuleBook& rule_book, const plugins::PluginRegistry& plugins)
    : rule_book_(rule_book), plugins_(plugins) {}

QuoteContext QuotePipeline::run(QuoteRequest request) const {
  QuoteContext ctx;
  ctx.request = std::move(request);
  ctx.record(Stage::Validate, validate(ctx));
  ctx.record(Stage::Route, route(ctx, rule_book_, plugins_));
  // A region that does not accept the CA, or a business nobody offers, has no fee or materials
  // worth showing: the reasons are the answer.
  if (ctx.outcome(Stage::Route) == StageOutcome::Refused) return ctx;
  ctx.record(Stage::Eligibility, eligibility(ctx));
  ctx.record(Stage::Materials, materials(ctx));
  ctx.record(Stage::Fee, fee(ctx));
  ctx.record(Stage::Validity, validity(ctx));
  return ctx;
}

}  // namespace cahub::pipeline
