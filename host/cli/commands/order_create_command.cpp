// `cahub order create --idempotency-key KEY --as LOGIN (--json-file F | quote options + applicant)`:
// accepts an order as POST /v1/orders does. The request is either a JSON file with the API's body
// or `cahub quote`'s options plus who applies (--unit-name/--uscc, --person-name/--id-number) and,
// for every business but new and add, --previous-serial. A retry with the same key and request
// prints the first order and creates nothing.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/quote_request_options.hpp"
#include "edge/order_request_json.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::cli {
namespace {

struct CreateOptions {
  std::string idempotency_key, json_file, as;
  QuoteRequestOptions request;
  std::string unit_name, uscc, person_name, id_number, previous_serial;
  OrderView view;
};

nlohmann::json read_body(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw pipeline::BadRequest("unreadable_file", "cannot read " + file);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    throw pipeline::BadRequest("malformed_json", file + " must hold one JSON object, the body of POST /v1/orders");
  return body;
}

// The options as the API's body: the quote request, `applicant_details`, `previous_serial`.
nlohmann::json body_of_options(const CreateOptions& o) {
  nlohmann::json body = quote_request_body(o.request);
  nlohmann::json details = nlohmann::json::object();
  if (o.request.applicant == "person") {
    details["name"] = o.person_name;
    details["id_number"] = o.id_number;
  } else {
    details["name"] = o.unit_name;
    details["uscc"] = o.uscc;
    if (!o.person_name.empty()) details["person_name"] = o.person_name;  // org_person: the holder
    if (!o.id_number.empty()) details["id_number"] = o.id_number;
  }
  body["applicant_details"] = details;
  if (!o.previous_serial.empty()) body["previous_serial"] = o.previous_serial;
  return body;
}

}  // namespace

CommandRun add_order_create_command(CLI::App& order, const GlobalOptions& global) {
  auto o = std::make_shared<CreateOptions>();
  CLI::App* cmd = order.add_subcommand("create", "Accept an order: a quote request plus who applies");
  cmd->add_option("--idempotency-key", o->idempotency_key,
                  "Your unique key for this order: a retry with the same key creates nothing new")->required();
  auto* file = cmd->add_option("--json-file", o->json_file, "The request as a JSON file (the body of POST /v1/orders)");
  add_quote_request_options(*cmd, o->request, false);
  cmd->add_option("--unit-name", o->unit_name, "The unit's name, e.g. 北京示例科技有限公司");
  cmd->add_option("--uscc", o->uscc, "The unit's unified social credit code (18 characters)");
  cmd->add_option("--person-name", o->person_name, "The person's name (applicant person, or org_person's holder)");
  cmd->add_option("--id-number", o->id_number, "The person's resident ID number (18 characters)");
  cmd->add_option("--previous-serial", o->previous_serial, "The certificate the business concerns (renew, change, ...)");
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);

  return [o, file, cmd, &global]() -> int {
    // Only --idempotency-key, --json-file, --as, --json and --brief go with a file.
    const bool options_given = cmd->get_options([&](const CLI::Option* opt) {
      const std::string name = opt->get_name();
      return opt->count() > 0 && opt != file && name != "--idempotency-key" && name != "--as" && name != "--json" &&
             name != "--brief" && name != "--help";
    }).size() > 0;
    return answer_at_desk([&] {
      if (!file->empty() && options_given)
        throw pipeline::BadRequest("file_and_options", "give the request as --json-file or as options, not both");
      if (file->empty() && (o->request.region.empty() || o->request.ca.empty() || o->request.business.empty()))
        throw pipeline::BadRequest("request_required", "give --region, --ca and --business, or --json-file");
      const nlohmann::json body = file->empty() ? body_of_options(*o) : read_body(o->json_file);
      const Date today = Date::today_utc8();
      const orders::OrderRequest request = edge::parse_order_request(body, today);  // before a password is asked
      DeskSession session(global);
      const orders::Actor clerk = session.acting_staff(o->as);
      const desk::CreateResult result = session.desk().create(request, o->idempotency_key, clerk, today);
      if (!o->view.json && !o->view.brief)
        std::cout << (result.created ? "created\n" : "already created with this idempotency key, nothing new:\n");
      print_order(std::cout, result.order, o->view);
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
