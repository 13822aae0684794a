#include "cli/commands/commands.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/quote_request_options.hpp"
#include "cli/runtime.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"

namespace cahub::cli {
namespace {

struct QuoteOptions {
  QuoteRequestOptions request;
  bool explain = false, json = false;
};

}  // namespace

CommandRun add_quote_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<QuoteOptions>();
  CLI::App* cmd = app.add_subcommand("quote", "Quote a business: eligibility, fee, materials, validity");
  add_quote_request_options(*cmd, o->request, true);
  cmd->add_flag("--explain", o->explain, "Show the rule (file:line or plugin) behind every line");
  cmd->add_flag("--json", o->json, "Print one JSON object");

  return [o, &global]() -> int {
    // Input errors come first: a malformed date is reported even when the rules are broken.
    nlohmann::json body = quote_request_body(o->request);
    QuoteRequest request = pipeline::parse_quote_request(body, Date::today_utc8());
    Runtime runtime = load_runtime(global);
    pipeline::QuotePipeline pipeline(*runtime.rule_book, *runtime.plugins);
    pipeline::QuoteContext ctx = pipeline.run(std::move(request));
    if (o->json)
      std::cout << pipeline::quote_to_json(ctx, o->explain).dump(2) << "\n";
    else
      std::cout << pipeline::quote_to_text(ctx, o->explain);
    return kExitOk;
  };
}

}  // namespace cahub::cli
