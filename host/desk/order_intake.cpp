// Accepting an order: the registry's facts about the certificate concerned, the quote through the
// common pipeline, and one writer job that checks the idempotency key, counts the region's limits
// and records the order with its materials checklist and audit event.
#include <spdlog/spdlog.h>

#include "desk/order_desk.hpp"
#include "desk/writer_job.hpp"
#include "orders/order_limits.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/request_error.hpp"
#include "rules/region_rules.hpp"

namespace cahub::desk {
namespace {

using nlohmann::json;

// The certificate an order concerns, checked against the registry when the registry holds it (a
// certificate issued before cahub was used is not there, and the provider decides at carry-out).
// Fills in the certificate's dates from the registry when the clerk left them out, so that the
// renewal window and warranty rules see the real dates. A certificate of a region the clerk does
// not cover is treated as one the registry does not hold, so that no refusal reveals it.
void check_certificate_concerned(store::SqlConnection& db, orders::OrderRequest& r, const orders::RegionScope& regions) {
  if (r.previous_serial.empty()) return;
  const auto known = orders::find_certificate(db, r.quote.ca, r.previous_serial);
  if (!known || !regions.covers(known->region)) return;
  const Business b = r.quote.business;
  if (known->identity != r.identity())
    throw orders::WorkflowRefusal("certificate_of_another_applicant", "certificate " + known->serial + " belongs to " +
                                                                          known->identity + ", not to " + r.identity());
  if (known->status == "revoked")
    throw orders::WorkflowRefusal("certificate_revoked", "certificate " + known->serial + " is revoked");
  const bool frozen = known->status == "frozen";
  if (b == Business::Unfreeze ? !frozen : frozen && b != Business::Revoke)
    throw orders::WorkflowRefusal("certificate_" + known->status,
                                  "certificate " + known->serial + " is " + known->status +
                                      (b == Business::Unfreeze ? ": there is nothing to unfreeze" : ": unfreeze it first"));
  if (!r.quote.cert_not_before) r.quote.cert_not_before = Date::parse(known->not_before);
  if (!r.quote.cert_not_after) r.quote.cert_not_after = Date::parse(known->not_after);
  if (!r.quote.first_issued && !known->first_issued.empty()) r.quote.first_issued = Date::parse(known->first_issued);
}

// "One master key per unit" (Qinghai): whether the unit already holds a master key is a fact the
// registry knows, so the quote gets it from there rather than from what a clerk remembered to
// tick. An active or frozen master certificate in the region counts.
void master_key_from_registry(store::SqlConnection& db, orders::OrderRequest& r) {
  if (r.quote.applicant == ApplicantKind::Person) return;
  if (orders::holds_master_key(db, r.applicant.uscc, r.quote.region)) r.quote.circumstances.has_master_key = true;
}

orders::NewOrder new_order(const orders::OrderRequest& r, const pipeline::QuoteContext& ctx, const json& quote,
                           const orders::WorkingCalendar& calendar, Date today) {
  orders::NewOrder o;
  o.request = &r;
  // Serialised here, on the request's own thread, not in the writer job that stores them.
  o.quote_json = quote.dump(-1, ' ', false, json::error_handler_t::replace);
  o.request_json = r.as_received.dump();
  if (ctx.quote.years > 0) o.years = ctx.quote.years;
  o.priced = ctx.quote.fee.total_fen.has_value();
  o.total = ctx.quote.fee.total_fen.value_or(0);
  if (o.priced && (o.total < 0 || o.total > kOrderCeilingFen))
    throw orders::WorkflowRefusal("total_beyond_ceiling", "the quote totals " + format_cny(o.total) +
                                                              " CNY, beyond what one order may total");
  if (ctx.quote.validity) {
    o.validity_not_before = ctx.quote.validity->not_before;
    o.validity_not_after = ctx.quote.validity->not_after;
    o.validity_basis = ctx.quote.validity->basis;
  }
  for (const auto& m : ctx.quote.materials) o.materials.emplace_back(m.code, m.name);
  o.rules_release = ctx.quote.rules.release;
  if (ctx.quote.review_working_days_max > 0)
    o.due_on = calendar.add_working_days(today, ctx.quote.review_working_days_max);
  o.limits = ctx.region->limits_for(ctx.request);
  return o;
}

// What the creating writer job did: the order it inserted, or the earlier one of the same
// idempotency key (created false), and the time it wrote.
struct Accepted {
  orders::OrderRepository::Inserted order;
  bool created = false;
  std::string now;
};

// The writer job of a creation: the idempotency check and the region's limits inside the
// transaction, with the insert and its audit event, so that concurrent creations cannot both pass.
Accepted accept(store::Committer& writes, const orders::NewOrder& o, const orders::Actor& clerk) {
  const orders::OrderRequest& r = *o.request;
  return write_job(writes, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    // Hosts sharing PostgreSQL: the same key sent to two of them at once must not make two orders
    // (nor fail on the key's UNIQUE): the second waits for the first to commit, then finds it.
    db.serialize(store::Serial::idempotency_keys, o.idempotency_key);
    if (const auto earlier = repo.find_by_idempotency_key(o.idempotency_key)) {
      if (earlier->request_hash != r.request_hash)
        throw orders::OrderConflict("idempotency_conflict", "idempotency key " + o.idempotency_key +
                                                                " was used for order " + earlier->public_id +
                                                                " with a different request");
      return Accepted{{{earlier->id, earlier->public_id, 0}, {}}, false, now};
    }
    // Limits across orders are the region's (limit{}), counted in this transaction so that two
    // clerks accepting at the same moment cannot both take the last place.
    orders::refuse_beyond_limits(db, o);
    orders::OrderRepository::Inserted added = repo.insert(o, clerk.login, now);
    // Enough to replay the order's row (audit/replay_model.hpp): what `cahub audit verify`
    // compares the orders table with.
    audit(db, now, clerk, added.ref.id, "order.submitted",
          {{"order", added.ref.public_id}, {"business", code_of(r.quote.business)}, {"region", r.quote.region},
           {"ca", r.quote.ca}, {"applicant", r.identity()}, {"total_fen", o.priced ? json(o.total) : json(nullptr)},
           {"state", "submitted"}, {"key_type", code_of(r.quote.key)},
           {"previous_serial", r.previous_serial.empty() ? json(nullptr) : json(r.previous_serial)},
           {"validity_not_after", o.validity_not_after ? json(o.validity_not_after->iso()) : json(nullptr)}});
    return Accepted{std::move(added), true, now};
  });
}

}  // namespace

