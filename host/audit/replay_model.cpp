#include "audit/replay_model.hpp"

#include <algorithm>
#include <cctype>

namespace cahub::audit {
namespace {

using nlohmann::json;

// The payload's value for `key`, when it has one: an absent key leaves the column unknown.
void take(ExpectedColumns& row, const std::string& column, const json& payload, const std::string& key) {
  if (payload.is_object() && payload.contains(key)) row[column] = payload.at(key);
}

std::string text_of(const json& payload, const std::string& key) {
  if (!payload.is_object() || !payload.contains(key) || !payload.at(key).is_string()) return {};
  return payload.at(key).get<std::string>();
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// A reissue or change revokes the certificate it replaces (desk/provider_steps.cpp, record_issued).
bool replaces_certificate(const std::string& business) {
  return business == "reissue_lost" || business == "reissue_damaged" || business == "change";
}

}  // namespace

std::string ReplayModel::payment_key(const std::string& order, std::size_t nth) {
  return order + " payment " + std::to_string(nth);
}

std::string ReplayModel::certificate_key(const std::string& ca, const std::string& serial) {
  return ca + " " + upper(serial);
}

const ExpectedTable& ReplayModel::table(const std::string& name) const { return tables_.at(name); }

void ReplayModel::apply(const store::RecordedAuditEvent& e) {
  const std::string& kind = e.event.kind;
  if (kind == "order.submitted") return order_submitted(e);
  if (starts_with(kind, "staff.")) return staff_event(e);
  if (kind == "certificate.imported") return certificate_imported(e);
  if (starts_with(kind, "rules.")) return release_event(e);
  if (starts_with(kind, "material.")) return;  // materials are not replayed (order_materials)
  ExpectedColumns* order = order_of(e);
  if (!order) return;
  if (kind == "payment.recorded") return payment_recorded(e, *order);
  if (kind == "order.terms_set") return terms_set(e, *order);
  if (kind == "certificate.issued") return certificate_issued(e, *order);
  if (starts_with(kind, "certificate.")) return certificate_carried_out(e, *order);
  if (starts_with(kind, "order.")) return order_moved(e, *order);
}

ExpectedColumns* ReplayModel::order_of(const store::RecordedAuditEvent& e) {
  const std::string id = text_of(e.event.payload, "order");
  auto found = tables_["orders"].find(id);
  if (found != tables_["orders"].end()) return &found->second;
  orphans_.push_back("event " + std::to_string(e.seq) + " (" + e.event.kind + ") speaks of order " +
                     (id.empty() ? "(none)" : id) + ", which no order.submitted event created");
  return nullptr;
}

void ReplayModel::order_submitted(const store::RecordedAuditEvent& e) {
  const json& p = e.event.payload;
  const std::string id = text_of(p, "order");
  ExpectedColumns& row = tables_["orders"][id];
  row["state"] = p.value("state", "submitted");  // what insert() writes; newer events say so
  row["approved_by"] = nullptr;
  take(row, "business", p, "business");
  take(row, "region", p, "region");
  take(row, "ca", p, "ca");
  take(row, "applicant_identity", p, "applicant");
  take(row, "total_fen", p, "total_fen");
  take(row, "key_type", p, "key_type");
  take(row, "previous_serial", p, "previous_serial");
  take(row, "validity_not_after", p, "validity_not_after");
  facts_[id] = {text_of(p, "ca"), text_of(p, "region"), text_of(p, "business"), text_of(p, "applicant"),
                p.is_object() && p.contains("key_type") ? p.at("key_type") : json(nullptr)};
}

void ReplayModel::order_moved(const store::RecordedAuditEvent& e, ExpectedColumns& order) {
  take(order, "state", e.event.payload, "to");
  if (e.event.kind == "order.approve") order["approved_by"] = e.event.actor;
}

void ReplayModel::payment_recorded(const store::RecordedAuditEvent& e, ExpectedColumns& order) {
  const json& p = e.event.payload;
  const std::string id = text_of(p, "order");
  ExpectedColumns& row = tables_["payments"][payment_key(id, ++payments_of_[id])];
  take(row, "method", p, "method");
  take(row, "amount_fen", p, "amount_fen");
  row["adjustment_reason"] = p.value("adjustment_reason", json(nullptr));
  take(row, "voucher", p, "voucher");
  row["recorded_by"] = e.event.actor;
  row["recorded_at"] = e.event.at;
  order["state"] = p.value("to", "paid");  // a payment moves awaiting_payment to paid (order_workflow)
}

void ReplayModel::terms_set(const store::RecordedAuditEvent& e, ExpectedColumns& order) {
  const json& p = e.event.payload;
  take(order, "total_fen", p, "total_fen");
  take(order, "validity_not_after", p, "not_after");
  if (p.contains("to")) {
    order["state"] = p.at("to");
  } else if (p.value("total_fen", json()) == json(0) && order["state"] == "awaiting_payment") {
    order["state"] = "approved";  // nothing left to pay (desk/order_desk.cpp, set_terms)
  }
}

void ReplayModel::certificate_issued(const store::RecordedAuditEvent& e, ExpectedColumns& order) {
  const json& p = e.event.payload;
  const std::string id = text_of(p, "order");
  const OrderFacts& facts = facts_[id];
  order["state"] = p.value("to", "issued");
  const std::string key = certificate_key(facts.ca, text_of(p, "serial"));
  auto& certificates = tables_["certificates"];
  if (p.contains("revoked_serial")) {
    if (p.at("revoked_serial").is_string()) {
      auto replaced = certificates.find(certificate_key(facts.ca, p.at("revoked_serial").get<std::string>()));
      if (replaced != certificates.end()) replaced->second["status"] = "revoked";
    }
  } else if (replaces_certificate(facts.business)) {
    // An older event does not say which certificate it replaced: the holder's others at this CA
    // may have been revoked, so their status is no longer known.
    for (auto& [other, row] : certificates) {
      const auto holder = row.find("holder");
      if (starts_with(other, facts.ca + " ") && holder != row.end() && holder->second == facts.applicant)
        row.erase("status");
    }
  }
  ExpectedColumns& row = certificates[key];
  row = {{"region", facts.region}, {"status", "active"}, {"holder", facts.applicant}};
  take(row, "not_before", p, "not_before");
  take(row, "not_after", p, "not_after");
  if (!facts.key_type.is_null()) row["key_type"] = facts.key_type;
}

void ReplayModel::certificate_carried_out(const store::RecordedAuditEvent& e, ExpectedColumns& order) {
  const json& p = e.event.payload;
  order["state"] = p.value("to", "completed");  // carry-out ends the order (order_workflow)
  if (!p.value("registered", false)) return;
  auto& certificates = tables_["certificates"];
  auto found = certificates.find(certificate_key(facts_[text_of(p, "order")].ca, text_of(p, "serial")));
  if (found != certificates.end()) take(found->second, "status", p, "status");
}

void ReplayModel::certificate_imported(const store::RecordedAuditEvent& e) {
  const json& p = e.event.payload;
  ExpectedColumns& row = tables_["certificates"][certificate_key(text_of(p, "ca"), text_of(p, "serial"))];
  take(row, "region", p, "region");
  take(row, "holder", p, "holder");
  take(row, "not_before", p, "not_before");
  take(row, "not_after", p, "not_after");
  take(row, "status", p, "status");
  take(row, "key_type", p, "key_type");
}

std::string ReplayModel::release_key(const std::string& region, std::int64_t number) {
  return region + " release " + std::to_string(number);
}

// The rule-release events' contract (releases/release_desk.hpp, audit_release): {region, release,
// to (the state after), script_sha256, effective_from?}; the actor is who did it. The text's hash
// is expected twice: as stored beside the text, and as the text itself hashes now, so that an edit
// of the script with or without its stored hash shows.
void ReplayModel::release_event(const store::RecordedAuditEvent& e) {
  const json& p = e.event.payload;
  const std::int64_t number = p.is_object() && p.contains("release") && p.at("release").is_number_integer()
                                  ? p.at("release").get<std::int64_t>()
                                  : 0;
  const std::string key = release_key(text_of(p, "region"), number);
  auto& releases = tables_["rule_releases"];
  const std::string& kind = e.event.kind;
  const bool creates = kind == "rules.drafted" || kind == "rules.imported" || kind == "rules.rolled_back";
  auto found = releases.find(key);
  if (!creates && found == releases.end()) {
    orphans_.push_back("event " + std::to_string(e.seq) + " (" + kind + ") speaks of " + key +
                       ", which no rules.drafted, rules.imported or rules.rolled_back event created");
    return;
  }
  ExpectedColumns& row = creates ? releases[key] : found->second;
  if (creates) row = {{"author", e.event.actor}};
  take(row, "state", p, "to");
  take(row, "script_sha256", p, "script_sha256");
  take(row, "script_text_sha256", p, "script_sha256");
  if (kind == "rules.submitted") row["submitted_by"] = e.event.actor;
  if (kind == "rules.approved" || kind == "rules.rejected") row["decided_by"] = e.event.actor;
  if (kind == "rules.withdrawn") row["withdrawn_by"] = e.event.actor;
  if (kind == "rules.published" || kind == "rules.imported" || kind == "rules.rolled_back") {
    row["published_by"] = e.event.actor;
    row["effective_from"] = p.is_object() && p.contains("effective_from") ? p.at("effective_from") : json(nullptr);
  }
}

// The staff events' contract (shared with the account commands): staff.added {login, role,
// display_name, regions}, staff.disabled {login}, staff.enabled {login}, staff.role_changed
// {login, role}, staff.regions_changed {login, regions}. Regions are as staff.regions stores them
// ("*" or "a,b"); a staff.added written before regions existed (schema v5) carries none, and
// that account was migrated to all regions.
void ReplayModel::staff_event(const store::RecordedAuditEvent& e) {
  const json& p = e.event.payload;
  const std::string login = text_of(p, "login");
  auto& staff = tables_["staff"];
  if (e.event.kind == "staff.added") {
    ExpectedColumns& row = staff[login];
    row = {{"disabled", 0}, {"regions", "*"}};
    take(row, "role", p, "role");
    take(row, "regions", p, "regions");
    take(row, "display_name", p, "display_name");
    return;
  }
  auto found = staff.find(login);
  if (found == staff.end()) {
    orphans_.push_back("event " + std::to_string(e.seq) + " (" + e.event.kind + ") speaks of staff account " +
                       (login.empty() ? "(none)" : login) + ", which no staff.added event created");
    return;
  }
  if (e.event.kind == "staff.disabled") found->second["disabled"] = 1;
  if (e.event.kind == "staff.enabled") found->second["disabled"] = 0;
  if (e.event.kind == "staff.role_changed") take(found->second, "role", p, "role");
  if (e.event.kind == "staff.regions_changed") take(found->second, "regions", p, "regions");
}

}  // namespace cahub::audit
