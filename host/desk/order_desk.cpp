#include "desk/order_desk.hpp"

#include <spdlog/spdlog.h>

#include "identifiers/resident_id.hpp"
#include "identifiers/uscc.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "store/digest.hpp"

namespace cahub::desk {
namespace {

using nlohmann::json;

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
  return a;
}

}  // namespace

orders::CreateResult OrderDesk::create(const json& body, const std::string& idempotency_key, const orders::Actor& clerk,
                                       Date today) {
  if (idempotency_key.empty())
    throw orders::OrderConflict("idempotency_key_required",
                                "an order needs an idempotency key, so that a retry creates nothing new");
  const orders::OrderApplicant applicant = applicant_of(body);
  json quote_request = body;  // the order is a quote request plus who applies and which certificate
  quote_request.erase("applicant_details");
  quote_request.erase("previous_serial");
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
  orders::CreateResult created =
      store::commit(writes_, [&](store::Database& db) { return orders::OrderStore(db).create(o, clerk); });
  spdlog::info("order {} {} business={} region={} ca={} by {}", created.order.public_id,
               created.created ? "created" : "replayed", cahub::code_of(o.business), o.region, o.ca, clerk.login);
  return created;
}

orders::OrderRecord OrderDesk::get(const std::string& order_id) { return orders::OrderStore(reads_).get(order_id); }

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

orders::OrderRecord OrderDesk::receive_material(const std::string& order_id, const std::string& code,
                                                const orders::Actor& actor, const std::string& file_name,
                                                std::optional<std::int64_t> file_bytes) {
  return store::commit(writes_, [&](store::Database& db) {
    return orders::OrderStore(db).receive_material(order_id, code, actor, file_name, file_bytes);
  });
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

store::AuditVerdict OrderDesk::verify_audit() { return store::verify_audit_chain(reads_); }

}  // namespace cahub::desk
