#include "edge/order_request_json.hpp"

#include "edge/json_fields.hpp"
#include "identifiers/mobile.hpp"
#include "identifiers/postcode.hpp"
#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"
#include "pipeline/quote_request_json.hpp"
#include "store/digest.hpp"

namespace cahub::edge {
namespace {

using nlohmann::json;

// A field with check characters (GB 32100, GB 11643) or a fixed form (mobile, postcode): a
// mistyped one is refused here, with a code per reason, before anything is quoted or stored.
void check_identifier(const Fields& f, const char* key, const std::string& value, const char* code_prefix,
                      identifiers::CheckResult (*check)(std::string_view)) {
  const identifiers::CheckResult result = check(value);
  if (result.failure)
    throw pipeline::BadRequest(code_prefix + std::string(result.failure->code()),
                               f.name(key) + ": " + result.failure->message_en, f.name(key));
}

std::string contact(const Fields& f, const char* key, identifiers::CheckResult (*check)(std::string_view)) {
  const std::string value = f.text(key, {32, false}).value_or("");
  if (!value.empty()) check_identifier(f, key, value, ("bad_" + std::string(key) + "_").c_str(), check);
  return value;
}

orders::ApplicantDetails applicant_of(const Fields& body, ApplicantKind kind) {
  const auto f = body.object("applicant_details");
  if (!f) throw pipeline::BadRequest("bad_applicant", "applicant_details is required: who applies", "applicant_details");
  f->only({"name", "uscc", "id_number", "person_name", "mobile", "postcode", "address"});
  orders::ApplicantDetails a;
  a.name = f->text("name").value_or("");
  if (a.name.empty())
    throw pipeline::BadRequest("bad_applicant", "applicant_details.name is required", "applicant_details.name");
  a.uscc = f->text("uscc", {32, false}).value_or("");
  a.id_number = f->text("id_number", {32, false}).value_or("");
  a.person_name = f->text("person_name").value_or("");
  if (kind == ApplicantKind::Person)
    check_identifier(*f, "id_number", a.id_number, "bad_id_number_", identifiers::check_resident_id);
  else
    check_identifier(*f, "uscc", a.uscc, "bad_uscc_", identifiers::check_uscc);
  if (kind == ApplicantKind::OrgPerson && !a.id_number.empty())
    check_identifier(*f, "id_number", a.id_number, "bad_id_number_", identifiers::check_resident_id);
  a.mobile = contact(*f, "mobile", identifiers::check_mobile);
  a.postcode = contact(*f, "postcode", identifiers::check_postcode);
  a.address = f->text("address", {512, false}).value_or("");
  return a;
}

}  // namespace

orders::OrderRequest parse_order_request(const json& body, Date today) {
  const Fields f(body);
  if (f.has("today"))
    throw pipeline::BadRequest("bad_field", "an order is accepted today: \"today\" is for quotes only", "today");
  orders::OrderRequest r;
  r.quote = pipeline::parse_quote_request(body, today, {"applicant_details", "previous_serial", "revocation_reason"});
  r.applicant = applicant_of(f, r.quote.applicant);
  r.previous_serial = f.text("previous_serial", {128, false}).value_or("");
  r.revocation_reason = f.code<RevocationReason>("revocation_reason");
  const Business b = r.quote.business;
  if (r.previous_serial.empty() && concerns_existing_certificate(b))
    throw pipeline::BadRequest("previous_serial_required", "a " + std::string(code_of(b)) +
                                                               " order names the certificate concerned: previous_serial",
                               "previous_serial");
  if (!r.previous_serial.empty() && b == Business::New)
    throw pipeline::BadRequest("bad_field", "a new certificate concerns no earlier one: leave previous_serial out",
                               "previous_serial");
  if (r.revocation_reason && b != Business::Revoke)
    throw pipeline::BadRequest("bad_field", "only a revoke order has a revocation_reason", "revocation_reason");
  r.as_received = body;
  r.request_hash = store::sha256_hex(body.dump());  // objects dump with sorted keys: one text per request
  return r;
}

}  // namespace cahub::edge
