#pragma once
// The service desk: what a clerk or reviewer does with an order, as one set of calls that the HTTP
// API and the `cahub order` commands share, so both take the same path: the request arrives typed
// (edge/), the order is read on the caller's connection, the workflow table decides
// (orders/order_workflow.hpp), a writer job writes the decision under the order's version and
// returns the new version, and the order is read again to answer.
//
// Writer jobs go through a store::Committer (in `cahub serve` concurrent requests share one
// durable commit). They only write: every read, every decision and every provider call happens
// outside them, so the batch they share never waits on a provider or a JSON parse.
//
// Regions (issue 16) are enforced here, once for the API and the CLI: every read and every act
// takes the caller's orders::RegionScope (an Actor carries one). An order of a region the caller
// does not cover is OrderNotFound, the same answer as an order that does not exist, so that its
// existence is not revealed; lists and counts hold only covered regions (in SQL); a new order for
// a region the caller does not cover is orders::RegionNotYours (403).
//
// Errors are CodedErrors (domain/coded_error.hpp): BadRequest, OrderNotFound, OrderConflict,
// WorkflowRefusal, NotEligible, RegionNotYours, plugins::ProviderProblem.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/coded_error.hpp"
#include "domain/date.hpp"
#include "edge/desk_requests.hpp"
#include "orders/certificate_registry.hpp"
#include "orders/order.hpp"
#include "orders/order_repository.hpp"
#include "orders/order_request.hpp"
#include "orders/working_days.hpp"
#include "store/audit_log.hpp"
#include "store/committer.hpp"

namespace cahub::pipeline { class QuotePipeline; }
namespace cahub::plugins { class PluginRegistry; }

namespace cahub::desk {

struct DeskServices {
  const pipeline::QuotePipeline& quotes;
  const plugins::PluginRegistry& plugins;
  const orders::WorkingCalendar& calendar;
};

// The rules refuse the order: an answer (422), carrying the quote that says why.
class NotEligible : public CodedError {
 public:
  explicit NotEligible(nlohmann::json quote)
      : CodedError(ErrorKind::Refused, "not_eligible", "the request is not eligible"), quote_(std::move(quote)) {}
  const nlohmann::json& quote() const { return quote_; }
  void describe(nlohmann::json& answer) const override { answer["quote"] = quote_; }

 private:
  nlohmann::json quote_;
};

struct CreateResult {
  orders::Order order;
  bool created = false;  // false: a retry that returned the first order
};

// What issue() hands back: the order, and the holder's private key when the provider made the
// key pair (PKCS#8 PEM; empty when the holder's medium made it, or on a retry).
struct IssueOutcome {
  orders::Order order;
  std::string subscriber_key_pem;
};

// What reconcile() found for each order left waiting for its provider.
struct Reconciled {
  std::string order_id;
  std::string outcome;  // "issued", "completed", "returned" (the provider did nothing), "unresolved"
  std::string detail;
};

class OrderDesk {
 public:
  // Reads run on `reads`, one snapshot each (SqlStore::read); writes go through `writes`.
  OrderDesk(const DeskServices& services, store::SqlStore& reads, store::Committer& writes)
      : services_(services), reads_(reads), writes_(writes) {}

  // Accepts an order: quotes it through the common pipeline with the registry's facts about the
  // certificate concerned, freezes the quote, counts the region's limits and records it, once per
  // idempotency key. `today` is the acceptance date. RegionNotYours unless the clerk covers the
  // request's region (asked before anything else, an earlier order of the same key included).
  CreateResult create(const orders::OrderRequest& request, const std::string& idempotency_key,
                      const orders::Actor& clerk, Date today);

