// Asking the provider, without a race against the workflow (issue #13). Each operation is three
// steps, and only the middle one talks to the provider:
//
//   1. a writer job moves the order, under the version the caller saw, into an in-flight state
//      (issuing, carrying_out) that cancel cannot leave (W6): whoever wrote first wins, and a
//      cancel that came first means the provider is never asked;
//   2. the provider is asked, by the order's id (issue is idempotent per order id);
//   3. a writer job records the answer (issued, completed), or, when the provider says it did
//      nothing, returns the order to paid (or approved, when free).
//
// A crash or a lost commit between 2 and 3 leaves the order in flight: a retry of the same call
// repeats 2 (the provider answers with what it already did), and reconcile() (run when `cahub
// serve` starts) asks the provider what it did for each such order. So no certificate exists at
// the CA that the registry does not come to know, and none changes status behind the registry's back.
#include <spdlog/spdlog.h>

#include "desk/order_desk.hpp"
#include "desk/writer_job.hpp"
#include "plugins/provider_requests.hpp"

namespace cahub::desk {
namespace {

using nlohmann::json;
using orders::Action;
using orders::OrderState;

plugins::IssueRequest issue_request_of(const orders::Order& o) {
  plugins::IssueRequest r;
  r.order_id = o.public_id;
  r.business = o.business;
  r.subject.kind = o.applicant.kind;
  if (o.applicant.kind == ApplicantKind::Person) {
    r.subject.person_name = o.applicant.name;
    r.subject.id_number = o.applicant.identity;
  } else {
    r.subject.unit_name = o.applicant.name;
    r.subject.uscc = o.applicant.identity;
    r.subject.person_name = o.applicant.holder_name;
    r.subject.id_number = o.applicant.holder_id_number;
  }
  r.key = o.key;
  r.not_before = o.validity.not_before.value_or(Date::parse(o.created_at.substr(0, 10)).value_or(Date{}));
  r.not_after = o.validity.not_after;
  r.previous_serial = o.previous_serial;
  return r;
}

// A reissue or change keeps the old certificate's last day, which the provider knows; anything
// else needs an end date the region published or a reviewer set (set_terms).
void require_validity(const orders::Order& o) {
  if (o.validity.not_after || (keeps_validity(o.business) && !o.previous_serial.empty())) return;
  throw orders::WorkflowRefusal("validity_not_published",
                                "the region publishes no validity period for this order: a reviewer must set its "
                                "years (terms) before a certificate can be issued");
}

// Step 1 of either operation: into the in-flight state, under the caller's version.
orders::Order start(OrderDesk& desk, store::Committer& writes, const orders::Order& o, Action action,
                           OrderState next, const orders::Actor& actor) {
  write_job(writes, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    repo.advance({o.id, o.public_id, o.version}, next, now);
    audit(db, now, actor, o.id, "order." + std::string(orders::code_of(action)),
          {{"order", o.public_id}, {"from", orders::code_of(o.state)}, {"to", orders::code_of(next)}});
    return 0;
  });
  return desk.get(o.public_id, actor.regions);
}

}  // namespace

orders::Order OrderDesk::return_from_provider(const orders::Order& o, Action back, const orders::Actor& actor,
                                              const std::string& why) {
  const OrderState next = orders::next_state(o.state, back, o.facts(), actor);
  write_job(writes_, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    repo.advance({o.id, o.public_id, o.version}, next, now);
    audit(db, now, actor, o.id, "order." + std::string(orders::code_of(back)),
          {{"order", o.public_id}, {"to", orders::code_of(next)}, {"provider", why}});
    return 0;
  });
  spdlog::warn("order {} back to {}: the {} provider did nothing ({})", o.public_id, orders::code_of(next), o.ca, why);
  return get(o.public_id, actor.regions);
}

