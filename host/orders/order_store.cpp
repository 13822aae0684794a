#include "orders/order_store.hpp"

#include <SQLiteCpp/Statement.h>

#include "orders/certificate_registry.hpp"
#include "orders/order_limits.hpp"
#include "orders/customer_directory.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"
#include "store/write_transaction.hpp"

namespace cahub::orders {
namespace {

using nlohmann::json;

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

void audit(store::Database& db, const std::string& at, const Actor& actor, std::int64_t order_id, const std::string& kind,
           json payload) {
  store::append_audit_event(db, {at, actor.login, order_id, kind, std::move(payload)});
}

// Moves the order to `next` if it is still at `expected_version`; the version check is repeated
// in the UPDATE itself, so a writer that slipped in since the read cannot be overwritten.
void advance(store::Database& db, std::int64_t id, const std::string& public_id, std::int64_t expected_version,
             OrderState next, const std::string& now) {
  store::CachedStatement update = db.statement(
                           "UPDATE orders SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
  update->bind(1, std::string(code_of(next)));
  update->bind(2, now);
  update->bind(3, static_cast<std::int64_t>(id));
  update->bind(4, static_cast<std::int64_t>(expected_version));
  if (update->exec() != 1) throw OrderConflict("version_conflict", "order " + public_id + " changed meanwhile");
}

// The caller decided on what it saw at `expected_version`; if someone acted since, the decision is
// stale: "version_conflict", saying where the order is now, and `retry_hint` when a retry is safe.
void require_version(const OrderRecord& o, std::int64_t expected_version, const std::string& retry_hint = {}) {
  if (o.version == expected_version) return;
  throw OrderConflict("version_conflict",
                      "order " + o.public_id + " is at version " + std::to_string(o.version) + " (" +
                          std::string(code_of(o.state)) + "), not " + std::to_string(expected_version) +
                          (retry_hint.empty() ? ": someone else acted first" : ": " + retry_hint));
}

}  // namespace

bool OrderRecord::materials_complete() const {
  for (const auto& m : materials)
    if (m.received_at.empty()) return false;
  return true;
}

OrderFacts OrderRecord::facts() const {
  OrderFacts f;
  f.business = business;
  f.priced = priced;
  f.total = total;
  f.materials_complete = materials_complete();
  f.accepted_by = accepted_by;
  return f;
}

json OrderRecord::to_json() const {
  json materials_json = json::array();
  for (const auto& m : materials) {
    json j = {{"code", m.code}, {"name", m.name}, {"received", !m.received_at.empty()}};
    if (!m.received_at.empty()) {
      j["received_at"] = m.received_at;
      j["received_by"] = m.received_by;
    }
    if (!m.file_name.empty()) j["file_name"] = m.file_name;
    if (m.file_bytes) j["file_bytes"] = *m.file_bytes;
    if (!m.file_sha256.empty()) j["file_sha256"] = m.file_sha256;  // uploaded: GET .../materials/{code}/file
    materials_json.push_back(std::move(j));
  }
  json payments_json = json::array();
  for (const auto& p : payments) {
    json j = {{"method", p.method}, {"amount_fen", p.amount}, {"recorded_by", p.recorded_by}, {"recorded_at", p.recorded_at}};
    if (!p.voucher.empty()) j["voucher"] = p.voucher;
    if (!p.adjustment_reason.empty()) j["adjustment_reason"] = p.adjustment_reason;
    payments_json.push_back(std::move(j));
  }
  return {{"id", public_id},
          {"state", code_of(state)},
          {"version", version},
          {"business", cahub::code_of(business)},
          {"region", region},
          {"ca", ca},
          {"channel", channel},
          {"applicant", {{"kind", applicant.kind}, {"name", applicant.name}, {"identity", applicant.identity()}}},
          {"accepted_by", accepted_by},
          {"due_on", due_on},
          {"created_at", created_at},
          {"updated_at", updated_at},
          {"priced", priced},
          {"total_fen", priced ? json(total) : json(nullptr)},
          {"validity", validity},
          {"terms", terms},
          {"materials", materials_json},
          {"materials_complete", materials_complete()},
          {"payments", payments_json},
          {"certificate", certificate ? json{{"serial", certificate->serial},
                                             {"not_before", certificate->not_before},
                                             {"not_after", certificate->not_after},
                                             {"status", certificate->status}}
                                      : json(nullptr)},
          {"request", request},
          {"quote", quote}};
}

CreateResult OrderStore::create(const NewOrder& o, const Actor& clerk) {
  if (o.idempotency_key.empty()) throw OrderConflict("idempotency_key_required", "an order needs an idempotency key");
  store::WriteTransaction tx(db_);
  {
    store::CachedStatement earlier = db_.statement("SELECT id, request_hash, public_id FROM orders WHERE idempotency_key = ?");
    earlier->bind(1, o.idempotency_key);
    if (earlier->executeStep()) {
      if (earlier->getColumn(1).getString() != o.request_hash)
        throw OrderConflict("idempotency_conflict", "idempotency key " + o.idempotency_key + " was used for order " +
                                                        earlier->getColumn(2).getString() + " with a different request");
      const std::int64_t id = earlier->getColumn(0).getInt64();
      return {load(id), false};
    }
  }
  // Limits across orders are the region's (limit{}): central's one open order per ID number,
  // Qinghai's one master key per unit, NMGCA's one unit-certificate application.
  refuse_beyond_limits(db_, o);
  const std::string now = store::now_china_time();
  const std::int64_t customer = customer_id_for(db_, o.applicant, now);
  store::CachedStatement next = db_.statement("SELECT coalesce(max(id), 0) + 1 FROM orders");
  next->executeStep();
  const std::int64_t number = next->getColumn(0).getInt64();
  char public_id[32];
  std::snprintf(public_id, sizeof public_id, "ORD-%s-%06lld", now.substr(0, 4).c_str(), static_cast<long long>(number));

  store::CachedStatement insert = db_.statement(
                           "INSERT INTO orders (id, public_id, business, region, ca, customer_id, channel, years, key_type, "
                           "state, quote_json, version, idempotency_key, request_hash, created_at, updated_at, request_json, "
                           "accepted_by, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, 1, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, static_cast<std::int64_t>(number));
  insert->bind(2, std::string(public_id));
  insert->bind(3, std::string(cahub::code_of(o.business)));
  insert->bind(4, o.region);
  insert->bind(5, o.ca);
  insert->bind(6, static_cast<std::int64_t>(customer));
  insert->bind(7, std::string(cahub::code_of(o.channel)));
  if (o.years)
    insert->bind(8, *o.years);
  else
    insert->bind(8);
  insert->bind(9, std::string(cahub::code_of(o.key)));
  insert->bind(10, o.quote.dump());
  insert->bind(11, o.idempotency_key);
  insert->bind(12, o.request_hash);
  insert->bind(13, now);
  insert->bind(14, now);
  insert->bind(15, o.request.dump());
  insert->bind(16, clerk.login);
  if (o.due_on)
    insert->bind(17, o.due_on->iso());
  else
    insert->bind(17);
  insert->exec();
  for (const auto& m : o.materials) {
    store::CachedStatement material = db_.statement("INSERT OR IGNORE INTO order_materials (order_id, code, name) VALUES (?, ?, ?)");
    material->bind(1, static_cast<std::int64_t>(number));
    material->bind(2, m.code);
    material->bind(3, m.name);
    material->exec();
  }
  audit(db_, now, clerk, number, "order.submitted",
        {{"order", public_id}, {"business", cahub::code_of(o.business)}, {"region", o.region}, {"ca", o.ca},
         {"applicant", o.applicant.identity()}, {"total_fen", o.priced ? json(o.total) : json(nullptr)}});
  tx.commit();
  return {load(number), true};
}

std::int64_t OrderStore::id_of(const std::string& public_id) {
  store::CachedStatement find = db_.statement("SELECT id FROM orders WHERE public_id = ?");
  find->bind(1, public_id);
  if (!find->executeStep()) throw OrderNotFound("no order " + public_id);
  return find->getColumn(0).getInt64();
}

OrderRecord OrderStore::get(const std::string& public_id) { return load(id_of(public_id)); }

OrderRecord OrderStore::load(std::int64_t id) {
  store::CachedStatement row = db_.statement(
                        "SELECT o.public_id, o.state, o.version, o.business, o.region, o.ca, o.channel, o.accepted_by, "
                        "o.due_on, o.created_at, o.updated_at, o.request_json, o.quote_json, c.kind, c.name, c.uscc, "
                        "c.id_number FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?");
  row->bind(1, static_cast<std::int64_t>(id));
  if (!row->executeStep()) throw OrderNotFound("no order with id " + std::to_string(id));
  OrderRecord r;
  r.id = id;
  r.public_id = row->getColumn(0).getString();
  r.state = parse_state(row->getColumn(1).getString()).value_or(OrderState::Submitted);
  r.version = row->getColumn(2).getInt64();
  r.business = parse_code<Business>(row->getColumn(3).getString()).value_or(Business::New);
  r.region = row->getColumn(4).getString();
  r.ca = row->getColumn(5).getString();
  r.channel = row->getColumn(6).getString();
  r.accepted_by = text_or_empty(row->getColumn(7));
  r.due_on = text_or_empty(row->getColumn(8));
  r.created_at = row->getColumn(9).getString();
  r.updated_at = row->getColumn(10).getString();
  r.request = row->getColumn(11).isNull() ? json(nullptr) : json::parse(row->getColumn(11).getString());
  r.quote = row->getColumn(12).isNull() ? json(nullptr) : json::parse(row->getColumn(12).getString());
  r.applicant = {row->getColumn(13).getString(), row->getColumn(14).getString(), text_or_empty(row->getColumn(15)),
                 text_or_empty(row->getColumn(16))};
  const json fee = r.quote.is_object() ? r.quote.value("fee", json::object()) : json::object();
  r.priced = fee.contains("total_fen") && fee["total_fen"].is_number_integer();
  r.total = r.priced ? fee["total_fen"].get<Fen>() : 0;
  r.validity = r.quote.is_object() ? r.quote.value("validity", json()) : json();
  SQLite::Statement terms(db_.sqlite(),
                          "SELECT total_fen, years, not_before, not_after, reason, set_by, set_at FROM order_terms "
                          "WHERE order_id = ? ORDER BY id");
  terms.bind(1, static_cast<std::int64_t>(id));
  while (terms.executeStep()) {
    json t = {{"reason", terms.getColumn(4).getString()},
              {"set_by", terms.getColumn(5).getString()},
              {"set_at", terms.getColumn(6).getString()}};
    if (!terms.getColumn(0).isNull()) {
      t["total_fen"] = terms.getColumn(0).getInt64();
      r.priced = true;
      r.total = terms.getColumn(0).getInt64();
    }
    if (!terms.getColumn(1).isNull()) {
      t["years"] = terms.getColumn(1).getInt();
      r.validity = {{"basis", "set_by_staff"},
                    {"not_before", terms.getColumn(2).getString()},
                    {"not_after", terms.getColumn(3).getString()},
                    {"set_by", terms.getColumn(5).getString()}};
    }
    r.terms.push_back(std::move(t));
  }

  store::CachedStatement materials = db_.statement(
                              "SELECT code, name, received_at, received_by, file_name, file_bytes, "
                              "(SELECT sha256 FROM material_files f WHERE f.order_id = m.order_id AND f.code = m.code "
                              "ORDER BY f.id DESC LIMIT 1) FROM order_materials m WHERE order_id = ? ORDER BY rowid");
  materials->bind(1, static_cast<std::int64_t>(id));
  while (materials->executeStep()) {
    MaterialStatus m{materials->getColumn(0).getString(), materials->getColumn(1).getString(),
                     text_or_empty(materials->getColumn(2)), text_or_empty(materials->getColumn(3)),
                     text_or_empty(materials->getColumn(4)), std::nullopt, {}};
    if (!materials->getColumn(5).isNull()) m.file_bytes = materials->getColumn(5).getInt64();
    m.file_sha256 = text_or_empty(materials->getColumn(6));
    r.materials.push_back(std::move(m));
  }
  store::CachedStatement certificate = db_.statement(
                                "SELECT c.serial, c.not_before, c.not_after, c.status, coalesce(c.certificate_pem, '') "
                                "FROM orders o JOIN certificates c ON c.id = o.certificate_id WHERE o.id = ?");
  certificate->bind(1, static_cast<std::int64_t>(id));
  if (certificate->executeStep())
    r.certificate = IssuedCertificate{certificate->getColumn(0).getString(), certificate->getColumn(1).getString(),
                                      certificate->getColumn(2).getString(), certificate->getColumn(3).getString(),
                                      certificate->getColumn(4).getString()};
  store::CachedStatement payments = db_.statement(
                             "SELECT method, amount_fen, voucher, adjustment_reason, recorded_by, recorded_at FROM payments "
                             "WHERE order_id = ? ORDER BY id");
  payments->bind(1, static_cast<std::int64_t>(id));
  while (payments->executeStep())
    r.payments.push_back({payments->getColumn(0).getString(), payments->getColumn(1).getInt64(),
                          text_or_empty(payments->getColumn(2)), text_or_empty(payments->getColumn(3)),
                          payments->getColumn(4).getString(), payments->getColumn(5).getString()});
  return r;
}

std::vector<OrderRecord> OrderStore::list(const Filter& f, int limit) {
  SQLite::Statement rows(db_.sqlite(),
                         "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id "
                         "WHERE (?1 IS NULL OR o.state = ?1) AND (?2 = '' OR o.region = ?2) AND (?3 = '' OR o.ca = ?3) "
                         "AND (?4 = '' OR coalesce(c.uscc, c.id_number) = ?4 OR instr(c.name, ?4) > 0) "
                         "ORDER BY o.due_on IS NULL, o.due_on, o.id LIMIT ?5");
  if (f.state)
    rows.bind(1, std::string(code_of(*f.state)));
  else
    rows.bind(1);
  rows.bind(2, f.region);
  rows.bind(3, f.ca);
  rows.bind(4, f.applicant);
  rows.bind(5, limit);
  std::vector<std::int64_t> ids;
  while (rows.executeStep()) ids.push_back(rows.getColumn(0).getInt64());
  std::vector<OrderRecord> out;
  for (std::int64_t id : ids) out.push_back(load(id));
  return out;
}

OrderRecord OrderStore::apply(const std::string& public_id, Action action, std::int64_t expected_version,
                              const Actor& actor, const std::string& note) {
  if (action == Action::RecordPayment)
    throw WorkflowRefusal("not_allowed_now", "record a payment with its method and amount (record_payment)");
  if (action == Action::Reject && note.empty()) throw WorkflowRefusal("reason_required", "a rejection needs its reason");
  store::WriteTransaction tx(db_);
  OrderRecord current = load(id_of(public_id));
  require_version(current, expected_version);
  const OrderState next = next_state(current.state, action, current.facts(), actor);
  if (action == Action::Complete && changes_certificate_status(current.business))
    throw WorkflowRefusal("carry_out_required", "a " + std::string(cahub::code_of(current.business)) +
                                                    " order is completed by carrying it out through the provider "
                                                    "(carry_out), which changes the certificate's status");
  const std::string now = store::now_china_time();
  advance(db_, current.id, public_id, expected_version, next, now);
  json payload = {{"order", public_id}, {"from", code_of(current.state)}, {"to", code_of(next)}, {"action", code_of(action)}};
  if (!note.empty()) payload["note"] = note;
  audit(db_, now, actor, current.id, "order." + std::string(code_of(action)), std::move(payload));
  tx.commit();
  return load(current.id);
}

OrderRecord OrderStore::receive_material(const std::string& public_id, const std::string& code, const Actor& actor,
                                         const std::string& file_name, std::optional<std::int64_t> file_bytes) {
  return tick_material(public_id, code, actor, file_name, file_bytes, nullptr);
}

OrderRecord OrderStore::upload_material(const std::string& public_id, const std::string& code, const Actor& actor,
                                        const UploadedFile& file) {
  return tick_material(public_id, code, actor, file.file_name, static_cast<std::int64_t>(file.content.size()), &file);
}

OrderRecord OrderStore::tick_material(const std::string& public_id, const std::string& code, const Actor& actor,
                                      const std::string& file_name, std::optional<std::int64_t> file_bytes,
                                      const UploadedFile* file) {
  store::WriteTransaction tx(db_);
  const OrderRecord current = load(id_of(public_id));
  if (is_final(current.state) || current.state == OrderState::Issuing || current.state == OrderState::Issued)
    throw WorkflowRefusal("not_allowed_now", "materials of an order that is " + std::string(code_of(current.state)) +
                                                 " are closed");
  const std::string now = store::now_china_time();
  store::CachedStatement update = db_.statement(
                           "UPDATE order_materials SET received_at = ?, received_by = ?, file_name = ?, file_bytes = ? "
                           "WHERE order_id = ? AND code = ?");
  update->bind(1, now);
  update->bind(2, actor.login);
  if (file_name.empty())
    update->bind(3);
  else
    update->bind(3, file_name);
  if (file_bytes)
    update->bind(4, static_cast<std::int64_t>(*file_bytes));
  else
    update->bind(4);
  update->bind(5, static_cast<std::int64_t>(current.id));
  update->bind(6, code);
  if (update->exec() != 1) throw OrderNotFound("order " + public_id + " requires no material \"" + code + "\"");
  json payload = {{"order", public_id}, {"material", code}};
  if (!file_name.empty()) payload["file_name"] = file_name;
  if (file) {
    const std::string sha256 = store::sha256_hex(file->content);
    store::CachedStatement insert = db_.statement(
                             "INSERT INTO material_files (order_id, code, file_name, media_type, bytes, sha256, content, "
                             "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert->bind(1, static_cast<std::int64_t>(current.id));
    insert->bind(2, code);
    insert->bind(3, file->file_name);
    insert->bind(4, file->media_type);
    insert->bind(5, static_cast<std::int64_t>(file->content.size()));
    insert->bind(6, sha256);
    insert->bindNoCopy(7, static_cast<const void*>(file->content.data()), static_cast<int>(file->content.size()));
    insert->bind(8, actor.login);
    insert->bind(9, now);
    insert->exec();
    payload["file_bytes"] = file->content.size();
    payload["sha256"] = sha256;  // the trail pins the very file the material was accepted on
  }
  audit(db_, now, actor, current.id, file ? "material.uploaded" : "material.received", std::move(payload));
  tx.commit();
  return load(current.id);
}

MaterialFile OrderStore::material_file(const std::string& public_id, const std::string& code) {
  store::CachedStatement row = db_.statement(
                        "SELECT file_name, media_type, sha256, content FROM material_files "
                        "WHERE order_id = ? AND code = ? ORDER BY id DESC LIMIT 1");
  row->bind(1, static_cast<std::int64_t>(id_of(public_id)));
  row->bind(2, code);
  if (!row->executeStep()) throw OrderNotFound("order " + public_id + " has no uploaded file for \"" + code + "\"");
  const SQLite::Column content = row->getColumn(3);
  return {row->getColumn(0).getString(), row->getColumn(1).getString(), row->getColumn(2).getString(),
          std::string(static_cast<const char*>(content.getBlob()), static_cast<std::size_t>(content.getBytes()))};
}

OrderRecord OrderStore::record_payment(const std::string& public_id, std::int64_t expected_version,
                                       const PaymentRecord& payment, const Actor& actor) {
  store::WriteTransaction tx(db_);
  OrderRecord current = load(id_of(public_id));
  require_version(current, expected_version);
  const OrderState next = next_state(current.state, Action::RecordPayment, current.facts(), actor);
  if (payment.amount != current.total) {
    if (payment.adjustment_reason.empty())
      throw OrderConflict("amount_mismatch", "the payment is " + format_cny(payment.amount) + " CNY but the quote is " +
                                                 format_cny(current.total) + " CNY; a reviewer must record an adjustment "
                                                                             "with its reason");
    if (actor.role == Role::Clerk)
      throw WorkflowRefusal("forbidden", "only a reviewer may record a payment that differs from the quote");
  }
  const std::string now = store::now_china_time();
  store::CachedStatement insert = db_.statement(
                           "INSERT INTO payments (order_id, method, amount_fen, voucher, adjustment_reason, recorded_by, "
                           "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, static_cast<std::int64_t>(current.id));
  insert->bind(2, payment.method);
  insert->bind(3, static_cast<std::int64_t>(payment.amount));
  if (payment.voucher.empty())
    insert->bind(4);
  else
    insert->bind(4, payment.voucher);
  if (payment.adjustment_reason.empty())
    insert->bind(5);
  else
    insert->bind(5, payment.adjustment_reason);
  insert->bind(6, actor.login);
  insert->bind(7, now);
  insert->exec();  // the schema refuses an unknown method or a transfer without its voucher
  advance(db_, current.id, public_id, expected_version, next, now);
  json event = {{"order", public_id}, {"method", payment.method}, {"amount_fen", payment.amount}};
  if (!payment.adjustment_reason.empty()) event["adjustment_reason"] = payment.adjustment_reason;
  audit(db_, now, actor, current.id, "payment.recorded", std::move(event));
  tx.commit();
  return load(current.id);
}

}  // namespace cahub::orders

namespace cahub::orders {
namespace {

// The provider's subject from what the order was accepted with.
nlohmann::json subject_of(const OrderRecord& o) {
  const std::string kind = o.request.value("applicant", "org");
  const nlohmann::json details = o.request.value("applicant_details", nlohmann::json::object());
  nlohmann::json subject = {{"kind", kind}};
  if (kind == "person") {
    subject["person_name"] = o.applicant.name;
    subject["id_number"] = o.applicant.id_number;
  } else {
    subject["unit_name"] = o.applicant.name;
    subject["uscc"] = o.applicant.uscc;
    if (kind == "org_person") {
      subject["person_name"] = details.value("person_name", "");
      subject["id_number"] = details.value("id_number", "");
    }
  }
  return subject;
}

}  // namespace

nlohmann::json OrderStore::issue_request(const std::string& public_id, std::int64_t expected_version,
                                        const Actor& actor) {
  const OrderRecord before = get(public_id);
  require_version(before, expected_version);
  (void)next_state(before.state, Action::StartIssuing, before.facts(), actor);
  const nlohmann::json& validity = before.validity;
  const bool end_known = validity.is_object() && validity.value("not_after", nlohmann::json()).is_string();
  const std::string previous = before.request.value("previous_serial", "");
  // A reissue or change keeps the old certificate's last day, which the provider knows; anything
  // else needs an end date the region published or a reviewer set (set_terms).
  if (!end_known && !(keeps_validity(before.business) && !previous.empty()))
    throw WorkflowRefusal("validity_not_published",
                          "the region publishes no validity period for this order: a reviewer must set its years "
                          "(terms) before a certificate can be issued");
  nlohmann::json request = {{"op", "issue"},
                            {"order_id", public_id},
                            {"business", cahub::code_of(before.business)},
                            {"subject", subject_of(before)},
                            {"key", before.request.value("key", "master")},
                            {"not_before", validity.is_object() && validity.value("not_before", json()).is_string()
                                               ? validity["not_before"]
                                               : json(before.created_at.substr(0, 10))}};
  if (end_known) request["not_after"] = validity["not_after"];
  if (!previous.empty()) request["previous_serial"] = previous;
  return request;
}

OrderRecord OrderStore::issue_certificate(const std::string& public_id, std::int64_t expected_version,
                                          const Actor& actor, const OperateCall& operate) {
  const nlohmann::json request = issue_request(public_id, expected_version, actor);
  const nlohmann::json issued = operate(request);  // outside the write lock: the provider may be slow
  return record_certificate(public_id, expected_version, actor, issued);
}

OrderRecord OrderStore::record_certificate(const std::string& public_id, std::int64_t expected_version,
                                           const Actor& actor, const nlohmann::json& issued) {
  store::WriteTransaction tx(db_);
  const OrderRecord current = load(id_of(public_id));
  require_version(current, expected_version, "retry: the provider returns the same certificate for this order");
  const OrderState issuing = next_state(current.state, Action::StartIssuing, current.facts(), actor);

  const std::string now = store::now_china_time();
  advance(db_, current.id, public_id, expected_version, issuing, now);
  const OrderState done = next_state(issuing, Action::MarkIssued, current.facts(), actor);
  advance(db_, current.id, public_id, expected_version + 1, done, now);

  // The medium's warranty counts from its first issue: a renewal writes onto the same medium, so it
  // inherits the first-issue date; every other business starts a new one.
  std::string first_issued = issued.value("not_before", "");
  const std::string previous = current.request.value("previous_serial", "");
  const auto replaced = previous.empty() ? std::nullopt : find_certificate(db_, current.ca, previous);
  if (replaced && current.business == Business::Renew)
    first_issued = replaced->first_issued.empty() ? replaced->not_before : replaced->first_issued;
  // The provider revoked the certificate a reissue or change replaces (superseded): so does the registry.
  if (replaced && keeps_validity(current.business)) set_certificate_status(db_, current.ca, replaced->serial, "revoked");

  store::CachedStatement insert = db_.statement(
                           "INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, "
                           "status, first_issued, certificate_pem) SELECT customer_id, ca, region, ?, key_type, ?, ?, "
                           "'active', ?, ? FROM orders WHERE id = ?");
  insert->bind(1, issued.value("serial", ""));
  insert->bind(2, issued.value("not_before", ""));
  insert->bind(3, issued.value("not_after", ""));
  insert->bind(4, first_issued);
  insert->bind(5, issued.value("certificate_pem", ""));
  insert->bind(6, static_cast<std::int64_t>(current.id));
  insert->exec();
  const std::int64_t certificate = db_.sqlite().getLastInsertRowid();
  SQLite::Statement link(db_.sqlite(), "UPDATE orders SET certificate_id = ? WHERE id = ?");
  link.bind(1, static_cast<std::int64_t>(certificate));
  link.bind(2, static_cast<std::int64_t>(current.id));
  link.exec();
  store::append_audit_event(db_, {now, actor.login, current.id, "certificate.issued",
                                  {{"order", public_id},
                                   {"serial", issued.value("serial", "")},
                                   {"not_before", issued.value("not_before", "")},
                                   {"not_after", issued.value("not_after", "")}}});
  tx.commit();
  return load(current.id);
}

OrderRecord OrderStore::set_terms(const std::string& public_id, std::int64_t expected_version, const OrderTerms& terms,
                                  const Actor& actor) {
  if (actor.role == Role::Clerk)
    throw WorkflowRefusal("forbidden", "clerk " + actor.login + " may not set an order's price or validity: a reviewer must");
  if (terms.reason.empty())
    throw WorkflowRefusal("reason_required", "say where the price or validity comes from (the CA's price list, a call)");
  if (!terms.total && !terms.years) throw WorkflowRefusal("nothing_to_set", "give total_fen, years or both");
  if (terms.total && *terms.total < 0) throw WorkflowRefusal("invalid_value", "total_fen cannot be negative");
  if (terms.years && (*terms.years < 1 || *terms.years > 10))
    throw WorkflowRefusal("invalid_value", "years must be between 1 and 10");
  store::WriteTransaction tx(db_);
  OrderRecord current = load(id_of(public_id));
  require_version(current, expected_version);
  using S = OrderState;
  const S state = current.state;
  if (!(state == S::Submitted || state == S::UnderReview || state == S::Rejected || state == S::Resubmitted ||
        state == S::Approved || state == S::AwaitingPayment))
    throw WorkflowRefusal("not_allowed_now", "the terms of an order that is " + std::string(code_of(state)) +
                                                 " are settled");
  const std::string now = store::now_china_time();
  json event = {{"order", public_id}, {"reason", terms.reason}};
  std::optional<Date> not_after;
  if (terms.total) {
    if (current.priced)
      throw WorkflowRefusal("already_priced", "this order is priced at " + format_cny(current.total) +
                                                  " CNY; a reviewer records a different amount at payment, with its reason");
    event["total_fen"] = *terms.total;
  }
  if (terms.years) {
    if (!yields_certificate(current.business))
      throw WorkflowRefusal("invalid_value", std::string(cahub::code_of(current.business)) + " issues no certificate");
    if (current.validity.is_object() && current.validity.value("not_after", json()).is_string())
      throw WorkflowRefusal("validity_published", "this order's validity is already given (until " +
                                                      current.validity["not_after"].get<std::string>() + ")");
    not_after = terms.today.plus_years(*terms.years);
    event["years"] = *terms.years;
    event["not_after"] = not_after->iso();
  }
  store::CachedStatement insert = db_.statement(
                           "INSERT INTO order_terms (order_id, total_fen, years, not_before, not_after, reason, set_by, "
                           "set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, static_cast<std::int64_t>(current.id));
  if (terms.total)
    insert->bind(2, static_cast<std::int64_t>(*terms.total));
  else
    insert->bind(2);
  if (terms.years) {
    insert->bind(3, *terms.years);
    insert->bind(4, terms.today.iso());
    insert->bind(5, not_after->iso());
  } else {
    insert->bind(3);
    insert->bind(4);
    insert->bind(5);
  }
  insert->bind(6, terms.reason);
  insert->bind(7, actor.login);
  insert->bind(8, now);
  insert->exec();
  // Terms change what the order is: the version moves, so a payment prepared before is refused.
  if (terms.total && *terms.total == 0 && state == S::AwaitingPayment)
    advance(db_, current.id, public_id, expected_version, S::Approved, now);  // nothing to pay: approved as is
  else
    advance(db_, current.id, public_id, expected_version, state, now);
  audit(db_, now, actor, current.id, "order.terms_set", std::move(event));
  tx.commit();
  return load(current.id);
}

json OrderStore::operation_request(const std::string& public_id, std::int64_t expected_version, const Actor& actor) {
  const OrderRecord o = get(public_id);
  require_version(o, expected_version);
  if (!changes_certificate_status(o.business))
    throw WorkflowRefusal("not_allowed_now", "a " + std::string(cahub::code_of(o.business)) +
                                                 " order is not carried out on a certificate's status");
  (void)next_state(o.state, Action::Complete, o.facts(), actor);  // state and role, as completing it
  const std::string serial = o.request.value("previous_serial", "");
  json request = {{"op", std::string(cahub::code_of(o.business))}, {"serial", serial}, {"order_id", public_id}};
  if (o.business == Business::Revoke) request["reason"] = o.request.value("revocation_reason", "unspecified");
  return request;
}

OrderRecord OrderStore::record_operation(const std::string& public_id, std::int64_t expected_version, const Actor& actor,
                                         const json& answer) {
  store::WriteTransaction tx(db_);
  const OrderRecord current = load(id_of(public_id));
  require_version(current, expected_version, "retry: the certificate is already in its new status");
  const OrderState done = next_state(current.state, Action::Complete, current.facts(), actor);
  const std::string now = store::now_china_time();
  advance(db_, current.id, public_id, expected_version, done, now);
  const std::string serial = answer.value("serial", current.request.value("previous_serial", ""));
  const std::string status = answer.value("status", "");
  const bool registered = set_certificate_status(db_, current.ca, serial, status);
  audit(db_, now, actor, current.id, "certificate." + std::string(cahub::code_of(current.business)),
        {{"order", public_id}, {"serial", serial}, {"status", status}, {"registered", registered}});
  tx.commit();
  return load(current.id);
}

}  // namespace cahub::orders
