#pragma once
// Orders in the store (SQLite or PostgreSQL: store/sql_connection.hpp), and nothing else: typed
// rows in, typed rows out. The repository knows no
// workflow rule, no provider and no JSON output; the desk decides (orders/order_workflow.hpp) and
// the repository writes what was decided, each state change under the version it was decided on.
//
// Reads run on any connection (a worker's); writes run inside the caller's WriteTransaction (a
// writer job of the group committer), and each returns what the job needs to answer: the order's
// id and new version. The same code runs on both stores; where their SQL differs the connection's
// dialect says so (the queue's sort key, the next id).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "orders/order.hpp"
#include "orders/region_scope.hpp"
#include "store/sql_connection.hpp"

namespace cahub::orders {

// The queue's filter; empty strings mean "any".
struct OrderFilter {
  std::optional<OrderState> state;
  std::string region, ca;
  // A USCC or ID number (18 letters and digits: matched exactly, by index), or else a part of the
  // applicant's name.
  std::string applicant;
  // The regions the caller covers: only their orders are listed and counted (issue 16).
  RegionScope regions = RegionScope::all();
};

// Where a page of the queue ends: the sort key (due date, undated last) and the id of its last
// order. Opaque to clients as "<due>.<id>", e.g. "2026-03-05.1042".
struct OrderCursor {
  std::string due;
  std::int64_t id = 0;
  std::string text() const { return due + "." + std::to_string(id); }
  static std::optional<OrderCursor> parse(std::string_view text);
};

struct OrderPage {
  std::vector<Order> orders;  // summaries: no materials, payments, terms, request or quote
  std::optional<OrderCursor> next;  // set when more orders follow
  std::vector<std::pair<OrderState, std::int64_t>> counts;  // per state, across the whole filter
};

// What a writer job records with a payment.
struct NewPayment {
  PaymentMethod method = PaymentMethod::Cash;
  Fen amount = 0;
  std::string voucher, adjustment_reason;
};

// What a writer job records with terms staff set.
struct NewTerms {
  std::optional<Fen> total;
  std::optional<int> years;
  std::optional<Date> not_before, not_after;
  std::string reason;
};

// A certificate the provider issued, to be entered in the registry.
struct NewCertificate {
  std::string serial;
  Date not_before, not_after;
  std::optional<Date> first_issued;
  std::string certificate_pem;
};

class OrderRepository {
 public:
  explicit OrderRepository(store::SqlConnection& db) : db_(db) {}

  // Reads.
  Order get(const std::string& public_id);  // the whole order; OrderNotFound
  Order load(std::int64_t id);
  struct Earlier {
    std::int64_t id;
    std::string public_id, request_hash;
  };
  std::optional<Earlier> find_by_idempotency_key(const std::string& key);
  // Sorted by SLA due date (undated last), then age: what a clerk works through first. Two
  // statements: the page (with one order more, to know whether another follows) and the counts.
  OrderPage list(const OrderFilter& filter, const std::optional<OrderCursor>& after, int limit);
  // The page's statement for `filter` (named parameters :state, :region, :ca, :applicant, :due,
  // :after, :limit, and :region0, :region1, ... for a scope of some regions), as list() runs it:
  // tests read its plan.
  static std::string list_statement(const OrderFilter& filter, bool with_cursor,
                                    store::SqlDialect dialect = store::SqlDialect::sqlite);
  MaterialFile material_file(const std::string& public_id, const std::string& code);  // OrderNotFound
  // Public ids of orders waiting for the provider; with `changed_before` (a China time, as
  // updated_at), only those that have not changed since.
  std::vector<std::string> in_flight(const std::string& changed_before = {});

  // Writes, inside the caller's WriteTransaction.
  // What insert() wrote: the order, and the name its customer record holds (an existing customer
  // keeps the name it was first recorded with, whatever this order spelt).
  struct Inserted {
    OrderRef ref;
    std::string customer_name;
  };
  Inserted insert(const NewOrder& order, const std::string& clerk, const std::string& now);
  // Moves the order to `next` if it is still at `ref.version`; OrderConflict "version_conflict"
  // otherwise. Returns the new version.
  std::int64_t advance(const OrderRef& ref, OrderState next, const std::string& now);
  void set_approved_by(std::int64_t id, const std::string& login);
  void insert_payment(std::int64_t id, const NewPayment& payment, const std::string& login, const std::string& now);
  void insert_terms(std::int64_t id, const NewTerms& terms, const std::string& login, const std::string& now);
  // Ticks a required material off; false when the order requires no such material.
  bool tick_material(std::int64_t id, const std::string& code, const std::string& login, const std::string& now,
                     const std::string& file_name, std::optional<std::int64_t> file_bytes);
  // Stores an uploaded file in place of any earlier one for the same material (uploads stay
  // bounded: one file per required material, each within the provider's and the body's limits);
  // returns its SHA-256 (hex). The audit trail keeps every version's name, size and digest.
  std::string replace_material_file(std::int64_t id, const std::string& code, const UploadedFile& file,
                                    const std::string& login, const std::string& now);
  // Enters the certificate in the registry under the order's customer, CA and region, and links it.
  void record_certificate(std::int64_t id, const NewCertificate& certificate);

 private:
  std::int64_t id_of(const std::string& public_id);
  std::int64_t next_order_id();
  void read_details(Order& order);
  store::SqlConnection& db_;
};

// The order insert() wrote, exactly as get() would read it back at once, built from what was
// inserted instead: the answer to a creation then needs no read on a connection whose page cache
// the writer's commits keep emptying. `quote` is the JSON that order.quote_json was serialised
// from; `clerk` and `now` what insert() was given. A test holds it equal to get() for every shape
// of order, so a column added to one must be added to the other.
Order inserted_order(const NewOrder& order, const OrderRepository::Inserted& inserted, const std::string& clerk,
                     const std::string& now, nlohmann::json quote);

// A USCC or resident ID number: 18 digits and capital letters.
bool looks_like_identity(std::string_view text);

}  // namespace cahub::orders