namespace {

// Step 3 of issuing: the certificate into the registry, the order to issued, one transaction.
orders::Order record_issued(OrderDesk& desk, store::SqlStore& reads, store::Committer& writes, const orders::Order& o,
                            const orders::Actor& actor, const plugins::ProviderCertificate& c) {
  const auto replaced =
      o.previous_serial.empty()
          ? std::nullopt
          : store::read(reads, [&](store::SqlConnection& db) { return orders::find_certificate(db, o.ca, o.previous_serial); });
  // The medium's warranty counts from its first issue: a renewal writes onto the same medium, so
  // it inherits the first-issue date; every other business starts a new one.
  std::optional<Date> first_issued = c.not_before;
  if (replaced && o.business == Business::Renew)
    first_issued = Date::parse(replaced->first_issued.empty() ? replaced->not_before : replaced->first_issued);
  const OrderState done = orders::next_state(o.state, Action::MarkIssued, o.facts(), actor);
  write_job(writes, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    // The provider revoked the certificate a reissue or change replaces (superseded): so does the registry.
    if (replaced && keeps_validity(o.business)) orders::set_certificate_status(db, o.ca, replaced->serial, "revoked");
    repo.record_certificate(o.id, {c.serial, c.not_before, c.not_after, first_issued, c.certificate_pem});
    repo.advance({o.id, o.public_id, o.version}, done, now);
    const bool revokes = replaced && keeps_validity(o.business);
    audit(db, now, actor, o.id, "certificate.issued",
          {{"order", o.public_id}, {"serial", c.serial}, {"not_before", c.not_before.iso()},
           {"not_after", c.not_after.iso()}, {"to", orders::code_of(done)},
           {"revoked_serial", revokes ? nlohmann::json(replaced->serial) : nlohmann::json(nullptr)}});
    return 0;
  });
  spdlog::info("order {} issued certificate {} region={} ca={} by {}", o.public_id, c.serial, o.region, o.ca,
               actor.login);
  return desk.get(o.public_id, actor.regions);
}

// Step 3 of carrying out: the certificate's new status into the registry, the order completed.
orders::Order record_carried_out(OrderDesk& desk, store::Committer& writes, const orders::Order& o,
                                 const orders::Actor& actor, const plugins::ProviderCertificate& c) {
  const OrderState done = orders::next_state(o.state, Action::FinishCarryingOut, o.facts(), actor);
  write_job(writes, [&](orders::OrderRepository& repo, store::SqlConnection& db, const std::string& now) {
    repo.advance({o.id, o.public_id, o.version}, done, now);
    const bool registered = orders::set_certificate_status(db, o.ca, c.serial, c.status);
    audit(db, now, actor, o.id, "certificate." + std::string(code_of(o.business)),
          {{"order", o.public_id}, {"serial", c.serial}, {"status", c.status}, {"registered", registered},
           {"to", orders::code_of(done)}});
    return 0;
  });
  spdlog::info("order {} carried out {} on certificate {} region={} ca={} by {}", o.public_id, code_of(o.business),
               c.serial, o.region, o.ca, actor.login);
  return desk.get(o.public_id, actor.regions);
}

}  // namespace

IssueOutcome OrderDesk::settle_issue(const orders::Order& o, const orders::Actor& actor, const std::string& csr_pem) {
  const plugins::ProviderClient provider(services_.plugins, o.ca);
  try {
    plugins::IssueRequest request = issue_request_of(o);
    request.csr_pem = csr_pem;
    const plugins::ProviderCertificate issued = provider.issue(request);
    // The key leaves with the answer only; record_issued() writes the certificate, never the key.
    return {record_issued(*this, reads_, writes_, o, actor, issued), issued.subscriber_key_pem};
  } catch (const plugins::ProviderProblem& e) {
    spdlog::error("order {} issuing failed region={} ca={}: {} {}", o.public_id, o.region, o.ca, e.code(), e.what());
    if (e.acted_not()) {
      return_from_provider(o, Action::ReturnFromIssuing, actor, e.code());
      throw;
    }
    // Whether the provider issued is unknown: ask it by the order's id before letting the order go.
    std::optional<plugins::ProviderCertificate> issued;
    try {
      issued = provider.issued_for(o.public_id, o.business);
    } catch (const plugins::ProviderProblem&) {
      throw e;  // still unknown: the order stays issuing; a retry or reconcile() finishes it
    }
    // Issued after all, but the answer that carried any key it made is lost: the holder gets a
    // certificate without a key, and needs a reissue (docs/architecture.md, Keys at rest).
    if (issued) return {record_issued(*this, reads_, writes_, o, actor, *issued), {}};
    return_from_provider(o, Action::ReturnFromIssuing, actor, e.code());
    throw;
  }
}

