#pragma once
// The rows the audit events say the tables hold: every event replayed, in seq order, into the
// expected orders, payments, staff accounts and certificates, column by column.
//
// A column is expected only where an event says what it is. Events written before the payloads
// carried a column (e.g. a payment's voucher, the certificate a reissue replaced) leave it
// unknown, and it is not compared: the chains of older databases still verify, checked on what
// their events do say.
//
// Rows are named by what staff know them by:
//   orders        public id              ORD-2026-000042
//   payments      the order's nth one    ORD-2026-000042 payment 1
//   staff         login                  wang.fang
//   certificates  CA and serial          bjca 5A0D01 (serial upper-case)
//   rule_releases region and number      neimenggu release 2

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/audit_log.hpp"

namespace cahub::audit {

// Column → value (JSON: text, integer or null).
using ExpectedColumns = std::map<std::string, nlohmann::json>;
// Key → row.
using ExpectedTable = std::map<std::string, ExpectedColumns>;

// What an order's events established, beyond its own columns: what its certificate events need.
struct OrderFacts {
  std::string ca, region, business, applicant;
  nlohmann::json key_type;  // null when the event did not say
};

class ReplayModel {
 public:
  // Applies one event. Events of kinds the model does not know (material ticks) change no row.
  void apply(const store::RecordedAuditEvent& e);

  const ExpectedTable& table(const std::string& name) const;
  // Events that speak of a row no earlier event created: each a sentence.
  const std::vector<std::string>& orphans() const { return orphans_; }

  static std::string payment_key(const std::string& order, std::size_t nth);
  static std::string certificate_key(const std::string& ca, const std::string& serial);
  static std::string release_key(const std::string& region, std::int64_t number);

 private:
  void order_submitted(const store::RecordedAuditEvent& e);
  void order_moved(const store::RecordedAuditEvent& e, ExpectedColumns& order);
  void payment_recorded(const store::RecordedAuditEvent& e, ExpectedColumns& order);
  void terms_set(const store::RecordedAuditEvent& e, ExpectedColumns& order);
  void certificate_issued(const store::RecordedAuditEvent& e, ExpectedColumns& order);
  void certificate_carried_out(const store::RecordedAuditEvent& e, ExpectedColumns& order);
  void certificate_imported(const store::RecordedAuditEvent& e);
  void staff_event(const store::RecordedAuditEvent& e);
  void release_event(const store::RecordedAuditEvent& e);
  ExpectedColumns* order_of(const store::RecordedAuditEvent& e);

  std::map<std::string, ExpectedTable> tables_{
      {"orders", {}}, {"payments", {}}, {"staff", {}}, {"certificates", {}}, {"rule_releases", {}}};
  std::map<std::string, OrderFacts> facts_;             // by order public id
  std::map<std::string, std::size_t> payments_of_;      // by order public id
  std::vector<std::string> orphans_;
};

}  // namespace cahub::audit
