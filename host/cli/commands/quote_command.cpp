#include "cli/commands/commands.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::cli {
namespace {

struct QuoteOptions {
  std::string region, ca, business, applicant, channel, key, years, cert_not_before, cert_not_after, first_issued,
      defect, today, former_ca;
  bool explain = false, json = false;
  bool not_registered = false, expert_not_in_database = false, open_bid = false, has_master_key = false,
       delegated = false, legal_rep_in_person = false, public_institution = false, agent_changed = false;
};

// The options become the same JSON body the HTTP API takes, so both share one parser and one
// set of error messages.
nlohmann::json request_body(const QuoteOptions& o) {
  nlohmann::json body = nlohmann::json::object();
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) body[key] = value;
  };
  text("region", o.region);
  text("ca", o.ca);
  text("business", o.business);
  text("applicant", o.applicant);
  text("channel", o.channel);
  text("key", o.key);
  text("cert_not_before", o.cert_not_before);
  text("cert_not_after", o.cert_not_after);
  text("first_issued", o.first_issued);
  text("defect", o.defect);
  text("today", o.today);
  text("former_ca", o.former_ca);
  if (!o.years.empty()) {
    std::size_t used = 0;
    long long years = 0;
    try {
      years = std::stoll(o.years, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != o.years.size()) throw pipeline::BadRequest("bad_years", "--years '" + o.years + "' is not a whole number");
    body["years"] = years;
  }
  if (o.not_registered) body["registered"] = false;
  if (o.expert_not_in_database) body["expert_in_database"] = false;
  if (o.open_bid) body["open_bid"] = true;
  if (o.has_master_key) body["has_master_key"] = true;
  if (o.delegated) body["delegated"] = true;
  if (o.legal_rep_in_person) body["legal_rep_in_person"] = true;
  if (o.public_institution) body["public_institution"] = true;
  if (o.agent_changed) body["agent_changed"] = true;
  return body;
}

}  // namespace

CommandRun add_quote_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<QuoteOptions>();
  CLI::App* cmd = app.add_subcommand("quote", "Quote a business: eligibility, fee, materials, validity");
  cmd->add_option("--region", o->region, "Region script id, e.g. central")->required();
  cmd->add_option("--ca", o->ca, "CA plugin id, e.g. bjca")->required();
  cmd->add_option("--business", o->business,
                  "new|add|renew|reissue_lost|reissue_damaged|change|unlock|freeze|unfreeze|revoke")->required();
  cmd->add_option("--applicant", o->applicant, "org|person|org_person (default org)");
  cmd->add_option("--years", o->years, "Validity years (default: the region's first allowed value)");
  cmd->add_option("--key", o->key, "master|secondary (default master)");
  cmd->add_option("--channel", o->channel, "onsite|mail|online|self_service (default onsite)");
  cmd->add_option("--cert-not-before", o->cert_not_before, "Start of the certificate concerned, YYYY-MM-DD");
  cmd->add_option("--cert-not-after", o->cert_not_after, "Expiry of the certificate concerned, YYYY-MM-DD");
  cmd->add_option("--first-issued", o->first_issued, "First issue of its medium (warranty), default --cert-not-before");
  cmd->add_option("--defect", o->defect, "quality|other: what is wrong with a damaged key");
  cmd->add_option("--today", o->today, "The date to quote for, YYYY-MM-DD (default: today in China)");
  cmd->add_flag("--not-registered", o->not_registered, "The unit has not completed 主体入库");
  cmd->add_flag("--expert-not-in-database", o->expert_not_in_database, "The expert is not in the expert database");
  cmd->add_flag("--open-bid", o->open_bid, "An encrypted bid made with the certificate is not yet opened");
  cmd->add_flag("--has-master-key", o->has_master_key, "The unit already holds a master key");
  cmd->add_flag("--delegated", o->delegated, "Someone applies on the holder's behalf");
  cmd->add_flag("--legal-rep-in-person", o->legal_rep_in_person, "The legal representative comes in person");
  cmd->add_flag("--public-institution", o->public_institution, "The unit is a public institution (事业单位)");
  cmd->add_flag("--agent-changed", o->agent_changed, "The agent differs from the one on record");
  cmd->add_option("--former-ca", o->former_ca, "The CA that issued the certificate before, if another");
  cmd->add_flag("--explain", o->explain, "Show the rule (file:line or plugin) behind every line");
  cmd->add_flag("--json", o->json, "Print one JSON object");

  return [o, &global]() -> int {
    // Input errors come first: a malformed date is reported even when the rules are broken.
    nlohmann::json body = request_body(*o);
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
