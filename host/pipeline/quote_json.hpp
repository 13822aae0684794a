#pragma once
// The answer as JSON (CLI --json and the HTTP API) and as text for a person at a terminal.

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "pipeline/quote_context.hpp"

namespace cahub::pipeline {

// With `explain`, every fee item, material, reason and step carries the rule that produced it
// ("central.lua:27", "plugin:bjca") and the stage trail is included.
nlohmann::json quote_to_json(const QuoteContext& ctx, bool explain);
std::string quote_to_text(const QuoteContext& ctx, bool explain);

}  // namespace cahub::pipeline
