#pragma once
// What one request accumulates as it passes the stages. Stages read what earlier stages set and
// write only their own part, so each can be tested alone with a hand-made context.

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "domain/quote.hpp"
#include "domain/quote_request.hpp"

namespace cahub::rules { class RegionRules; }
namespace cahub::plugins { class Provider; }

namespace cahub::pipeline {

enum class Stage { Validate, Route, Eligibility, Materials, Fee, Validity };
inline constexpr std::array<std::string_view, 6> kStageNames{"validate", "route", "eligibility", "materials", "fee",
                                                             "validity"};

// What a stage did, so logs, tests and --explain read the same thing (Fluent Bit's filter
// return codes are the model).
enum class StageOutcome : std::uint8_t {
  NotRun,    // an earlier stage made it pointless (e.g. the CA is not accepted in the region)
  Passed,    // did its work, nothing to object to
  Refused,   // added at least one reason: the request is not eligible
  Skipped,   // nothing to do for this business (e.g. validity of an unlock)
};
inline constexpr std::array<std::string_view, 4> kOutcomeNames{"not_run", "passed", "refused", "skipped"};

struct QuoteContext {
  QuoteRequest request;
  std::shared_ptr<const rules::RegionRules> region;    // set by route
  std::shared_ptr<const plugins::Provider> provider;   // set by route
  std::uint32_t provider_facts = 0;                    // CAHUB_FACT_* from the provider, set by eligibility
  Quote quote;
  std::array<StageOutcome, kStageNames.size()> trail{};

  void record(Stage s, StageOutcome o) { trail[static_cast<std::size_t>(s)] = o; }
  StageOutcome outcome(Stage s) const { return trail[static_cast<std::size_t>(s)]; }
};

}  // namespace cahub::pipeline