  // The order, if `regions` covers its region; OrderNotFound "no order ID" otherwise, as for an
  // id that names no order.
  orders::Order get(const std::string& order_id, const orders::RegionScope& regions);
  // The order's audit events in seq order (OrderNotFound as get()).
  std::vector<store::RecordedAuditEvent> events(const std::string& order_id, const orders::RegionScope& regions);
  // The queue of the regions `regions` covers (and the filter's region, if it names one).
  orders::OrderPage list(orders::OrderFilter filter, const std::optional<orders::OrderCursor>& after, int limit,
                         const orders::RegionScope& regions);

  // The certificate registry, as orders::registered_certificates, of the regions `regions` covers.
  std::vector<orders::RegisteredCertificate> certificates(orders::CertificateFilter filter, int limit,
                                                          const orders::RegionScope& regions);
  // Whether a renewal order for `certificate` would be accepted on `today` under the live region
  // rules. {"eligible", "reasons", "reason_details"} as in the quote; a region or CA that is not
  // loaded (or a failing script) is a reason too, so one certificate never fails a whole list.
  nlohmann::json renewal_outlook(const orders::RegisteredCertificate& certificate, Date today) const;

  // A staff action of the workflow table (not a provider step: those are issue and carry_out).
  orders::Order act(const std::string& order_id, orders::Action action, const edge::ActionRequest& request,
                    const orders::Actor& actor);
  orders::Order receive_material(const std::string& order_id, const std::string& code, const orders::Actor& actor,
                                 const edge::MaterialReceipt& receipt = {});
  // A material with the file itself (a scan, a signed form): its content must be what its name
  // says (JPEG, PNG, BMP or PDF, recognised by its first bytes) and within the provider's limits.
  orders::Order upload_material(const std::string& order_id, const std::string& code, const orders::Actor& actor,
                                const std::string& file_name, std::string content);
  orders::MaterialFile material_file(const std::string& order_id, const std::string& code,
                                     const orders::RegionScope& regions);
  orders::Order record_payment(const std::string& order_id, const edge::PaymentRequest& payment,
                               const orders::Actor& actor);
  // Fills in what the sources do not publish (a reviewer or admin, with the reason); validity
  // years count from `today`.
  orders::Order set_terms(const std::string& order_id, const edge::TermsRequest& terms, const orders::Actor& actor,
                          Date today);

  // Issues the certificate through the order's provider: the order moves to issuing under its
  // version (cancel can no longer leave it), the provider is asked by order id, and the answer is
  // recorded (issued). A retry of an order left issuing asks again and gets the same certificate.
  // `csr_pem` is the holder's certificate request from the medium (UKey) holding the key pair;
  // without one the provider makes the pair, and its private key comes back in the outcome, once:
  // the host records it nowhere (registry, audit, log), and a retry gets the certificate without it.
  IssueOutcome issue(const std::string& order_id, std::int64_t version, const orders::Actor& actor,
                     const std::string& csr_pem = {});
  // Freeze, unfreeze or revoke the certificate concerned, in the same three steps (carrying_out).
  orders::Order carry_out(const std::string& order_id, std::int64_t version, const orders::Actor& actor);
  // Finishes every order left waiting for its provider (a crash between asking and recording):
  // each provider says what it did, by order id or by serial, and the order follows. With
  // `untouched_since` (a China time), only orders that have not changed since: on a store other
  // hosts share, an order that changed a moment ago may be one another host is asking about now.
  std::vector<Reconciled> reconcile(const orders::Actor& system, const std::string& untouched_since = {});

  store::AuditVerdict verify_audit();

 private:
  IssueOutcome settle_issue(const orders::Order& order, const orders::Actor& actor, const std::string& csr_pem);
  orders::Order settle_carry_out(const orders::Order& order, const orders::Actor& actor);
  orders::Order return_from_provider(const orders::Order& order, orders::Action back, const orders::Actor& actor,
                                     const std::string& why);
  void check_upload(const std::string& ca, const std::string& file_name, std::optional<std::int64_t> file_bytes) const;

  const DeskServices& services_;
  store::SqlStore& reads_;
  store::Committer& writes_;
};

}  // namespace cahub::desk
