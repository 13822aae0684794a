#pragma once
// The service desk: what a clerk or reviewer does with an order, as one set of calls that the HTTP
// API and the `cahub order` commands share, so both take the same path (validate the applicant,
// quote through the common pipeline, freeze it, apply the workflow, ask the provider).
//
// Reads go to the caller's connection; every write goes through a store::Committer, which in
// `cahub serve` lets concurrent requests share one durable commit.
//
// Errors are answers with stable codes: pipeline::BadRequest (400), orders::OrderNotFound (404),
// orders::OrderConflict (409), orders::WorkflowRefusal (403/422), NotEligible (422) and
// ProviderProblem (502/503).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/coded_error.hpp"
#include "domain/date.hpp"
#include "orders/certificate_registry.hpp"
#include "orders/order_store.hpp"
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

// The rules refuse the order: an answer, carrying the quote that says why.
class NotEligible : public CodedError {
 public:
  explicit NotEligible(nlohmann::json quote)
      : CodedError("not_eligible", "the request is not eligible"), quote_(std::move(quote)) {}
  const nlohmann::json& quote() const { return quote_; }

 private:
  nlohmann::json quote_;
};

// The order's provider is not loaded ("provider_unavailable"), failed ("provider_failed") or does
// not know the certificate concerned ("certificate_not_found"); nothing was recorded, so the same
// call can be retried.
class ProviderProblem : public CodedError {
 public:
  using CodedError::CodedError;
};

class OrderDesk {
 public:
  OrderDesk(const DeskServices& services, store::Database& reads, store::Committer& writes)
      : services_(services), reads_(reads), writes_(writes) {}

  // Accepts an order request: the body of a quote request plus `applicant_details` (name and USCC
  // or ID number, checked by their check characters) and, for every business but new and add,
  // `previous_serial`, the certificate concerned. `today` is the acceptance date.
  orders::CreateResult create(const nlohmann::json& body, const std::string& idempotency_key,
                              const orders::Actor& clerk, Date today);

  orders::OrderRecord get(const std::string& order_id);
  // The order's audit events in seq order (OrderNotFound for an unknown order).
  std::vector<store::RecordedAuditEvent> events(const std::string& order_id);

  // The certificate registry, as orders::registered_certificates.
  std::vector<orders::RegisteredCertificate> certificates(const orders::CertificateFilter& filter, int limit);
  // Whether a renewal order for `certificate` would be accepted on `today` under the live region
  // rules: the renewal quote create() would run, with the registry's dates and the holder's kind.
  // {"eligible", "reasons", "reason_details"} as in the quote; a region or CA that is not loaded
  // (or a failing script) is a reason too, so one certificate never fails a whole list.
  nlohmann::json renewal_outlook(const orders::RegisteredCertificate& certificate, Date today) const;
  std::vector<orders::OrderRecord> list(const orders::OrderStore::Filter& filter, int limit = 200);

  orders::OrderRecord act(const std::string& order_id, orders::Action action, std::int64_t version,
                          const orders::Actor& actor, const std::string& note = {});
  orders::OrderRecord receive_material(const std::string& order_id, const std::string& code, const orders::Actor& actor,
                                       const std::string& file_name = {}, std::optional<std::int64_t> file_bytes = {});
  // A material with the file itself (a scan, a signed form): its content must be what its name
  // says (JPEG, PNG, BMP or PDF, recognised by its first bytes) and within the provider's limits.
  orders::OrderRecord upload_material(const std::string& order_id, const std::string& code, const orders::Actor& actor,
                                      const std::string& file_name, std::string content);
  orders::MaterialFile material_file(const std::string& order_id, const std::string& code);
  orders::OrderRecord record_payment(const std::string& order_id, std::int64_t version,
                                     const orders::PaymentRecord& payment, const orders::Actor& actor);
  // Issues the certificate through the order's provider.
  orders::OrderRecord issue(const std::string& order_id, std::int64_t version, const orders::Actor& actor);

  // Freeze, unfreeze or revoke the certificate concerned through the provider; completes the order.
  orders::OrderRecord carry_out(const std::string& order_id, std::int64_t version, const orders::Actor& actor);
  // Fills in what the sources do not publish (a reviewer or admin, with the reason).
  orders::OrderRecord set_terms(const std::string& order_id, std::int64_t version, const orders::OrderTerms& terms,
                                const orders::Actor& actor);

  store::AuditVerdict verify_audit();

 private:
  orders::OperateCall provider_for(const std::string& ca) const;
  // An uploaded file's type (by its extension) and size against the limits of the provider's own
  // online system (the plugin's typed extension cahub.upload_limits/1): NMGCA takes jpeg/jpg/png/bmp
  // up to 1 MB, SZCA jpg/pdf up to 2 MB.
  void check_upload(const std::string& ca, const std::string& file_name, std::optional<std::int64_t> file_bytes) const;

  const DeskServices& services_;
  store::Database& reads_;
  store::Committer& writes_;
};

}  // namespace cahub::desk
