#pragma once
// An order as the store holds it: typed columns for everything the workflow, the provider and the
// queue read (state, version, total, validity, the certificate concerned, who applies), the
// materials, payments and terms it collected, and the frozen quote as the record of what the
// rules said at acceptance. Read by OrderRepository; shown by orders/order_json.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/order_limit.hpp"
#include "domain/vocabulary.hpp"
#include "orders/order_request.hpp"
#include "orders/order_workflow.hpp"

namespace cahub::orders {

// Who the order is for: the customer record (a unit by its USCC, a person by the ID number) and,
// for an org_person certificate, the person who holds it.
struct OrderApplicant {
  ApplicantKind kind = ApplicantKind::Org;
  std::string name;
  std::string identity;  // the USCC of a unit, the ID number of a person
  std::string holder_name, holder_id_number;  // org_person only
};

struct MaterialStatus {
  std::string code, name;
  std::string received_at, received_by;  // empty until received
  std::string file_name;
  std::optional<std::int64_t> file_bytes;
  std::string file_sha256;  // set when the file itself was uploaded
};

struct PaymentRecord {
  PaymentMethod method = PaymentMethod::Cash;
  Fen amount = 0;
  std::string voucher, adjustment_reason, recorded_by, recorded_at;
};

// What staff filled in where the sources publish nothing, with who and why.
struct TermsRecord {
  std::optional<Fen> total;
  std::optional<int> years;
  std::string reason, set_by, set_at;
};

// The validity the certificate is issued with: the quote's, or what a reviewer set.
struct OrderValidity {
  std::optional<Date> not_before, not_after;  // not_after empty: not published (yet)
  std::string basis;                          // the rule's basis, or "set_by_staff"
  std::string set_by;
};

// The certificate an order issued, as the registry holds it.
struct IssuedCertificate {
  std::string serial, not_before, not_after, status, certificate_pem;
};

struct Order {
  std::int64_t id = 0;
  std::string public_id;
  OrderState state = OrderState::Submitted;
  std::int64_t version = 1;
  Business business = Business::New;
  std::string region, ca;
  Channel channel = Channel::Onsite;
  KeyType key = KeyType::Master;
  OrderApplicant applicant;
  std::string previous_serial;
  std::optional<RevocationReason> revocation_reason;
  std::string accepted_by, approved_by, due_on, created_at, updated_at;
  bool priced = true;
  Fen total = 0;
  OrderValidity validity;
  bool materials_complete = false;
  // Filled by OrderRepository::get, not by list (the queue shows none of them):
  std::vector<MaterialStatus> materials;
  std::vector<PaymentRecord> payments;
  std::vector<TermsRecord> terms;
  std::optional<IssuedCertificate> certificate;
  nlohmann::json request, quote;  // as received, and as the rules answered at acceptance

  OrderFacts facts() const;
};

// What the store needs to accept an order: the typed request and what the pipeline answered.
struct NewOrder {
  std::string idempotency_key;  // a retry with the same key and body returns the first order
  const OrderRequest* request = nullptr;
  // The pipeline's answer, frozen at acceptance, and the request as received, as they are stored
  // (compact JSON). Text, serialised by whoever builds the NewOrder: the writer job only binds it.
  std::string quote_json, request_json;
  std::optional<int> years;
  bool priced = true;
  Fen total = 0;
  std::optional<Date> validity_not_before, validity_not_after;
  std::string validity_basis;
  std::vector<std::pair<std::string, std::string>> materials;  // code, name
  std::optional<Date> due_on;  // acceptance + the region's review{} time for this CA (working days)
  // The rule release the quote was computed under (rules.source = "store"); none: from files.
  std::optional<std::int64_t> rules_release;
  // The region's limits across orders that apply (limit{}), counted inside the creating
  // transaction (orders/order_limits.hpp).
  std::vector<OrderLimit> limits;
};

// A file uploaded for a material: its name as the applicant gave it, the media type its content
// was recognised as, and the bytes.
struct UploadedFile {
  std::string file_name, media_type, content;
};
struct MaterialFile {
  std::string file_name, media_type, sha256, content;
};

// An order and the version a write left it at: what a writer job returns.
struct OrderRef {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t version = 0;
};

class OrderConflict : public CodedError {
 public:
  OrderConflict(std::string code, const std::string& message)
      : CodedError(ErrorKind::Conflict, std::move(code), message) {}
};

// An unknown order, material or file (404).
class OrderNotFound : public CodedError {
 public:
  explicit OrderNotFound(const std::string& message) : CodedError(ErrorKind::NotFound, "not_found", message) {}
};

}  // namespace cahub::orders
