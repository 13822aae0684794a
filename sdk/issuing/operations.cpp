// The operation protocol (docs/plugin-operations.md) on top of any Connector: JSON in, checked,
// run, JSON out. Every malformed request is INVALID_REQUEST naming the field; an unknown "op" is
// UNSUPPORTED, so a host can tell "this provider does not do that" from "you asked wrongly".
#include <array>

#include <nlohmann/json.hpp>

#include <cahub/issuing.hpp>

namespace cahub::sdk::issuing {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, CAHUB_BUSINESS_COUNT> kBusinesses = {
    "new", "add", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "freeze", "unfreeze", "revoke"};
constexpr std::array<std::string_view, CAHUB_APPLICANT_COUNT> kApplicants = {"org", "person", "org_person"};
constexpr std::size_t kLongestField = 256;

[[noreturn]] void invalid(const std::string& message) { throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, message); }

std::string text_field(const json& object, const char* name, bool required) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) {
    if (required) invalid(std::string("\"") + name + "\" is required");
    return {};
  }
  if (!it->is_string()) invalid(std::string("\"") + name + "\" must be a string");
  const std::string value = it->get<std::string>();
  if (required && value.empty()) invalid(std::string("\"") + name + "\" must not be empty");
  return value;
}

template <std::size_t N>
std::size_t code_field(const json& object, const char* name, const std::array<std::string_view, N>& codes,
                       std::optional<std::size_t> fallback = std::nullopt) {
  const std::string value = text_field(object, name, !fallback);
  if (value.empty() && fallback) return *fallback;
  for (std::size_t i = 0; i < N; ++i)
    if (codes[i] == value) return i;
  std::string known;
  for (auto c : codes) known += (known.empty() ? "" : ", ") + std::string(c);
  invalid(std::string("\"") + name + "\" is \"" + value + "\"; expected one of " + known);
}

std::optional<Date> date_field(const json& object, const char* name, bool required) {
  const std::string value = text_field(object, name, required);
  if (value.empty()) return std::nullopt;
  const auto date = parse_iso_date(value);
  if (!date) invalid(std::string("\"") + name + "\" is \"" + value + "\", not a date (YYYY-MM-DD)");
  return date;
}

std::string name_field(const json& object, const char* name, bool required) {
  std::string value = text_field(object, name, required);
  if (value.size() > kLongestField) invalid(std::string("\"") + name + "\" is longer than 256 bytes");
  for (unsigned char c : value)
    if (c < 0x20 || c == 0x7f) invalid(std::string("\"") + name + "\" contains a control character");
  return value;
}

Subject subject_of(const json& request) {
  const auto it = request.find("subject");
  if (it == request.end() || !it->is_object()) invalid("\"subject\" must be an object");
  const json& s = *it;
  Subject subject;
  subject.kind = static_cast<Applicant>(code_field(s, "kind", kApplicants));
  const bool unit = subject.kind != Applicant::Person;
  const bool person = subject.kind != Applicant::Org;
  subject.unit_name = name_field(s, "unit_name", unit);
  subject.uscc = name_field(s, "uscc", unit);
  subject.person_name = name_field(s, "person_name", person);
  subject.id_number = name_field(s, "id_number", person);
  return subject;
}

IssueOrder issue_order(const json& request, Connector& connector) {
  IssueOrder order;
  order.order_id = name_field(request, "order_id", true);
  order.business = static_cast<Business>(code_field(request, "business", kBusinesses));
  order.subject = subject_of(request);
  const std::size_t key = code_field(request, "key", std::array<std::string_view, 2>{"master", "secondary"}, 0);
  order.key = static_cast<KeyType>(key);
  order.previous_serial = name_field(request, "previous_serial", false);
  order.csr_pem = text_field(request, "csr_pem", false);
  order.public_key_pem = text_field(request, "public_key_pem", false);
  if (!order.csr_pem.empty() && !order.public_key_pem.empty())
    invalid("give the holder's key once: \"csr_pem\" or \"public_key_pem\", not both");
  if (const auto seals = request.find("seals"); seals != request.end() && !seals->is_null()) {
    if (!seals->is_array()) invalid("\"seals\" must be an array");
    for (const json& seal : *seals) {
      const std::string code = seal.is_string() ? seal.get<std::string>() : std::string();
      if (code != "unit" && code != "legal_rep" && code != "person")
        invalid("\"seals\" lists " + seal.dump() + "; expected \"unit\", \"legal_rep\" or \"person\"");
      order.seals.push_back(code);
    }
  }
  if (const auto ack = request.find("combined_seals_acknowledged"); ack != request.end() && !ack->is_null()) {
    if (!ack->is_boolean()) invalid("\"combined_seals_acknowledged\" must be true or false");
    order.combined_seals_acknowledged = ack->get<bool>();
  }
  order.not_before = *date_field(request, "not_before", true);
  // A reissue keeps the old validity, so the old certificate's last day is the natural default.
  const bool keeps_validity = order.business == Business::ReissueLost || order.business == Business::ReissueDamaged ||
                              order.business == Business::Change;
  if (auto last = date_field(request, "not_after", !keeps_validity || order.previous_serial.empty())) {
    order.not_after = *last;
  } else {
    order.not_after = connector.find(order.previous_serial).not_after;
  }
  return order;
}