IssueOutcome OrderDesk::issue(const std::string& order_id, std::int64_t version, const orders::Actor& actor,
                              const std::string& csr_pem) {
  orders::Order o = get(order_id, actor.regions);
  require_version(o, version);
  const plugins::ProviderClient provider(services_.plugins, o.ca);  // not loaded: refused before any write
  if (o.state != OrderState::Issuing) {
    const OrderState next = orders::next_state(o.state, Action::StartIssuing, o.facts(), actor);
    require_validity(o);
    o = start(*this, writes_, o, Action::StartIssuing, next, actor);
  } else {
    (void)orders::next_state(o.state, Action::MarkIssued, o.facts(), actor);  // a retry: the role still counts
  }
  return settle_issue(o, actor, csr_pem);
}

orders::Order OrderDesk::settle_carry_out(const orders::Order& o, const orders::Actor& actor) {
  const plugins::ProviderClient provider(services_.plugins, o.ca);
  const std::string wanted = plugins::status_after(o.business);
  try {
    // A retry after a lost commit finds the certificate already changed: the provider's status
    // says so, and asking it to freeze a frozen certificate again would be refused.
    plugins::ProviderCertificate c = provider.status(o.previous_serial);
    if (c.status != wanted) c = provider.change_status({o.business, o.previous_serial, o.public_id, o.revocation_reason});
    return record_carried_out(*this, writes_, o, actor, c);
  } catch (const plugins::ProviderProblem& e) {
    spdlog::error("order {} {} failed region={} ca={}: {} {}", o.public_id, code_of(o.business), o.region, o.ca,
                  e.code(), e.what());
    if (e.acted_not()) return_from_provider(o, Action::ReturnFromCarryingOut, actor, e.code());
    throw;  // otherwise unknown: the order stays carrying_out; a retry or reconcile() finishes it
  }
}

orders::Order OrderDesk::carry_out(const std::string& order_id, std::int64_t version, const orders::Actor& actor) {
  orders::Order o = get(order_id, actor.regions);
  require_version(o, version);
  const plugins::ProviderClient provider(services_.plugins, o.ca);
  if (o.state != OrderState::CarryingOut) {
    const OrderState next = orders::next_state(o.state, Action::StartCarryingOut, o.facts(), actor);
    o = start(*this, writes_, o, Action::StartCarryingOut, next, actor);
  } else {
    (void)orders::next_state(o.state, Action::FinishCarryingOut, o.facts(), actor);
  }
  return settle_carry_out(o, actor);
}

namespace {

// What the provider did for one order left in flight, without asking it to do anything new.
Reconciled reconcile_one(OrderDesk& desk, const plugins::PluginRegistry& plugins, store::SqlStore& reads,
                         store::Committer& writes, const orders::Order& o, const orders::Actor& system) {
  const plugins::ProviderClient provider(plugins, o.ca);
  if (o.state == OrderState::Issuing) {
    if (const auto issued = provider.issued_for(o.public_id, o.business)) {
      record_issued(desk, reads, writes, o, system, *issued);
      return {o.public_id, "issued", issued->serial};
    }
    return {o.public_id, "returned", "the provider issued nothing for it"};
  }
  const plugins::ProviderCertificate c = provider.status(o.previous_serial);
  if (c.status == plugins::status_after(o.business)) {
    record_carried_out(desk, writes, o, system, c);
    return {o.public_id, "completed", c.serial + " is " + c.status};
  }
  return {o.public_id, "returned", c.serial + " is still " + c.status};
}

}  // namespace

std::vector<Reconciled> OrderDesk::reconcile(const orders::Actor& system, const std::string& untouched_since) {
  std::vector<Reconciled> out;
  const auto in_flight = store::read(
      reads_, [&](store::SqlConnection& db) { return orders::OrderRepository(db).in_flight(untouched_since); });
  for (const std::string& id : in_flight) {
    try {
      const orders::Order o = get(id, system.regions);
      Reconciled r = reconcile_one(*this, services_.plugins, reads_, writes_, o, system);
      if (r.outcome == "returned")
        return_from_provider(o, o.state == OrderState::Issuing ? Action::ReturnFromIssuing : Action::ReturnFromCarryingOut,
                             system, r.detail);
      out.push_back(std::move(r));
    } catch (const CodedError& e) {
      out.push_back({id, "unresolved", e.code() + ": " + e.what()});
    } catch (const std::exception& e) {
      out.push_back({id, "unresolved", e.what()});  // the log only: reconcile answers no client
    }
    spdlog::warn("reconciled order {}: {} ({})", out.back().order_id, out.back().outcome, out.back().detail);
  }
  return out;
}

}  // namespace cahub::desk
