#pragma once
// Orders in the store: created once per idempotency key, moved by the workflow table with an
// optimistic version check, each change and its audit event in one write transaction.
//
// Conflicts are answers, not failures: OrderConflict carries a stable code ("version_conflict",
// "idempotency_conflict", or a region's limit such as "one_open_order") and names what blocks, so
// the API can answer 409.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/order_limit.hpp"
#include "domain/vocabulary.hpp"
#include "orders/order_workflow.hpp"
#include "store/database.hpp"

namespace cahub::orders {

// Who the order is for: a unit (USCC) or a person (resident ID number), as validated upstream.
struct OrderApplicant {
  std::string kind;  // "org" or "person" (an org_person certificate's customer is the unit)
  std::string name;
  std::string uscc;       // org
  std::string id_number;  // person
  std::string identity() const { return kind == "org" ? uscc : id_number; }
};

struct MaterialRequirement {
  std::string code;
  std::string name;
};

struct NewOrder {
  std::string idempotency_key;  // required: a retry with the same key and body returns the first order
  std::string request_hash;     // SHA-256 (hex) of the canonical request body
  nlohmann::json request;       // the order request as received (stored for the record)
  Business business = Business::New;
  std::string region, ca;
  Channel channel = Channel::Onsite;
  std::optional<int> years;
  KeyType key = KeyType::Master;
  OrderApplicant applicant;
  nlohmann::json quote;  // the pipeline's answer, frozen at acceptance
  bool priced = true;
  Fen total = 0;
  std::vector<MaterialRequirement> materials;
  std::optional<Date> due_on;  // SLA: acceptance + the region's review{} time for this CA (working days)
  // The region's limits across orders that apply (limit{}), counted inside the creating
  // transaction (orders/order_limits.hpp).
  std::vector<OrderLimit> limits;
};

struct MaterialStatus {
  std::string code, name;
  std::string received_at, received_by;  // empty until received
  std::string file_name;
  std::optional<std::int64_t> file_bytes;
  std::string file_sha256;  // set when the file itself was uploaded
};

struct PaymentRecord {
  std::string method;
  Fen amount = 0;
  std::string voucher, adjustment_reason, recorded_by, recorded_at;
};

// A file uploaded for a material: its name as the applicant gave it, the media type its content
// was recognised as, and the bytes.
struct UploadedFile {
  std::string file_name, media_type, content;
};
struct MaterialFile {
  std::string file_name, media_type, sha256, content;
};

// The certificate an order issued, as the registry holds it.
struct IssuedCertificate {
  std::string serial, not_before, not_after, status, certificate_pem;
};

// What staff fill in where the sources publish nothing: the price of an unpriced order, the
// validity years of a region that publishes none. Always with the reason (whose price list, which
// call), which goes into the audit event.
struct OrderTerms {
  std::optional<Fen> total;
  std::optional<int> years;
  std::string reason;
  Date today;  // validity set by years starts here
};

// The provider's operation (plugin.h `operate`), injected so this library needs no plugin code:
// a JSON request in, the JSON answer out; throws when the provider fails.
using OperateCall = std::function<nlohmann::json(const nlohmann::json& request)>;

struct OrderRecord {
  std::int64_t id = 0;
  std::string public_id;
  OrderState state = OrderState::Submitted;
  std::int64_t version = 1;
  Business business = Business::New;
  std::string region, ca, channel, accepted_by, due_on, created_at, updated_at;
  OrderApplicant applicant;
  nlohmann::json request, quote;
  bool priced = true;
  Fen total = 0;
  std::vector<MaterialStatus> materials;
  std::vector<PaymentRecord> payments;
  std::optional<IssuedCertificate> certificate;
  // What staff set where the rules published nothing (OrderTerms), oldest first; the latest
  // total and the latest validity apply.
  nlohmann::json terms = nlohmann::json::array();
  // The validity the certificate is issued with: staff-set terms, else the frozen quote's.
  nlohmann::json validity;

  bool materials_complete() const;
  OrderFacts facts() const;
  nlohmann::json to_json() const;
};

class OrderConflict : public CodedError {
 public:
  using CodedError::CodedError;
};

// An unknown order or material: the API answers 404.
class OrderNotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CreateResult {
  OrderRecord order;
  bool created = false;  // false: a retry that returned the first order
};

class OrderStore {
 public:
  explicit OrderStore(store::Database& db) : db_(db) {}

