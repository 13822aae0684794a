#include "orders/order_json.hpp"

namespace cahub::orders {
namespace {

using nlohmann::json;

json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json validity_json(const Order& o) {
  if (!o.validity.not_before && !o.validity.not_after) return nullptr;
  json v = {{"not_before", date_or_null(o.validity.not_before)},
            {"not_after", date_or_null(o.validity.not_after)},
            {"basis", o.validity.basis}};
  if (!o.validity.set_by.empty()) v["set_by"] = o.validity.set_by;
  // What the rules said about it, from the frozen quote: why it is not published, the service
  // point's convention.
  const json* quoted = o.quote.is_object() && o.quote.contains("validity") ? &o.quote["validity"] : nullptr;
  if (o.validity.set_by.empty() && quoted && quoted->is_object())
    for (const char* key : {"not_published", "convention"})
      if (quoted->contains(key)) v[key] = (*quoted)[key];
  return v;
}

// The fields the queue shows too.
json summary_json(const Order& o) {
  json applicant = {{"kind", code_of(o.applicant.kind)}, {"name", o.applicant.name}, {"identity", o.applicant.identity}};
  if (!o.applicant.holder_name.empty()) applicant["holder_name"] = o.applicant.holder_name;
  if (!o.applicant.holder_id_number.empty()) applicant["holder_id_number"] = o.applicant.holder_id_number;
  json out = {{"id", o.public_id},
              {"state", code_of(o.state)},
              {"version", o.version},
              {"business", code_of(o.business)},
              {"region", o.region},
              {"ca", o.ca},
              {"channel", code_of(o.channel)},
              {"key", code_of(o.key)},
              {"applicant", std::move(applicant)},
              {"previous_serial", o.previous_serial.empty() ? json(nullptr) : json(o.previous_serial)},
              {"accepted_by", o.accepted_by},
              {"approved_by", o.approved_by.empty() ? json(nullptr) : json(o.approved_by)},
              {"due_on", o.due_on},
              {"created_at", o.created_at},
              {"updated_at", o.updated_at},
              {"priced", o.priced},
              {"total_fen", o.priced ? json(o.total) : json(nullptr)},
              {"validity", validity_json(o)},
              {"materials_complete", o.materials_complete},
              {"certificate", o.certificate ? json{{"serial", o.certificate->serial},
                                                   {"not_before", o.certificate->not_before},
                                                   {"not_after", o.certificate->not_after},
                                                   {"status", o.certificate->status}}
                                            : json(nullptr)}};
  if (o.revocation_reason) out["revocation_reason"] = code_of(*o.revocation_reason);
  return out;
}

json materials_json(const Order& o) {
  json out = json::array();
  for (const auto& m : o.materials) {
    json j = {{"code", m.code}, {"name", m.name}, {"received", !m.received_at.empty()}};
    if (!m.received_at.empty()) {
      j["received_at"] = m.received_at;
      j["received_by"] = m.received_by;
    }
    if (!m.file_name.empty()) j["file_name"] = m.file_name;
    if (m.file_bytes) j["file_bytes"] = *m.file_bytes;
    if (!m.file_sha256.empty()) j["file_sha256"] = m.file_sha256;  // uploaded: GET .../materials/{code}/file
    out.push_back(std::move(j));
  }
  return out;
}

json payments_json(const Order& o) {
  json out = json::array();
  for (const auto& p : o.payments) {
    json j = {{"method", code_of(p.method)}, {"amount_fen", p.amount}, {"recorded_by", p.recorded_by},
              {"recorded_at", p.recorded_at}};
    if (!p.voucher.empty()) j["voucher"] = p.voucher;
    if (!p.adjustment_reason.empty()) j["adjustment_reason"] = p.adjustment_reason;
    out.push_back(std::move(j));
  }
  return out;
}

json terms_json(const Order& o) {
  json out = json::array();
  for (const auto& t : o.terms) {
    json j = {{"reason", t.reason}, {"set_by", t.set_by}, {"set_at", t.set_at}};
    if (t.total) j["total_fen"] = *t.total;
    if (t.years) j["years"] = *t.years;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

json order_json(const Order& o) {
  json out = summary_json(o);
  out["materials"] = materials_json(o);
  out["payments"] = payments_json(o);
  out["terms"] = terms_json(o);
  out["request"] = o.request;
  out["quote"] = o.quote;
  return out;
}

json order_page_json(const OrderPage& page) {
  json out = {{"orders", json::array()}, {"counts", json::object()},
              {"next_cursor", page.next ? json(page.next->text()) : json(nullptr)}};
  for (const auto& o : page.orders) out["orders"].push_back(summary_json(o));
  for (const auto& [state, n] : page.counts) out["counts"][std::string(code_of(state))] = n;
  return out;
}

}  // namespace cahub::orders
