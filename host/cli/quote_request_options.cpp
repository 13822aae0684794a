#include "cli/quote_request_options.hpp"

#include <CLI/CLI.hpp>

#include "pipeline/request_error.hpp"

namespace cahub::cli {

void add_quote_request_options(CLI::App& cmd, QuoteRequestOptions& o, bool required) {
  cmd.add_option("--region", o.region, "Region script id, e.g. central")->required(required);
  cmd.add_option("--ca", o.ca, "CA plugin id, e.g. bjca")->required(required);
  cmd.add_option("--business", o.business,
                 "new|add|renew|reissue_lost|reissue_damaged|change|unlock|freeze|unfreeze|revoke")->required(required);
  cmd.add_option("--applicant", o.applicant, "org|person|org_person (default org)");
  cmd.add_option("--years", o.years, "Validity years (default: the region's first allowed value)");
  cmd.add_option("--key", o.key, "master|secondary (default master)");
  cmd.add_option("--channel", o.channel, "onsite|mail|online|self_service (default onsite)");
  cmd.add_option("--cert-not-before", o.cert_not_before, "Start of the certificate concerned, YYYY-MM-DD");
  cmd.add_option("--cert-not-after", o.cert_not_after, "Expiry of the certificate concerned, YYYY-MM-DD");
  cmd.add_option("--first-issued", o.first_issued, "First issue of its medium (warranty); unknown when left out");
  cmd.add_option("--defect", o.defect, "quality|other: what is wrong with a damaged key");
  cmd.add_option("--today", o.today, "The date to quote for, YYYY-MM-DD (default: today in China)");
  cmd.add_flag("--not-registered", o.not_registered, "The unit has not completed 主体入库");
  cmd.add_flag("--expert-not-in-database", o.expert_not_in_database, "The expert is not in the expert database");
  cmd.add_flag("--open-bid", o.open_bid, "An encrypted bid made with the certificate is not yet opened");
  cmd.add_flag("--has-master-key", o.has_master_key, "The unit already holds a master key");
  cmd.add_flag("--delegated", o.delegated, "Someone applies on the holder's behalf");
  cmd.add_flag("--legal-rep-in-person", o.legal_rep_in_person, "The legal representative comes in person");
  cmd.add_flag("--public-institution", o.public_institution, "The unit is a public institution (事业单位)");
  cmd.add_flag("--agent-changed", o.agent_changed, "The agent differs from the one on record");
  cmd.add_option("--former-ca", o.former_ca, "The CA that issued the certificate before, if another");
}

nlohmann::json quote_request_body(const QuoteRequestOptions& o) {
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

}  // namespace cahub::cli
