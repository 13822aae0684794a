#include "desk/order_desk.hpp"

#include <cctype>
#include <initializer_list>
#include <string_view>

#include <spdlog/spdlog.h>

#include "identifiers/mobile.hpp"
#include "identifiers/postcode.hpp"
#include "identifiers/resident_id.hpp"
#include "orders/certificate_registry.hpp"
#include "identifiers/uscc.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "rules/region_rules.hpp"
#include "plugins/plugin_registry.hpp"
#include "store/digest.hpp"

namespace cahub::desk {
namespace {

using nlohmann::json;

// An optional contact field of applicant_details, checked when given: the agent's mobile receives
// the SMS codes and PINs and a mailed certificate needs the postcode, so a mistyped one would fail
// the order later, silently. Refused like the USCC, with a code per reason and the field named.
void check_contact(const json& details, const char* field, identifiers::CheckResult (*check)(std::string_view)) {
  const auto it = details.find(field);
  if (it == details.end() || it->is_null()) return;
  if (!it->is_string())
    throw pipeline::BadRequest("bad_applicant", std::string("applicant_details.") + field + " must be a string");
  const std::string& text = it->get_ref<const std::string&>();
  if (text.empty()) return;
  const identifiers::CheckResult result = check(text);
  if (result.failure)
    throw pipeline::BadRequest("bad_" + std::string(field) + "_" + std::string(result.failure->code()),
                               std::string("applicant_details.") + field + ": " + result.failure->message_en);
}

orders::OrderApplicant applicant_of(const json& body) {
  const json details = body.value("applicant_details", json::object());
  if (!details.is_object()) throw pipeline::BadRequest("bad_applicant", "applicant_details must be an object");
  orders::OrderApplicant a;
  const std::string kind = body.value("applicant", "org");
  a.kind = kind == "person" ? "person" : "org";
  a.name = details.value("name", "");
  a.uscc = details.value("uscc", "");
  a.id_number = details.value("id_number", "");
  if (a.name.empty()) throw pipeline::BadRequest("bad_applicant", "applicant_details.name is required");
  // The check characters of GB 32100 and GB 11643: a mistyped number is refused before it is stored.
  const identifiers::CheckResult check =
      a.kind == "org" ? identifiers::check_uscc(a.uscc) : identifiers::check_resident_id(a.id_number);
  if (check.failure)
    throw pipeline::BadRequest(std::string(a.kind == "org" ? "bad_uscc_" : "bad_id_number_") +
                                   std::string(check.failure->code()),
                               std::string(a.kind == "org" ? "applicant_details.uscc: " : "applicant_details.id_number: ") +
                                   check.failure->message_en);
  check_contact(details, "mobile", identifiers::check_mobile);
  check_contact(details, "postcode", identifiers::check_postcode);
  return a;
}

// The certificate an order concerns, checked against the registry when the registry holds it (a
// certificate issued before cahub was used is not there, and the provider decides at carry-out).
// Fills in the quote request's certificate dates from the registry when the clerk left them out, so
// the renewal window and warranty rules see the real dates.
void check_certificate_concerned(store::Database& db, const json& body, const orders::OrderApplicant& applicant,
                                 json& quote_request) {
  const auto business = parse_code<Business>(body.value("business", ""));
  if (!business) return;  // the pipeline says what is wrong with the code
  const std::string serial = body.value("previous_serial", "");
  if (serial.empty()) {
    if (concerns_existing_certificate(*business))
      throw pipeline::BadRequest("previous_serial_required", "a " + std::string(cahub::code_of(*business)) +
                                                                 " order names the certificate concerned: previous_serial");
    return;
  }
  if (*business == Business::New)
    throw pipeline::BadRequest("bad_field", "a new certificate concerns no earlier one: leave previous_serial out");
  const auto known = orders::find_certificate(db, body.value("ca", ""), serial);
  if (!known) return;
  if (known->identity != applicant.identity())
    throw orders::WorkflowRefusal("certificate_of_another_applicant",
                                  "certificate " + known->serial + " belongs to " + known->identity + ", not to " +
                                      applicant.identity());
  if (known->status == "revoked")
    throw orders::WorkflowRefusal("certificate_revoked", "certificate " + known->serial + " is revoked");
  const bool frozen = known->status == "frozen";
  if (*business == Business::Unfreeze ? !frozen : frozen && *business != Business::Revoke)
    throw orders::WorkflowRefusal("certificate_" + known->status,
                                  "certificate " + known->serial + " is " + known->status +
                                      (*business == Business::Unfreeze ? ": there is nothing to unfreeze"
                                                                       : ": unfreeze it first"));
  if (!quote_request.contains("cert_not_before")) quote_request["cert_not_before"] = known->not_before;
  if (!quote_request.contains("cert_not_after")) quote_request["cert_not_after"] = known->not_after;
  if (!quote_request.contains("first_issued") && !known->first_issued.empty())
    quote_request["first_issued"] = known->first_issued;
}

// "One master key per unit" (Qinghai) is a rule across orders: whether the unit already holds a
// master key is a fact the registry knows, so the quote gets it from there rather than from what a
// clerk remembered to tick. An active or frozen master certificate in the region counts.
void master_key_from_registry(store::Database& db, const json& body, const orders::OrderApplicant& applicant,
                              json& quote_request) {
  if (applicant.kind != "org") return;
  const std::string region = body.value("region", "");
  orders::CertificateFilter held;
  held.holder = applicant.uscc;
  for (const auto& c : orders::registered_certificates(db, held))
    if (c.identity == applicant.uscc && c.region == region && c.key_type == "master" &&
        (c.status == "active" || c.status == "frozen")) {
      quote_request["has_master_key"] = true;
      return;
    }
}

}  // namespace

orders::CreateResult OrderDesk::create(const json& body, const std::string& idempotency_key, const orders::Actor& clerk,
                                       Date today) {
  if (idempotency_key.empty())
    throw orders::OrderConflict("idempotency_key_required",
                                "an order needs an idempotency key, so that a retry creates nothing new");
  const orders::OrderApplicant applicant = applicant_of(body);
  if (body.contains("today"))
    throw pipeline::BadRequest("bad_field", "an order is accepted today: \"today\" is for quotes only");
  json quote_request = body;  // the order is a quote request plus who applies and which certificate
  quote_request.erase("applicant_details");
  quote_request.erase("previous_serial");
  quote_request.erase("revocation_reason");
  check_certificate_concerned(reads_, body, applicant, quote_request);
  master_key_from_registry(reads_, body, applicant, quote_request);
  const pipeline::QuoteContext ctx = services_.quotes.run(pipeline::parse_quote_request(quote_request, today));
  const json quote = pipeline::quote_to_json(ctx, true);
  if (!ctx.quote.eligible) throw NotEligible(quote);

  orders::NewOrder o;
  o.idempotency_key = idempotency_key;
  o.request_hash = store::sha256_hex(body.dump());  // json objects dump with sorted keys: one text per request
  o.request = body;
  o.business = ctx.request.business;
  o.region = ctx.request.region;
  o.ca = ctx.request.ca;
  o.channel = ctx.request.channel;
  if (ctx.quote.years > 0) o.years = ctx.quote.years;
  o.key = ctx.request.key;
  o.applicant = applicant;
  o.quote = quote;
  o.priced = ctx.quote.fee.total_fen.has_value();
  o.total = ctx.quote.fee.total_fen.value_or(0);
  for (const auto& m : ctx.quote.materials) o.materials.push_back({m.code, m.name});
  if (ctx.quote.review_working_days_max > 0)
    o.due_on = services_.calendar.add_working_days(today, ctx.quote.review_working_days_max);
  o.limits = ctx.region->limits_for(ctx.request);
  orders::CreateResult created =
      store::commit(writes_, [&](store::Database& db) { return orders::OrderStore(db).create(o, clerk); });
  spdlog::info("order {} {} business={} region={} ca={} by {}", created.order.public_id,
               created.created ? "created" : "replayed", cahub::code_of(o.business), o.region, o.ca, clerk.login);
  return created;
}

orders::OrderRecord OrderDesk::get(const std::string& order_id) { return orders::OrderStore(reads_).get(order_id); }

namespace {

// Shaped like a quote's eligibility, for a renewal the pipeline could not answer.
json not_renewable(const std::string& code, const std::string& message) {
  return {{"eligible", false},
          {"reasons", json::array({message})},
          {"reason_details", json::array({{{"code", code}, {"en", message}}})}};
}

}  // namespace

std::vector<store::RecordedAuditEvent> OrderDesk::events(const std::string& order_id) {
  return store::audit_events_of(reads_, get(order_id).id);  // get: OrderNotFound for an unknown id
}

std::vector<orders::RegisteredCertificate> OrderDesk::certificates(const orders::CertificateFilter& filter, int limit) {
  return orders::registered_certificates(reads_, filter, limit);
}

json OrderDesk::renewal_outlook(const orders::RegisteredCertificate& c, Date today) const {
  // The quote request a clerk would make for this renewal today, with the registry's dates (the
  // same facts create() fills in from the registry), so the answer is the order's own.
  json request = {{"region", c.region},
                  {"ca", c.ca},
                  {"business", code_of(Business::Renew)},
                  {"applicant", c.holder_kind == "person" ? code_of(ApplicantKind::Person) : code_of(ApplicantKind::Org)},
                  {"key", c.key_type},
                  {"cert_not_before", c.not_before},
                  {"cert_not_after", c.not_after}};
  if (!c.first_issued.empty()) request["first_issued"] = c.first_issued;
  try {
    const json quote = pipeline::quote_to_json(services_.quotes.run(pipeline::parse_quote_request(request, today)), false);
    return {{"eligible", quote.at("eligible")}, {"reasons", quote.at("reasons")},
            {"reason_details", quote.at("reason_details")}};
  } catch (const pipeline::BadRequest& e) {
    // A region or CA that is no longer loaded: this one certificate cannot be renewed here now,
    // which is what a list of certificates should say, rather than fail as a whole.
    return not_renewable(e.code(), e.what());
  } catch (const pipeline::StageFailure& e) {
    spdlog::error("renewal quote for {} {} failed in {}: {}", c.ca, c.serial, e.stage(), e.what());
    return not_renewable(e.stage() + "_failed", e.what());
  }
}

std::vector<orders::OrderRecord> OrderDesk::list(const orders::OrderStore::Filter& filter, int limit) {
  return orders::OrderStore(reads_).list(filter, limit);
}

orders::OrderRecord OrderDesk::act(const std::string& order_id, orders::Action action, std::int64_t version,
                                   const orders::Actor& actor, const std::string& note) {
  orders::OrderRecord after = store::commit(
      writes_, [&](store::Database& db) { return orders::OrderStore(db).apply(order_id, action, version, actor, note); });
  spdlog::info("order {} {} -> {} region={} ca={} by {}", after.public_id, orders::code_of(action),
               orders::code_of(after.state), after.region, after.ca, actor.login);
  return after;
}

void OrderDesk::check_upload(const std::string& ca, const std::string& file_name,
                             std::optional<std::int64_t> file_bytes) const {
  if (file_name.empty()) {
    if (file_bytes) throw pipeline::BadRequest("bad_file", "file_bytes without file_name: name the uploaded file");
    return;
  }
  if (!file_bytes || *file_bytes <= 0)
    throw pipeline::BadRequest("bad_file", "an uploaded file needs its size in bytes (file_bytes > 0)");
  const auto provider = services_.plugins.find(ca);
  if (!provider) return;  // no limits known; issuing will say the provider is missing
  const auto limits = provider->upload_limits();
  if (!limits) return;  // the provider publishes none
  const auto dot = file_name.find_last_of('.');
  const std::string type = dot == std::string::npos ? std::string() : file_name.substr(dot + 1);
  if (!limits->accepts_type(type)) {
    std::string listed;
    for (const auto& t : limits->types) listed += (listed.empty() ? "" : ", ") + t;
    throw orders::WorkflowRefusal("file_type_not_accepted",
                                  ca + " accepts " + listed + " uploads; \"" + file_name + "\" is not one of them");
  }
  if (limits->max_bytes && *file_bytes > *limits->max_bytes)
    throw orders::WorkflowRefusal("file_too_large", "\"" + file_name + "\" is " + std::to_string(*file_bytes) +
                                                        " bytes; " + ca + " accepts at most " +
                                                        std::to_string(*limits->max_bytes) + " bytes");
}

orders::OrderRecord OrderDesk::receive_material(const std::string& order_id, const std::string& code,
                                                const orders::Actor& actor, const std::string& file_name,
                                                std::optional<std::int64_t> file_bytes) {
  check_upload(get(order_id).ca, file_name, file_bytes);
  orders::OrderRecord after = store::commit(writes_, [&](store::Database& db) {
    return orders::OrderStore(db).receive_material(order_id, code, actor, file_name, file_bytes);
  });
  spdlog::info("order {} material {} received region={} ca={} by {}", after.public_id, code, after.region, after.ca,
               actor.login);
  return after;
}

namespace {

// What a file's first bytes say it is, and the names it may go by: a scan renamed .jpg that is
// really a PDF is refused rather than stored under a false name.
struct MediaType {
  const char* type;
  std::string_view magic;
  std::initializer_list<std::string_view> extensions;
};
constexpr std::string_view kJpegMagic("\xFF\xD8\xFF", 3);
constexpr std::string_view kPngMagic("\x89PNG\r\n\x1A\n", 8);
const MediaType kMediaTypes[] = {{"image/jpeg", kJpegMagic, {"jpg", "jpeg"}},
                                 {"image/png", kPngMagic, {"png"}},
                                 {"image/bmp", "BM", {"bmp"}},
                                 {"application/pdf", "%PDF-", {"pdf"}}};

std::string extension_of(const std::string& file_name) {
  const auto dot = file_name.find_last_of('.');
  std::string ext = dot == std::string::npos ? std::string() : file_name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

orders::OrderRecord OrderDesk::upload_material(const std::string& order_id, const std::string& code,
                                               const orders::Actor& actor, const std::string& file_name,
                                               std::string content) {
  if (file_name.empty() || file_name.find_first_of("/\\") != std::string::npos)
    throw pipeline::BadRequest("bad_file", "name the uploaded file (?name=licence.jpg), without a folder");
  if (content.empty()) throw pipeline::BadRequest("bad_file", "the uploaded file is empty");
  check_upload(get(order_id).ca, file_name, static_cast<std::int64_t>(content.size()));
  const std::string ext = extension_of(file_name);
  const MediaType* named = nullptr;
  const MediaType* found = nullptr;
  for (const MediaType& m : kMediaTypes) {
    for (std::string_view e : m.extensions)
      if (e == ext) named = &m;
    if (std::string_view(content).substr(0, m.magic.size()) == m.magic) found = &m;
  }
  if (!found)
    throw orders::WorkflowRefusal("file_type_not_accepted",
                                  "\"" + file_name + "\" is not a JPEG, PNG, BMP or PDF file (by its content)");
  if (named != found)
    throw orders::WorkflowRefusal("file_content_mismatch", "\"" + file_name + "\" is named ." + ext + " but its content is " +
                                                               found->type);
  const orders::UploadedFile file{file_name, found->type, std::move(content)};
  orders::OrderRecord after = store::commit(
      writes_, [&](store::Database& db) { return orders::OrderStore(db).upload_material(order_id, code, actor, file); });
  spdlog::info("order {} material {} uploaded ({} bytes, {}) region={} ca={} by {}", after.public_id, code,
               file.content.size(), file.media_type, after.region, after.ca, actor.login);
  return after;
}

orders::MaterialFile OrderDesk::material_file(const std::string& order_id, const std::string& code) {
  return orders::OrderStore(reads_).material_file(order_id, code);
}

orders::OrderRecord OrderDesk::record_payment(const std::string& order_id, std::int64_t version,
                                              const orders::PaymentRecord& payment, const orders::Actor& actor) {
  orders::OrderRecord after = store::commit(writes_, [&](store::Database& db) {
    return orders::OrderStore(db).record_payment(order_id, version, payment, actor);
  });
  spdlog::info("order {} paid {} fen by {} region={} ca={} recorded by {}", after.public_id, payment.amount,
               payment.method, after.region, after.ca, actor.login);
  return after;
}

orders::OperateCall OrderDesk::provider_for(const std::string& ca) const {
  auto provider = services_.plugins.find(ca);
  if (!provider) throw ProviderProblem("provider_unavailable", "the plugin for " + ca + " is not loaded");
  return [provider, ca](const json& request) {
    try {
      return json::parse(provider->operate(request.dump()));
    } catch (const plugins::PluginError& e) {
      // The provider does not know the certificate: the clerk's serial is wrong, not the provider.
      if (e.status() == CAHUB_ERROR_NOT_FOUND) throw ProviderProblem("certificate_not_found", e.what());
      throw ProviderProblem("provider_failed", e.what());
    }
  };
}

orders::OrderRecord OrderDesk::issue(const std::string& order_id, std::int64_t version, const orders::Actor& actor) {
  const orders::OrderRecord before = get(order_id);
  const orders::OperateCall operate = provider_for(before.ca);
  const json request = orders::OrderStore(reads_).issue_request(order_id, version, actor);
  json issued;
  try {
    issued = operate(request);  // outside the write path: the provider may be slow
  } catch (const ProviderProblem& e) {
    // Nothing was recorded: the order stays where it was and can be retried.
    spdlog::error("order {} issuing failed region={} ca={}: {}", order_id, before.region, before.ca, e.what());
    throw;
  }
  orders::OrderRecord after = store::commit(writes_, [&](store::Database& db) {
    return orders::OrderStore(db).record_certificate(order_id, version, actor, issued);
  });
  spdlog::info("order {} issued certificate {} region={} ca={} by {}", after.public_id,
               after.certificate ? after.certificate->serial : "?", after.region, after.ca, actor.login);
  return after;
}

orders::OrderRecord OrderDesk::carry_out(const std::string& order_id, std::int64_t version, const orders::Actor& actor) {
  const orders::OrderRecord before = get(order_id);
  const orders::OperateCall operate = provider_for(before.ca);
  const json request = orders::OrderStore(reads_).operation_request(order_id, version, actor);
  json answer;
  try {
    // A retry after a lost commit finds the certificate already changed: the provider's status
    // says so, and asking it to freeze a frozen certificate again would be refused.
    const json status = operate({{"op", "status"}, {"serial", request["serial"]}});
    const std::string wanted = before.business == Business::Freeze ? "frozen"
                               : before.business == Business::Revoke ? "revoked"
                                                                     : "active";
    answer = status.value("status", "") == wanted ? status : operate(request);
  } catch (const ProviderProblem& e) {
    spdlog::error("order {} {} failed region={} ca={}: {}", order_id, cahub::code_of(before.business), before.region,
                  before.ca, e.what());
    throw;
  }
  orders::OrderRecord after = store::commit(writes_, [&](store::Database& db) {
    return orders::OrderStore(db).record_operation(order_id, version, actor, answer);
  });
  spdlog::info("order {} carried out {} on certificate {} region={} ca={} by {}", after.public_id,
               cahub::code_of(after.business), answer.value("serial", ""), after.region, after.ca, actor.login);
  return after;
}

orders::OrderRecord OrderDesk::set_terms(const std::string& order_id, std::int64_t version,
                                         const orders::OrderTerms& terms, const orders::Actor& actor) {
  orders::OrderRecord after = store::commit(
      writes_, [&](store::Database& db) { return orders::OrderStore(db).set_terms(order_id, version, terms, actor); });
  spdlog::info("order {} terms set region={} ca={} by {}: {}", after.public_id, after.region, after.ca, actor.login,
               terms.reason);
  return after;
}

store::AuditVerdict OrderDesk::verify_audit() { return store::verify_audit_chain(reads_); }

}  // namespace cahub::desk
