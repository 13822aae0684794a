#pragma once
// The options that describe a quote request (`--region`, `--ca`, `--business`, the certificate
// concerned, the circumstances), shared by `cahub quote` and `cahub order create`: both turn them
// into the JSON body the HTTP API takes, so the CLI and the API share one parser and one set of
// error messages.

#include <nlohmann/json.hpp>
#include <string>

namespace CLI { class App; }

namespace cahub::cli {

struct QuoteRequestOptions {
  std::string region, ca, business, applicant, channel, key, years, cert_not_before, cert_not_after, first_issued,
      defect, today, former_ca;
  bool not_registered = false, expert_not_in_database = false, open_bid = false, has_master_key = false,
       delegated = false, legal_rep_in_person = false, public_institution = false, agent_changed = false;
};

// Adds the options to `cmd`. `required`: whether --region, --ca and --business must be given (an
// order may come from a JSON file instead).
void add_quote_request_options(CLI::App& cmd, QuoteRequestOptions& o, bool required);

// The JSON body of the options given (throws pipeline::BadRequest for --years that is no number).
nlohmann::json quote_request_body(const QuoteRequestOptions& o);

}  // namespace cahub::cli
