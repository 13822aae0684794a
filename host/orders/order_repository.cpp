#include "orders/order_repository.hpp"

#include <algorithm>

#include "orders/customer_directory.hpp"
#include "store/digest.hpp"
#include "store/read_transaction.hpp"

namespace cahub::orders {
namespace {

// The columns every read takes, in the order read_row() reads them.
constexpr const char* kColumns =
    "o.id, o.public_id, o.state, o.version, o.business, o.region, o.ca, o.channel, o.key_type, o.applicant_kind, "
    "c.name, o.applicant_identity, o.holder_name, o.holder_id_number, o.previous_serial, o.revocation_reason, "
    "o.accepted_by, o.approved_by, o.due_on, o.created_at, o.updated_at, o.total_fen, o.validity_not_before, "
    "o.validity_not_after, o.validity_basis, o.validity_set_by, "
    "NOT EXISTS (SELECT 1 FROM order_materials m WHERE m.order_id = o.id AND m.received_at IS NULL), "
    "ce.serial, ce.not_before, ce.not_after, ce.status ";
constexpr const char* kFrom =
    "FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN certificates ce ON ce.id = o.certificate_id ";
// The queue's sort key: due date, undated orders last; the indexes are on the same expression.
std::string due_key(store::SqlDialect d) { return store::if_null(d, "o.due_on", "'9999-12-31'"); }

std::optional<Date> date(store::SqlStatement& row, int column) {
  return row.is_null(column) ? std::nullopt : Date::parse(row.text(column));
}

template <typename E> E code_column(store::SqlStatement& row, int column, E fallback) {
  return parse_code<E>(row.text(column)).value_or(fallback);
}

Order read_row(store::SqlStatement& row) {
  Order o;
  o.id = row.int64(0);
  o.public_id = row.text(1);
  o.state = parse_state(row.text(2)).value_or(OrderState::Submitted);
  o.version = row.int64(3);
  o.business = code_column(row, 4, Business::New);
  o.region = row.text(5);
  o.ca = row.text(6);
  o.channel = code_column(row, 7, Channel::Onsite);
  o.key = code_column(row, 8, KeyType::Master);
  o.applicant = {code_column(row, 9, ApplicantKind::Org), row.text(10),
                 row.text(11), row.text(12), row.text(13)};
  o.previous_serial = row.text(14);
  o.revocation_reason = parse_code<RevocationReason>(row.text(15));
  o.accepted_by = row.text(16);
  o.approved_by = row.text(17);
  o.due_on = row.text(18);
  o.created_at = row.text(19);
  o.updated_at = row.text(20);
  o.priced = !row.is_null(21);
  o.total = o.priced ? row.int64(21) : 0;
  o.validity = {date(row, 22), date(row, 23), row.text(24), row.text(25)};
  o.materials_complete = row.int64(26) != 0;
  if (!row.is_null(27))
    o.certificate = IssuedCertificate{row.text(27), row.text(28),
                                      row.text(29), row.text(30), {}};
  return o;
}

void bind_text_or_null(store::SqlStatement& s, int index, const std::string& value) {
  if (value.empty())
    s.bind_null(index);
  else
    s.bind(index, value);
}

void bind_date_or_null(store::SqlStatement& s, int index, const std::optional<Date>& value) {
  if (value)
    s.bind(index, value->iso());
  else
    s.bind_null(index);
}

template <typename Int> void bind_or_null(store::SqlStatement& s, int index, const std::optional<Int>& value) {
  if (value)
    s.bind(index, static_cast<std::int64_t>(*value));
  else
    s.bind_null(index);
}

}  // namespace

bool looks_like_identity(std::string_view t) {
  if (t.size() != 18) return false;
  for (char c : t)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

std::optional<OrderCursor> OrderCursor::parse(std::string_view t) {
  const auto dot = t.rfind('.');
  if (dot != 10 || t.size() > 32) return std::nullopt;
  const std::string_view id = t.substr(dot + 1);
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const std::string due(t.substr(0, dot));
  if (!Date::parse(due)) return std::nullopt;
  return OrderCursor{due, std::stoll(std::string(id))};
}

std::int64_t OrderRepository::id_of(const std::string& public_id) {
  auto find = db_.query("SELECT id FROM orders WHERE public_id = ?");
  find->bind(1, public_id);
  if (!find->next_row()) throw OrderNotFound("no order " + public_id);
  return find->int64(0);
}

Order OrderRepository::get(const std::string& public_id) {
  store::ReadTransaction snapshot(db_);  // the id and the order it names, as of one moment
  return load(id_of(public_id));
}

Order OrderRepository::load(std::int64_t id) {
  store::ReadTransaction snapshot(db_);  // the row and its materials, payments and terms, as of one moment
  auto row = db_.query(std::string("SELECT ") + kColumns +
                                             ", o.request_json, o.quote_json, coalesce(ce.certificate_pem, '') " +
                                             kFrom + "WHERE o.id = ?");
  row->bind(1, id);
  if (!row->next_row()) throw OrderNotFound("no order with id " + std::to_string(id));
  Order o = read_row(*row);
  o.request = nlohmann::json::parse(row->text(31), nullptr, false);
  o.quote = nlohmann::json::parse(row->text(32), nullptr, false);
  if (o.certificate) o.certificate->certificate_pem = row->text(33);
  row.reset();  // done with it: read_details() reads on the same connection
  read_details(o);
  return o;
}

// The materials, payments and terms of one order: three indexed reads.
void OrderRepository::read_details(Order& o) {
  auto materials = db_.query(
      "SELECT code, name, received_at, received_by, file_name, file_bytes, (SELECT sha256 FROM material_files f "
      "WHERE f.order_id = m.order_id AND f.code = m.code ORDER BY f.id DESC LIMIT 1) "
      "FROM order_materials m WHERE order_id = ? ORDER BY position");
  materials->bind(1, o.id);
  while (materials->next_row()) {
    MaterialStatus m{materials->text(0), materials->text(1),
                     materials->text(2), materials->text(3), materials->text(4),
                     std::nullopt, materials->text(6)};
    if (!materials->is_null(5)) m.file_bytes = materials->int64(5);
    o.materials.push_back(std::move(m));
  }
  auto payments = db_.query(
      "SELECT method, amount_fen, voucher, adjustment_reason, recorded_by, recorded_at FROM payments "
      "WHERE order_id = ? ORDER BY id");
  payments->bind(1, o.id);
  while (payments->next_row())
    o.payments.push_back({code_column(*payments, 0, PaymentMethod::Cash), payments->int64(1),
                          payments->text(2), payments->text(3),
                          payments->text(4), payments->text(5)});
  auto terms = db_.query(
      "SELECT total_fen, years, reason, set_by, set_at FROM order_terms WHERE order_id = ? ORDER BY id");
  terms->bind(1, o.id);
  while (terms->next_row()) {
    TermsRecord t{std::nullopt, std::nullopt, terms->text(2), terms->text(3),
                  terms->text(4)};
    if (!terms->is_null(0)) t.total = terms->int64(0);
    if (!terms->is_null(1)) t.years = static_cast<int>(terms->int64(1));
    o.terms.push_back(std::move(t));
  }
}

std::optional<OrderRepository::Earlier> OrderRepository::find_by_idempotency_key(const std::string& key) {
  auto earlier = db_.query("SELECT id, public_id, request_hash FROM orders WHERE idempotency_key = ?");
  earlier->bind(1, key);
  if (!earlier->next_row()) return std::nullopt;
  return Earlier{earlier->int64(0), earlier->text(1),
                 earlier->text(2)};
}

namespace {

// The WHERE clause of a filter, with only the conditions it sets, so that the planner sees plain
// equalities and picks orders_by_applicant, orders_queue or orders_by_due (an `? IS NULL OR`
// condition would hide them). Parameters are named, so one binding fits every variant. A scope of
// some regions is `o.region IN (:region0, ...)`, one bound parameter per region (the statement is
// cached per count); the planner still sorts by orders_queue or orders_by_due and filters each row.
std::string where_of(const OrderFilter& f, bool with_cursor, store::SqlDialect d) {
  std::string where = "WHERE 1 = 1";
  if (f.state) where += " AND o.state = :state";
  if (!f.region.empty()) where += " AND o.region = :region";
  if (!f.regions.is_all()) {
    where += " AND o.region IN (";
    for (std::size_t i = 0; i < f.regions.regions().size(); ++i)
      where += (i ? ", :region" : ":region") + std::to_string(i);
    where += ")";
  }
  if (!f.ca.empty()) where += " AND o.ca = :ca";
  if (looks_like_identity(f.applicant))
    where += " AND o.applicant_identity = :applicant";
  else if (!f.applicant.empty())
    where += " AND o.customer_id IN (SELECT id FROM customers WHERE " + store::contains(d, "name", ":applicant") + ")";
  if (with_cursor) where += " AND (" + due_key(d) + ", o.id) > (:due, :after)";
  return where;
}

void bind_filter(store::SqlStatement& s, const OrderFilter& f) {
  if (f.state) s.bind(":state", std::string(code_of(*f.state)));
  if (!f.region.empty()) s.bind(":region", f.region);
  for (std::size_t i = 0; i < f.regions.regions().size(); ++i)
    s.bind(":region" + std::to_string(i), f.regions.regions()[i]);
  if (!f.ca.empty()) s.bind(":ca", f.ca);
  if (!f.applicant.empty()) s.bind(":applicant", f.applicant);
}

}  // namespace

std::string OrderRepository::list_statement(const OrderFilter& f, bool with_cursor, store::SqlDialect d) {
  return std::string("SELECT ") + kColumns + kFrom + where_of(f, with_cursor, d) + " ORDER BY " + due_key(d) +
         ", o.id LIMIT :limit";
}

OrderPage OrderRepository::list(const OrderFilter& f, const std::optional<OrderCursor>& after, int limit) {
  store::ReadTransaction snapshot(db_);  // the page and the counts, as of one moment
  OrderPage page;
  auto rows = db_.query(list_statement(f, after.has_value(), db_.dialect()));
  bind_filter(*rows, f);
  if (after) {
    rows->bind(":due", after->due);
    rows->bind(":after", after->id);
  }
  rows->bind(":limit", limit + 1);  // one more tells whether another page follows
  while (rows->next_row()) page.orders.push_back(read_row(*rows));
  if (static_cast<int>(page.orders.size()) > limit) {
    page.orders.pop_back();
    const Order& last = page.orders.back();
    page.next = OrderCursor{last.due_on.empty() ? "9999-12-31" : last.due_on, last.id};
  }
  auto counts = db_.query("SELECT o.state, count(*) FROM orders o " + where_of(f, false, db_.dialect()) +
                " GROUP BY o.state ORDER BY o.state" + db_.bytewise());  // one order on both stores
  bind_filter(*counts, f);
  while (counts->next_row())
    if (auto s = parse_state(counts->text(0))) page.counts.emplace_back(*s, counts->int64(1));
  return page;
}

MaterialFile OrderRepository::material_file(const std::string& public_id, const std::string& code) {
  auto row = db_.query(
      "SELECT file_name, media_type, sha256, content FROM material_files WHERE order_id = ? AND code = ? "
      "ORDER BY id DESC LIMIT 1");
  row->bind(1, id_of(public_id));
  row->bind(2, code);
  if (!row->next_row()) throw OrderNotFound("order " + public_id + " has no uploaded file for \"" + code + "\"");
  return {row->text(0), row->text(1), row->text(2), row->blob(3)};
}

std::vector<std::string> OrderRepository::in_flight(const std::string& changed_before) {
  auto rows = db_.query(
      "SELECT public_id FROM orders WHERE state IN ('issuing', 'carrying_out') AND (?1 = '' OR updated_at < ?1) "
      "ORDER BY id");
  rows->bind(1, changed_before);
  std::vector<std::string> out;
  while (rows->next_row()) out.push_back(rows->text(0));
  return out;
}

// SQLite has one writer, so the next id is the largest one plus one, without gaps. Hosts sharing
// PostgreSQL draw from the column's identity sequence, which never hands one number out twice (a
// rolled-back creation leaves a gap in the public ids).
std::int64_t OrderRepository::next_order_id() {
  auto next = db_.query(db_.dialect() == store::SqlDialect::postgres
                            ? "SELECT nextval(pg_get_serial_sequence('orders', 'id'))"
                            : "SELECT coalesce(max(id), 0) + 1 FROM orders");
  next->next_row();
  return next->int64(0);
}

OrderRepository::Inserted OrderRepository::insert(const NewOrder& o, const std::string& clerk,
                                                  const std::string& now) {
  const OrderRequest& r = *o.request;
  const bool org = r.quote.applicant != ApplicantKind::Person;
  CustomerRecord customer = customer_for(db_, {org, r.applicant.name, r.identity()}, now);
  const std::int64_t id = next_order_id();
  char public_id[32];
  std::snprintf(public_id, sizeof public_id, "ORD-%s-%06lld", now.substr(0, 4).c_str(), static_cast<long long>(id));
  auto insert = db_.query(
      "INSERT INTO orders (id, public_id, business, region, ca, customer_id, channel, years, key_type, state, "
      "quote_json, version, idempotency_key, request_hash, created_at, updated_at, request_json, accepted_by, due_on, "
      "total_fen, validity_not_before, validity_not_after, validity_basis, previous_serial, revocation_reason, "
      "applicant_kind, applicant_identity, holder_name, holder_id_number, rules_release) VALUES (?1, ?2, ?3, ?4, ?5, "
      "?6, ?7, ?8, ?9, 'submitted', ?10, 1, ?11, ?12, ?13, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
      "?25, ?26, ?27)");
  store::SqlStatement& s = *insert;
  s.bind(1, id);
  s.bind(2, std::string(public_id));
  s.bind(3, std::string(code_of(r.quote.business)));
  s.bind(4, r.quote.region);
  s.bind(5, r.quote.ca);
  s.bind(6, customer.id);
  s.bind(7, std::string(code_of(r.quote.channel)));
  bind_or_null(s, 8, o.years);
  s.bind(9, std::string(code_of(r.quote.key)));
  s.bind(10, o.quote_json);
  s.bind(11, o.idempotency_key);
  s.bind(12, r.request_hash);
  s.bind(13, now);
  s.bind(14, o.request_json);
  s.bind(15, clerk);
  bind_date_or_null(s, 16, o.due_on);
  bind_or_null(s, 17, o.priced ? std::optional<Fen>(o.total) : std::nullopt);
  bind_date_or_null(s, 18, o.validity_not_before);
  bind_date_or_null(s, 19, o.validity_not_after);
  bind_text_or_null(s, 20, o.validity_basis);
  bind_text_or_null(s, 21, r.previous_serial);
  bind_text_or_null(s, 22, r.revocation_reason ? std::string(code_of(*r.revocation_reason)) : std::string());
  s.bind(23, std::string(code_of(r.quote.applicant)));
  s.bind(24, r.identity());
  bind_text_or_null(s, 25, r.quote.applicant == ApplicantKind::OrgPerson ? r.applicant.person_name : std::string());
  bind_text_or_null(s, 26, r.quote.applicant == ApplicantKind::OrgPerson ? r.applicant.id_number : std::string());
  bind_or_null(s, 27, o.rules_release);
  s.run();
  std::int64_t position = 0;
  for (const auto& [code, name] : o.materials) {
    // A code listed twice keeps its first name and place.
    auto material = db_.query("INSERT INTO order_materials (order_id, code, name, position) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT DO NOTHING");
    material->bind(1, id);
    material->bind(2, code);
    material->bind(3, name);
    material->bind(4, ++position);
    material->run();
  }
  return {{id, public_id, 1}, std::move(customer.name)};
}

// Column by column what insert() binds and read_row() reads back: NULL for an empty text or date
// reads as empty, a code as the value it codes, and a material listed twice keeps its first name.
Order inserted_order(const NewOrder& o, const OrderRepository::Inserted& inserted, const std::string& clerk,
                     const std::string& now, nlohmann::json quote) {
  const OrderRequest& r = *o.request;
  const bool org_person = r.quote.applicant == ApplicantKind::OrgPerson;
  Order out;
  out.id = inserted.ref.id;
  out.public_id = inserted.ref.public_id;
  out.state = OrderState::Submitted;
  out.version = inserted.ref.version;
  out.business = r.quote.business;
  out.region = r.quote.region;
  out.ca = r.quote.ca;
  out.channel = r.quote.channel;
  out.key = r.quote.key;
  out.applicant = {r.quote.applicant, inserted.customer_name, r.identity(),
                   org_person ? r.applicant.person_name : std::string(),
                   org_person ? r.applicant.id_number : std::string()};
  out.previous_serial = r.previous_serial;
  out.revocation_reason = r.revocation_reason;
  out.accepted_by = clerk;
  out.due_on = o.due_on ? o.due_on->iso() : std::string();
  out.created_at = out.updated_at = now;
  out.priced = o.priced;
  out.total = o.priced ? o.total : 0;
  out.validity = {o.validity_not_before, o.validity_not_after, o.validity_basis, {}};
  for (const auto& [code, name] : o.materials)
    if (std::none_of(out.materials.begin(), out.materials.end(), [&](const MaterialStatus& m) { return m.code == code; }))
      out.materials.push_back({code, name, {}, {}, {}, std::nullopt, {}});
  out.materials_complete = out.materials.empty();
  out.request = r.as_received;
  out.quote = std::move(quote);
  return out;
}

std::int64_t OrderRepository::advance(const OrderRef& ref, OrderState next, const std::string& now) {
  // The version check is in the UPDATE itself: a writer that slipped in since the decision was
  // read cannot be overwritten (W1).
  auto update = db_.query("UPDATE orders SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
  update->bind(1, std::string(code_of(next)));
  update->bind(2, now);
  update->bind(3, ref.id);
  update->bind(4, ref.version);
  if (update->run() != 1)
    throw OrderConflict("version_conflict", "order " + ref.public_id + " changed since version " +
                                                std::to_string(ref.version) + ": someone else acted first");
  return ref.version + 1;
}

void OrderRepository::set_approved_by(std::int64_t id, const std::string& login) {
  auto update = db_.query("UPDATE orders SET approved_by = ? WHERE id = ?");
  update->bind(1, login);
  update->bind(2, id);
  update->run();
}

void OrderRepository::insert_payment(std::int64_t id, const NewPayment& p, const std::string& login,
                                     const std::string& now) {
  auto insert = db_.query(
      "INSERT INTO payments (order_id, method, amount_fen, voucher, adjustment_reason, recorded_by, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, id);
  insert->bind(2, std::string(code_of(p.method)));
  insert->bind(3, p.amount);
  bind_text_or_null(*insert, 4, p.voucher);
  bind_text_or_null(*insert, 5, p.adjustment_reason);
  insert->bind(6, login);
  insert->bind(7, now);
  insert->run();
}

void OrderRepository::insert_terms(std::int64_t id, const NewTerms& t, const std::string& login, const std::string& now) {
  auto insert = db_.query(
      "INSERT INTO order_terms (order_id, total_fen, years, not_before, not_after, reason, set_by, set_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, id);
  bind_or_null(*insert, 2, t.total);
  bind_or_null(*insert, 3, t.years);
  bind_date_or_null(*insert, 4, t.years ? t.not_before : std::nullopt);
  bind_date_or_null(*insert, 5, t.years ? t.not_after : std::nullopt);
  insert->bind(6, t.reason);
  insert->bind(7, login);
  insert->bind(8, now);
  insert->run();
  // The order's own columns follow the latest terms: what every read and the provider see.
  auto update = db_.query(
      "UPDATE orders SET total_fen = coalesce(?1, total_fen), validity_not_before = coalesce(?2, validity_not_before), "
      "validity_not_after = coalesce(?3, validity_not_after), validity_basis = CASE WHEN ?3 IS NULL THEN "
      "validity_basis ELSE 'set_by_staff' END, validity_set_by = CASE WHEN ?3 IS NULL THEN validity_set_by ELSE ?4 END "
      "WHERE id = ?5");
  bind_or_null(*update, 1, t.total);
  bind_date_or_null(*update, 2, t.years ? t.not_before : std::nullopt);
  bind_date_or_null(*update, 3, t.years ? t.not_after : std::nullopt);
  update->bind(4, login);
  update->bind(5, id);
  update->run();
}

bool OrderRepository::tick_material(std::int64_t id, const std::string& code, const std::string& login,
                                    const std::string& now, const std::string& file_name,
                                    std::optional<std::int64_t> file_bytes) {
  auto update = db_.query(
      "UPDATE order_materials SET received_at = ?, received_by = ?, file_name = ?, file_bytes = ? "
      "WHERE order_id = ? AND code = ?");
  update->bind(1, now);
  update->bind(2, login);
  bind_text_or_null(*update, 3, file_name);
  bind_or_null(*update, 4, file_bytes);
  update->bind(5, id);
  update->bind(6, code);
  return update->run() == 1;
}

std::string OrderRepository::replace_material_file(std::int64_t id, const std::string& code, const UploadedFile& file,
                                                   const std::string& login, const std::string& now) {
  const std::string sha256 = store::sha256_hex(file.content);
  // Within the caller's transaction: the earlier file goes only if the new one commits, so a
  // crash leaves one or the other, never none and never both.
  auto earlier = db_.query("DELETE FROM material_files WHERE order_id = ? AND code = ?");
  earlier->bind(1, id);
  earlier->bind(2, code);
  earlier->run();
  auto insert = db_.query(
      "INSERT INTO material_files (order_id, code, file_name, media_type, bytes, sha256, content, uploaded_by, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, id);
  insert->bind(2, code);
  insert->bind(3, file.file_name);
  insert->bind(4, file.media_type);
  insert->bind(5, static_cast<std::int64_t>(file.content.size()));
  insert->bind(6, sha256);
  insert->bind_blob(7, file.content);
  insert->bind(8, login);
  insert->bind(9, now);
  insert->run();
  return sha256;
}

void OrderRepository::record_certificate(std::int64_t id, const NewCertificate& c) {
  auto insert = db_.query(
      "INSERT INTO certificates (customer_id, ca, region, serial, key_type, not_before, not_after, status, "
      "first_issued, certificate_pem) SELECT customer_id, ca, region, ?, key_type, ?, ?, 'active', ?, ? "
      "FROM orders WHERE id = ? RETURNING id");
  insert->bind(1, c.serial);
  insert->bind(2, c.not_before.iso());
  insert->bind(3, c.not_after.iso());
  bind_date_or_null(*insert, 4, c.first_issued);
  insert->bind(5, c.certificate_pem);
  insert->bind(6, id);
  if (!insert->next_row()) throw OrderNotFound("no order with id " + std::to_string(id));
  const std::int64_t certificate = insert->int64(0);
  insert.reset();
  auto link = db_.query("UPDATE orders SET certificate_id = ? WHERE id = ?");
  link->bind(1, certificate);
  link->bind(2, id);
  link->run();
}

}  // namespace cahub::orders
