#pragma once
// The fixed stages of the common pipeline, in order. A quote runs them all; an order (later)
// adds persist and audit. Plugins and rule scripts are called only from their own stage.

#include "pipeline/quote_context.hpp"

namespace cahub::rules { class RuleBook; }
namespace cahub::plugins { class PluginRegistry; }

namespace cahub::pipeline {

// Checks the request on its own terms (dates, certificate facts the business needs).
// Throws BadRequest.
StageOutcome validate(QuoteContext& ctx);

// Finds the region script and the CA plugin (unknown ones: BadRequest), then checks that the
// region accepts the CA and that both offer the business to this applicant on this channel
// (if not: a reason, not an error). Fixes the validity years (not allowed: BadRequest).
StageOutcome route(QuoteContext& ctx, const rules::RuleBook& rule_book, const plugins::PluginRegistry& plugins);

// The provider's rules (plugin) then the region's (script). Throws StageFailure.
StageOutcome eligibility(QuoteContext& ctx);
StageOutcome materials(QuoteContext& ctx);
StageOutcome fee(QuoteContext& ctx);
StageOutcome validity(QuoteContext& ctx);

}  // namespace cahub::pipeline
