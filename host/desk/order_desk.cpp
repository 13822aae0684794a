// The desk's reads and its staff actions: a workflow action, a payment, the terms staff set.
#include "desk/order_desk.hpp"

#include <spdlog/spdlog.h>

#include "desk/writer_job.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::desk {
namespace {

using nlohmann::json;

// Shaped like a quote's eligibility, for a renewal the pipeline could not answer.
json not_renewable(const std::string& code, const std::string& message) {
  return {{"eligible", false},
          {"reasons", json::array({message})},
          {"reason_details", json::array({{{"code", code}, {"en", message}}})}};
}

}  // namespace

orders::Order OrderDesk::get(const std::string& order_id, const orders::RegionScope& regions) {
  orders::Order order =
      store::read(reads_, [&](store::SqlConnection& db) { return orders::OrderRepository(db).get(order_id); });
  // The words of OrderRepository::get for a missing id: another region's order is not there.
  if (!regions.covers(order.region)) throw orders::OrderNotFound("no order " + order_id);
  return order;
}

std::vector<store::RecordedAuditEvent> OrderDesk::events(const std::string& order_id,
                                                         const orders::RegionScope& regions) {
  const std::int64_t id = get(order_id, regions).id;  // OrderNotFound for an unknown id
  return store::read(reads_, [&](store::SqlConnection& db) { return store::audit_events_of(db, id); });
}

orders::OrderPage OrderDesk::list(orders::OrderFilter filter, const std::optional<orders::OrderCursor>& after,
                                  int limit, const orders::RegionScope& regions) {
  filter.regions = regions;
  return store::read(reads_,
                     [&](store::SqlConnection& db) { return orders::OrderRepository(db).list(filter, after, limit); });
}

std::vector<orders::RegisteredCertificate> OrderDesk::certificates(orders::CertificateFilter filter, int limit,
                                                                   const orders::RegionScope& regions) {
  filter.regions = regions;
  return store::read(reads_,
                     [&](store::SqlConnection& db) { return orders::registered_certificates(db, filter, limit); });
}

json OrderDesk::renewal_outlook(const orders::RegisteredCertificate& c, Date today) const {
  // The quote a clerk would ask for this renewal today, with the registry's dates (the same facts
  // create() fills in from the registry), so the answer is the order's own.
  QuoteRequest request;
  request.region = c.region;
  request.ca = c.ca;
  request.business = Business::Renew;
  request.applicant = c.holder_kind == "person" ? ApplicantKind::Person : ApplicantKind::Org;
  request.key = parse_code<KeyType>(c.key_type).value_or(KeyType::Master);
  request.cert_not_before = Date::parse(c.not_before);
  request.cert_not_after = Date::parse(c.not_after);
  if (!c.first_issued.empty()) request.first_issued = Date::parse(c.first_issued);
  request.today = today;
  try {
    const json quote = pipeline::quote_to_json(services_.quotes.run(request), false);
    return {{"eligible", quote.at("eligible")}, {"reasons", quote.at("reasons")},
            {"reason_details", quote.at("reason_details")}};
  } catch (const pipeline::BadRequest& e) {
    // A region or CA that is no longer loaded: this one certificate cannot be renewed here now,
    // which is what a list of certificates should say, rather than fail as a whole.
    return not_renewable(e.code(), e.what());
  } catch (const pipeline::StageFailure& e) {
    spdlog::error("renewal quote for {} {} failed in {}: {}", c.ca, c.serial, e.stage(), e.what());
    return not_renewable(e.stage() + "_failed", "the " + e.stage() + " stage failed for this renewal");
  }
}

