#pragma once
// The common pipeline for a quote: validate → route → eligibility → materials → fee → validity.
// Orders (later) run the same stages and add persist → audit.

#include "pipeline/quote_context.hpp"

namespace cahub::rules { class RuleBook; }
namespace cahub::plugins { class PluginRegistry; }

namespace cahub::pipeline {

class QuotePipeline {
 public:
  // Both must outlive the pipeline. Thread-safe: one pipeline serves every worker thread.
  QuotePipeline(const rules::RuleBook& rule_book, const plugins::PluginRegistry& plugins);

  // Throws BadRequest (the caller's input) or StageFailure (a script or plugin failed).
  QuoteContext run(QuoteRequest request) const;

 private:
  const rules::RuleBook& rule_book_;
  const plugins::PluginRegistry& plugins_;
};

}  // namespace cahub::pipeline