CreateResult OrderDesk::create(const orders::OrderRequest& request, const std::string& idempotency_key,
                               const orders::Actor& clerk, Date today) {
  if (idempotency_key.empty() || idempotency_key.size() > 128)
    throw pipeline::BadRequest("idempotency_key_required",
                               "an order needs an idempotency key of 1 to 128 characters, so that a retry creates "
                               "nothing new");
  orders::require_region(clerk.regions, request.quote.region);
  orders::OrderRequest r = request;
  reads_.read([&](store::SqlConnection& db) {
    check_certificate_concerned(db, r, clerk.regions);
    master_key_from_registry(db, r);
  });
  r.quote.today = today;
  const pipeline::QuoteContext ctx = services_.quotes.run(r.quote);
  if (!ctx.quote.eligible) throw NotEligible(pipeline::quote_to_json(ctx, true));
  json quote = pipeline::quote_to_json(ctx, true);
  orders::NewOrder o = new_order(r, ctx, quote, services_.calendar, today);
  o.idempotency_key = idempotency_key;

  const Accepted a = accept(writes_, o, clerk);
  const orders::OrderRef& ref = a.order.ref;
  spdlog::info("order {} {} business={} region={} ca={} by {}", ref.public_id, a.created ? "created" : "replayed",
               code_of(r.quote.business), r.quote.region, r.quote.ca, clerk.login);
  // A replay answers with the order as it is now. A new order is answered with what was just
  // written, built in memory: reading it back cost more than anything else of a creation outside
  // the writer (a fresh page cache, since the writer has committed since).
  if (!a.created)
    return {store::read(reads_, [&](store::SqlConnection& db) { return orders::OrderRepository(db).load(ref.id); }),
            false};
  return {orders::inserted_order(o, a.order, clerk.login, a.now, std::move(quote)), true};
}

}  // namespace cahub::desk
