// `cahub certs import --as LOGIN --ca C --region R --serial S --not-before D --not-after D
// (--unit-name N --uscc U | --person-name N --id-number I) [--key K] [--first-issued D]
// [--medium-serial M]`: records a certificate the holder got before cahub was used
// (orders/certificate_import.hpp), so renewal reminders and renewals know it.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"
#include "orders/certificate_import.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::cli {
namespace {

struct ImportOptions {
  std::string as, ca, region, serial, key = "master", not_before, not_after, first_issued, medium_serial;
  std::string unit_name, uscc, person_name, id_number;
  bool json = false;
};

Date date_option(const char* option, const std::string& text) {
  const auto date = Date::parse(text);
  if (!date) throw pipeline::BadRequest("bad_date", std::string(option) + " must be a date YYYY-MM-DD, got \"" + text + "\"");
  return *date;
}

// The holder, by the check characters of GB 32100 (USCC) or GB 11643 (ID number).
orders::Customer holder_of(const ImportOptions& o) {
  const bool org = !o.uscc.empty();
  if (org == !o.id_number.empty())
    throw pipeline::BadRequest("holder_required", "give the unit (--unit-name, --uscc) or the person (--person-name, "
                                                  "--id-number)");
  orders::Customer holder{org, org ? o.unit_name : o.person_name, org ? o.uscc : o.id_number};
  if (holder.name.empty())
    throw pipeline::BadRequest("holder_required", org ? "--unit-name is required" : "--person-name is required");
  const identifiers::CheckResult check =
      org ? identifiers::check_uscc(holder.identity) : identifiers::check_resident_id(holder.identity);
  if (check.failure)
    throw pipeline::BadRequest((org ? "bad_uscc_" : "bad_id_number_") + std::string(check.failure->code()),
                               (org ? "--uscc: " : "--id-number: ") + check.failure->message_en);
  return holder;
}

orders::ImportedCertificate certificate_of(const ImportOptions& o) {
  orders::ImportedCertificate c;
  c.holder = holder_of(o);
  c.ca = o.ca;
  c.region = o.region;
  c.serial = o.serial;
  const auto key = parse_code<KeyType>(o.key);
  if (!key) throw pipeline::BadRequest("bad_key", "--key must be master or secondary, got \"" + o.key + "\"");
  c.key = *key;
  c.not_before = date_option("--not-before", o.not_before);
  c.not_after = date_option("--not-after", o.not_after);
  if (c.not_after < c.not_before)
    throw pipeline::BadRequest("bad_validity", "--not-after " + o.not_after + " is before --not-before " + o.not_before);
  if (!o.first_issued.empty()) c.first_issued = date_option("--first-issued", o.first_issued);
  c.medium_serial = o.medium_serial;
  return c;
}

}  // namespace

CommandRun add_certs_import_command(CLI::App& certs, const GlobalOptions& global) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = certs.add_subcommand("import", "Record a certificate issued before cahub was used");
  cmd->add_option("--ca", o->ca, "The CA that issued it (plugin id), e.g. bjca")->required();
  cmd->add_option("--region", o->region, "The region it is used in (script id), e.g. central")->required();
  cmd->add_option("--serial", o->serial, "Its serial number, as the CA issued it")->required();
  cmd->add_option("--not-before", o->not_before, "Its first valid day, YYYY-MM-DD")->required();
  cmd->add_option("--not-after", o->not_after, "Its last valid day, YYYY-MM-DD")->required();
  cmd->add_option("--key", o->key, "master|secondary (default master)");
  cmd->add_option("--first-issued", o->first_issued, "When its medium was first issued (warranty), YYYY-MM-DD");
  cmd->add_option("--medium-serial", o->medium_serial, "The USB key's serial number");
  cmd->add_option("--unit-name", o->unit_name, "The unit that holds it");
  cmd->add_option("--uscc", o->uscc, "The unit's unified social credit code");
  cmd->add_option("--person-name", o->person_name, "The person who holds it");
  cmd->add_option("--id-number", o->id_number, "The person's resident ID number");
  add_acting_option(*cmd, o->as);
  cmd->add_flag("--json", o->json, "Print the registry's record as one JSON object");
  return [o, &global]() -> int {
    return answer_at_desk([&] {
      const orders::ImportedCertificate certificate = certificate_of(*o);
      DeskSession session(global);
      if (!session.runtime().plugins->find(certificate.ca))
        throw pipeline::BadRequest("unknown_ca", "no CA plugin \"" + certificate.ca + "\" is loaded");
      if (!session.runtime().rule_book->find(certificate.region))
        throw pipeline::BadRequest("unknown_region", "no region script \"" + certificate.region + "\" is loaded");
      const orders::Actor actor = session.acting_staff(o->as);
      const orders::RegisteredCertificate c =
          orders::import_certificate(session.database(), certificate, actor, Date::today_utc8());
      if (o->json)
        std::cout << c.to_json().dump(2) << "\n";
      else
        std::cout << "imported " << c.ca << " " << c.serial << " (" << c.key_type << ") of " << c.customer_name << " ("
                  << c.identity << "), " << c.not_before << " to " << c.not_after << ", " << c.status << "\n";
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