  // Accepts an order (state submitted, accepted_by = the clerk), its materials checklist and the
  // audit event, in one transaction. One open order per applicant identity number per CA.
  CreateResult create(const NewOrder& order, const Actor& clerk);

  OrderRecord get(const std::string& public_id);

  struct Filter {
    std::optional<OrderState> state;
    std::string region, ca, applicant;  // empty: any; applicant matches the USCC/ID number or the name
  };
  // Sorted by SLA due date, then age (what a clerk works through first).
  std::vector<OrderRecord> list(const Filter& filter, int limit = 200);

  // Applies `action` if the order is still at `expected_version` (otherwise "version_conflict":
  // someone else acted first). `note` (a rejection's reason) goes into the audit event.
  OrderRecord apply(const std::string& public_id, Action action, std::int64_t expected_version, const Actor& actor,
                    const std::string& note = {});

  // Ticks a required material off as received, with the uploaded file's name and size if any.
  OrderRecord receive_material(const std::string& public_id, const std::string& code, const Actor& actor,
                               const std::string& file_name = {}, std::optional<std::int64_t> file_bytes = {});
  // Ticks a material off with the file itself, stored in the same transaction (checked upstream
  // against the provider's limits); the audit event carries the file's SHA-256.
  OrderRecord upload_material(const std::string& public_id, const std::string& code, const Actor& actor,
                              const UploadedFile& file);
  // The latest file uploaded for a material; OrderNotFound if none.
  MaterialFile material_file(const std::string& public_id, const std::string& code);

  // Records a payment and moves the order to paid. The amount must equal the frozen quote unless a
  // reviewer (or admin) gives an adjustment reason. Raises WorkflowRefusal for the workflow's refusals
  // and OrderConflict("amount_mismatch") for a wrong amount.
  OrderRecord record_payment(const std::string& public_id, std::int64_t expected_version, const PaymentRecord& payment,
                             const Actor& actor);

  // Issues the order's certificate through the provider and records it: the order goes from paid
  // (or approved, when free) to issued, the certificate into the registry, in one transaction
  // after the provider answered. The provider is asked before any write, and by order id, so a
  // failure changes nothing and a retry after a lost commit gets the same certificate back.
  OrderRecord issue_certificate(const std::string& public_id, std::int64_t expected_version, const Actor& actor,
                                const OperateCall& operate);
  // Fills in an unpriced total and/or unpublished validity years, before payment, as a reviewer or
  // admin with a reason. Refuses to overwrite what the rules did publish: a published price is
  // adjusted at payment, with its reason, instead.
  OrderRecord set_terms(const std::string& public_id, std::int64_t expected_version, const OrderTerms& terms,
                        const Actor& actor);

  // Freeze, unfreeze and revoke act on the certificate concerned through the provider; like
  // issuing, in two halves. operation_request checks the order may be carried out now and gives
  // the provider's request; record_operation completes the order and records the certificate's
  // new status in the registry, in one transaction.
  nlohmann::json operation_request(const std::string& public_id, std::int64_t expected_version, const Actor& actor);
  OrderRecord record_operation(const std::string& public_id, std::int64_t expected_version, const Actor& actor,
                               const nlohmann::json& answer);

  // The two halves of issue_certificate, for a caller that must not hold the write path while the
  // provider works (group commit): the provider's `issue` request for the order as it stands
  // (checked: version, state, role, published validity), and recording what the provider issued.
  nlohmann::json issue_request(const std::string& public_id, std::int64_t expected_version, const Actor& actor);
  OrderRecord record_certificate(const std::string& public_id, std::int64_t expected_version, const Actor& actor,
                                 const nlohmann::json& issued);

 private:
  OrderRecord load(std::int64_t id);
  OrderRecord tick_material(const std::string& public_id, const std::string& code, const Actor& actor,
                            const std::string& file_name, std::optional<std::int64_t> file_bytes,
                            const UploadedFile* file);
  std::int64_t id_of(const std::string& public_id);
  store::Database& db_;
};

}  // namespace cahub::orders