json subject_json(const Subject& s) {
  json out = {{"kind", kApplicants[static_cast<std::size_t>(s.kind)]}};
  if (!s.unit_name.empty()) out["unit_name"] = s.unit_name;
  if (!s.uscc.empty()) out["uscc"] = s.uscc;
  if (!s.person_name.empty()) out["person_name"] = s.person_name;
  if (!s.id_number.empty()) out["id_number"] = s.id_number;
  return out;
}

json record_json(const CertificateRecord& r) {
  json out = {
      {"serial", r.serial},
      {"status", status_code(r.status)},
      {"order_id", r.order_id},
      {"business", kBusinesses[static_cast<std::size_t>(r.business)]},
      {"subject", subject_json(r.subject)},
      {"key", r.key == KeyType::Master ? "master" : "secondary"},
      {"not_before", iso_date(r.not_before)},
      {"not_after", iso_date(r.not_after)},
  };
  if (r.revocation_reason) out["revocation_reason"] = reason_code(*r.revocation_reason);
  if (!r.status_changed_at.empty()) out["status_changed_at"] = r.status_changed_at;
  if (!r.previous_serial.empty()) out["previous_serial"] = r.previous_serial;
  if (r.key_made_by_ca) out["key_made_by_ca"] = true;
  // Once, in the answer of the issue that made it: the CA keeps no copy (local_ca.cpp).
  if (!r.subscriber_key_pem.empty()) out["subscriber_key_pem"] = r.subscriber_key_pem;
  if (r.replayed) out["replayed"] = true;
  out["certificate_pem"] = r.certificate_pem;
  return out;
}

std::string serial_of(const json& request) { return name_field(request, "serial", true); }

}  // namespace

std::string operate(Connector& connector, std::string_view request_json, const IssuePolicy& policy) {
  json request;
  try {
    request = json::parse(request_json);
  } catch (const json::exception& e) {
    invalid(std::string("the request is not valid JSON: ") + e.what());
  }
  if (!request.is_object()) invalid("the request must be a JSON object");
  const std::string op = text_field(request, "op", true);

  json result;
  if (op == "issue") {
    const IssueOrder order = issue_order(request, connector);
    if (policy) policy(order, connector);
    result = record_json(connector.issue(order));
  } else if (op == "freeze") {
    result = record_json(connector.freeze(serial_of(request)));
  } else if (op == "unfreeze") {
    result = record_json(connector.unfreeze(serial_of(request)));
  } else if (op == "revoke") {
    const std::string code = text_field(request, "reason", false);
    const auto reason = code.empty() ? std::optional(RevocationReason::Unspecified) : parse_reason(code);
    if (!reason)
      invalid("\"reason\" is \"" + code +
              "\"; expected unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation");
    result = record_json(connector.revoke(serial_of(request), *reason));
  } else if (op == "status") {
    // By serial, or by the host's order (order_id and business): what the CA issued for it.
    if (request.contains("order_id") && !request.contains("serial"))
      result = record_json(connector.find_by_order(name_field(request, "order_id", true),
                                                   static_cast<Business>(code_field(request, "business", kBusinesses))));
    else
      result = record_json(connector.find(serial_of(request)));
  } else if (op == "ca") {
    const CaPublication p = connector.publication();
    // No files when the CA lives in the host's database: null, not a path that is not there.
    auto file = [](const std::string& path) { return path.empty() ? json(nullptr) : json(path); };
    result = {{"key_algorithm", key_algorithm_code(p.algorithm)}, {"root_file", file(p.root_file)},
              {"crl_file", file(p.crl_file)}, {"root_pem", p.root_pem}, {"crl_pem", p.crl_pem}};
  } else if (op == "import_state") {
    // The host's `cahub ca import`: the folder an older host kept this CA in.
    result = json::parse(connector.import_state(text_field(request, "from", true)));
  } else {
    throw ProviderError(CAHUB_ERROR_UNSUPPORTED,
                        "unknown op \"" + op + "\" (this provider does issue, freeze, unfreeze, revoke, status, ca)");
  }
  // Names came in as JSON text, but a ledger written by another tool might not be UTF-8: never throw on output.
  return result.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cahub::sdk::issuing