orders::Order OrderDesk::act(const std::string& order_id, orders::Action action, const edge::ActionRequest& request,
                             const orders::Actor& actor) {
  if (!orders::is_staff_action(action))  // W7
    throw orders::WorkflowRefusal("provider_step", std::string(orders::code_of(action)) +
                                                       " is a step of issue or carry_out, which ask the provider");
  if (action == orders::Action::RecordPayment)
    throw orders::WorkflowRefusal("not_allowed_now", "record a payment with its method and amount (payments)");
  if (action == orders::Action::Reject && request.note.empty())
    throw orders::WorkflowRefusal("reason_required", "a rejection needs its reason (note)");
  const orders::Order before = get(order_id, actor.regions);
  require_version(before, request.version);
  const orders::OrderState next = orders::next_state(before.state, action, before.facts(), actor);
  write_job(writes_, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    repo.advance({before.id, before.public_id, request.version}, next, now);
    if (action == orders::Action::Approve) repo.set_approved_by(before.id, actor.login);
    json payload = {{"order", before.public_id}, {"from", orders::code_of(before.state)},
                    {"to", orders::code_of(next)}, {"action", orders::code_of(action)}};
    if (!request.note.empty()) payload["note"] = request.note;
    audit(db, now, actor, before.id, "order." + std::string(orders::code_of(action)), std::move(payload));
    return 0;
  });
  spdlog::info("order {} {} -> {} region={} ca={} by {}", before.public_id, orders::code_of(action),
               orders::code_of(next), before.region, before.ca, actor.login);
  return get(order_id, actor.regions);
}

orders::Order OrderDesk::record_payment(const std::string& order_id, const edge::PaymentRequest& p,
                                        const orders::Actor& actor) {
  edge::check_payment(p);
  const orders::Order before = get(order_id, actor.regions);
  require_version(before, p.version);
  const orders::OrderState next =
      orders::next_state(before.state, orders::Action::RecordPayment, before.facts(), actor);
  orders::check_payment(before.facts(), p.amount, !p.adjustment_reason.empty(), actor);  // W3
  write_job(writes_, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    repo.insert_payment(before.id, {p.method, p.amount, p.voucher, p.adjustment_reason}, actor.login, now);
    repo.advance({before.id, before.public_id, p.version}, next, now);
    json event = {{"order", before.public_id}, {"method", code_of(p.method)}, {"amount_fen", p.amount},
                  {"voucher", p.voucher.empty() ? json(nullptr) : json(p.voucher)}, {"to", orders::code_of(next)}};
    if (!p.adjustment_reason.empty()) event["adjustment_reason"] = p.adjustment_reason;
    audit(db, now, actor, before.id, "payment.recorded", std::move(event));
    return 0;
  });
  spdlog::info("order {} paid {} fen by {} region={} ca={} recorded by {}", before.public_id, p.amount,
               code_of(p.method), before.region, before.ca, actor.login);
  return get(order_id, actor.regions);
}

orders::Order OrderDesk::set_terms(const std::string& order_id, const edge::TermsRequest& t,
                                   const orders::Actor& actor, Date today) {
  edge::check_terms(t);
  const orders::Order before = get(order_id, actor.regions);
  require_version(before, t.version);
  orders::check_terms(before.state, before.facts(),
                      {t.total.has_value(), t.years.has_value(), !t.reason.empty(),
                       before.validity.not_after.has_value()},
                      actor);  // W9
  orders::NewTerms terms{t.total, t.years, std::nullopt, std::nullopt, t.reason};
  if (t.years) {
    terms.not_before = today;
    terms.not_after = today.plus_years(*t.years);
  }
  // Terms change what the order is: the version moves, so a payment prepared before is refused;
  // a total of 0 leaves nothing to pay, and the order is approved as it is.
  const bool nothing_to_pay = t.total && *t.total == 0 && before.state == orders::OrderState::AwaitingPayment;
  const orders::OrderState after = nothing_to_pay ? orders::OrderState::Approved : before.state;
  write_job(writes_, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    repo.insert_terms(before.id, terms, actor.login, now);
    repo.advance({before.id, before.public_id, t.version}, after, now);
    json event = {{"order", before.public_id}, {"reason", t.reason}, {"to", orders::code_of(after)}};
    if (t.total) event["total_fen"] = *t.total;
    if (t.years) event["years"] = *t.years;
    if (terms.not_after) event["not_after"] = terms.not_after->iso();
    audit(db, now, actor, before.id, "order.terms_set", std::move(event));
    return 0;
  });
  spdlog::info("order {} terms set region={} ca={} by {}: {}", before.public_id, before.region, before.ca, actor.login,
               t.reason);
  return get(order_id, actor.regions);
}

store::AuditVerdict OrderDesk::verify_audit() {
  return store::read(reads_, [](store::SqlConnection& db) { return store::verify_audit_chain(db); });
}

}  // namespace cahub::desk
