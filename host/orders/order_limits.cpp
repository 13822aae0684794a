#include "orders/order_limits.hpp"

#include <nlohmann/json.hpp>

#include "orders/order.hpp"
#include "store/audit_log.hpp"

namespace cahub::orders {
namespace {

template <typename E> std::string codes_json(const std::vector<E>& codes) {
  nlohmann::json list = nlohmann::json::array();
  for (E c : codes) list.push_back(cahub::code_of(c));
  return list.dump();
}

// A person's certificate under a unit (org_person) belongs to the unit's customer record.
std::string holder_kinds_json(const std::vector<ApplicantKind>& kinds) {
  nlohmann::json list = nlohmann::json::array();
  for (ApplicantKind k : kinds) list.push_back(k == ApplicantKind::Person ? "person" : "org");
  return list.dump();
}

// What already takes a place: "order ORD-2026-000012 (submitted)", "certificate 3F2A (active)".
using Taken = std::vector<std::string>;

// The applicant's orders in the region (and CA) that the limit counts: open, and within its
// selectors. Where certificates count too, an open order whose certificate is already issued is
// counted through that certificate instead, so one application is never counted twice.
Taken open_orders(store::SqlConnection& db, const NewOrder& o, const OrderLimit& l) {
  const bool counts_certificates = l.counts != LimitCounts::OpenOrders;
  const store::SqlDialect d = db.dialect();
  auto q = db.query(
      "SELECT o.public_id, o.state FROM orders o "
      "WHERE o.applicant_identity = ?1 AND o.region = ?2 AND (?3 = '' OR o.ca = ?3) "
      "AND o.state NOT IN ('completed', 'cancelled') AND (?8 = 0 OR o.certificate_id IS NULL) "
      "AND " + store::in_json_array(d, "o.business", "?4") + " AND " + store::in_json_array(d, "o.channel", "?5") +
      " AND " + store::in_json_array(d, "o.key_type", "?6") + " AND " + store::in_json_array(d, "o.applicant_kind", "?7") +
      " ORDER BY o.id");
  q->bind(1, o.request->identity());
  q->bind(2, o.request->quote.region);
  q->bind(3, l.across == LimitAcross::Ca ? o.request->quote.ca : std::string());
  q->bind(4, codes_json(l.businesses));
  q->bind(5, codes_json(l.channels));
  q->bind(6, codes_json(l.keys));
  q->bind(7, codes_json(l.applicants));
  q->bind(8, std::int64_t{counts_certificates ? 1 : 0});
  Taken taken;
  while (q->next_row())
    taken.push_back("order " + q->text(0) + " (" + q->text(1) + ")");
  return taken;
}

// The applicant's certificates in the registry of the region (and CA) that count: not revoked, and
// with `held` not expired either (a lapsed key is no longer held, so it does not block a new one),
// with a key type and holder kind within the limit's selectors.
Taken held_certificates(store::SqlConnection& db, const NewOrder& o, const OrderLimit& l) {
  const store::SqlDialect d = db.dialect();
  auto q = db.query(
      "SELECT ce.ca, ce.serial, ce.status FROM certificates ce JOIN customers c ON c.id = ce.customer_id "
      "WHERE (c.uscc = ?1 OR c.id_number = ?1) AND ce.region = ?2 AND (?3 = '' OR ce.ca = ?3) "
      "AND ce.status <> 'revoked' AND (?6 = '' OR (ce.status <> 'expired' AND ce.not_after >= ?6)) "
      "AND " + store::in_json_array(d, "ce.key_type", "?4") + " AND " + store::in_json_array(d, "c.kind", "?5") +
      " ORDER BY ce.id");
  q->bind(1, o.request->identity());
  q->bind(2, o.request->quote.region);
  q->bind(3, l.across == LimitAcross::Ca ? o.request->quote.ca : std::string());
  q->bind(4, codes_json(l.keys));
  q->bind(5, holder_kinds_json(l.applicants));
  // Today in China, as every date of the registry; empty: expired certificates count too.
  q->bind(6, l.counts == LimitCounts::Held ? store::now_china_time().substr(0, 10) : std::string());
  Taken taken;
  while (q->next_row())
    taken.push_back(q->text(0) + " certificate " + q->text(1) + " (" +
                    q->text(2) + ")");
  return taken;
}

std::string listed(const Taken& taken) {
  std::string out;
  for (const auto& t : taken) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

void refuse_beyond_limits(store::SqlConnection& db, const NewOrder& o) {
  // Hosts sharing PostgreSQL each count under READ COMMITTED, and two creations for one applicant
  // would each count the other's order as not there yet: the count and the insert after it run
  // one creation at a time (held to the transaction's end). SQLite's one writer is so already.
  if (!o.limits.empty()) db.serialize(store::Serial::order_limits);
  for (const OrderLimit& l : o.limits) {
    Taken taken = open_orders(db, o, l);
    if (l.counts != LimitCounts::OpenOrders) {
      Taken held = held_certificates(db, o, l);
      taken.insert(taken.end(), held.begin(), held.end());
    }
    if (static_cast<int>(taken.size()) >= l.at_most)
      throw OrderConflict(l.code, l.zh + "（" + l.en + "）: " + o.request->identity() + " already has " + listed(taken) +
                                      " [" + l.source + "]");
  }
}

}  // namespace cahub::orders
