#pragma once
// The order workflow as the sources describe the back office: a clerk (受理员) accepts, a reviewer
// (复核员) reviews, rejected applications are edited and resubmitted, payment comes after approval,
// then the provider is asked and the order is delivered. This file is the only place that knows
// which action moves which state, who may take it and what must hold; the repository writes what
// it decides, under the version the decision was made on.
//
//   draft ─submit─► submitted ─start_review─► under_review ─approve─► awaiting_payment ─record_payment─► paid
//                       resubmitted ─start_review─┘  │  ▲                  (approved, when nothing is to pay)
//                            ▲                reject  │  └ start_review
//                            └──resubmit── rejected ◄─┘
//
//   paid│approved ─start_issuing─► issuing ─mark_issued─► issued ─ship│ready_for_pickup─► shipped│ready_for_pickup
//        ▲                            │                                                     ─complete─► completed
//        └──────return_from_issuing───┘  (the provider says it issued nothing)
//
//   paid│approved ─start_carrying_out─► carrying_out ─finish_carrying_out─► completed   (freeze, unfreeze, revoke)
//        ▲                                   │
//        └──────return_from_carrying_out─────┘  (the provider says the status did not change)
//
//   any state before the provider is asked ─cancel─► cancelled;   unlock: paid│approved ─complete─► completed
//
// Who makes each transition: the staff actions through OrderDesk::act (POST .../actions/{a}), the
// provider steps (start_/mark_/return_from_/finish_) only through OrderDesk::issue, ::carry_out and
// ::reconcile, which ask the provider between them.
//
// Invariants (tests/orders/order_workflow_test.cpp checks each by number):
//  W1  A state changes only to what next_state() returned for the version it was read at; the
//      repository's UPDATE repeats the version check, so a decision on a stale order is refused.
//  W2  The clerk who accepted an order does not approve it (four eyes at approval).
//  W3  A payment that differs from the quote is recorded by a reviewer with the reason; one below
//      the quote by a reviewer other than the one who approved the order (four eyes at payment).
//  W4  An order is approved only with every required material received.
//  W5  An unpriced order is not paid before its total is set (set_terms).
//  W6  Once the provider is asked (issuing, carrying_out) the order cannot be cancelled. It leaves
//      that state by the provider's answer, or by the provider's word that nothing happened.
//  W7  Provider steps are never staff actions (is_staff_action()).
//  W8  Completed and cancelled are final.
//  W9  Terms are set before payment, by a reviewer, with a reason, and never over what the rules
//      published.
//  W10 Materials are received only while the order is still being prepared (before the provider
//      is asked).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/coded_error.hpp"
#include "domain/money.hpp"
#include "domain/vocabulary.hpp"
#include "orders/region_scope.hpp"

namespace cahub::orders {

enum class OrderState {
  Draft, Submitted, UnderReview, Rejected, Resubmitted, Approved, AwaitingPayment, Paid, Issuing, Issued,
  Shipped, ReadyForPickup, Completed, Cancelled, CarryingOut
};
enum class Role { Clerk, Reviewer, Admin };
enum class Action {
  Submit, StartReview, Reject, Resubmit, Approve, RecordPayment, StartIssuing, MarkIssued, Ship,
  ReadyForPickup, Complete, Cancel, ReturnFromIssuing, StartCarryingOut, FinishCarryingOut, ReturnFromCarryingOut
};

std::string_view code_of(OrderState s);
std::string_view code_of(Role r);
std::string_view code_of(Action a);
std::optional<OrderState> parse_state(std::string_view code);
std::optional<Role> parse_role(std::string_view code);
std::optional<Action> parse_action(std::string_view code);

// Who acts.
struct Actor {
  std::string login;
  Role role = Role::Clerk;
  RegionScope regions = RegionScope::all();  // which regions' orders, certificates and rules
};

// An administrator of every region: the only one who manages staff accounts and reads the whole
// audit chain (an administrator with a list of regions administers those regions' rules only).
inline bool is_platform_administrator(Role role, const RegionScope& regions) {
  return role == Role::Admin && regions.is_all();
}
inline bool is_platform_administrator(const Actor& a) { return is_platform_administrator(a.role, a.regions); }

// What the workflow needs to know about the order.
struct OrderFacts {
  Business business = Business::New;
  bool priced = true;          // false while any fee line is unpriced and no total is set
  Fen total = 0;               // what is to be paid, in fen
  bool materials_complete = false;
  std::string accepted_by;     // the clerk who submitted it (W2)
  std::string approved_by;     // the reviewer who approved it (W3)
};

// A transition that may not happen now: a stable code for clients, a sentence for clerks.
// Refused (422) unless another person must act (Forbidden, 403: the role, four eyes).
class WorkflowRefusal : public CodedError {
 public:
  WorkflowRefusal(std::string code, const std::string& message)
      : CodedError(ErrorKind::Refused, std::move(code), message) {}
  WorkflowRefusal(ErrorKind kind, std::string code, const std::string& message)
      : CodedError(kind, std::move(code), message) {}
};

// The state `action` leads to from `from`, or WorkflowRefusal saying why not: "not_allowed_now"
// (wrong state), "forbidden" (role), "four_eyes", "materials_missing", "unpriced".
OrderState next_state(OrderState from, Action action, const OrderFacts& order, const Actor& actor);

// W7: whether staff take `action` themselves, rather than the desk around a provider call.
bool is_staff_action(Action action);

// The provider step `actor` may take now: StartIssuing ("issue"), StartCarryingOut ("carry_out"),
// also when the order is already in flight (a retry asks the provider again); none otherwise.
std::optional<Action> provider_step(OrderState from, const OrderFacts& order, const Actor& actor);

// The staff actions `actor` may take now (what a console shows as buttons).
std::vector<Action> available_actions(OrderState from, const OrderFacts& order, const Actor& actor);

// An action the actor's role may take in this state but the order's own facts hold back
// ("four_eyes", "materials_missing", "unpriced"): a console shows it disabled with the reason, so
// a reviewer learns why before clicking rather than after.
struct HeldBackAction {
  Action action;
  std::string code;
  std::string message;
};
std::vector<HeldBackAction> held_back_actions(OrderState from, const OrderFacts& order, const Actor& actor);

// W3: a payment of `amount` with or without an adjustment reason, by `actor`. Throws
// WorkflowRefusal ("amount_mismatch", "forbidden", "four_eyes").
void check_payment(const OrderFacts& order, Fen amount, bool has_adjustment_reason, const Actor& actor);

// W9: what staff may fill in where the rules published nothing.
struct TermsChange {
  bool sets_total = false;
  bool sets_years = false;
  bool has_reason = false;
  bool validity_published = false;  // the order's validity already has an end date
};
void check_terms(OrderState state, const OrderFacts& order, const TermsChange& change, const Actor& actor);

// W10: materials may be received now.
void check_material_receipt(OrderState state);

// The state an order waits in for the provider to be asked: paid, or approved when nothing is to
// be paid. Provider steps return there when the provider did nothing.
OrderState settled_state(const OrderFacts& order);

// No further action: completed or cancelled (W8).
bool is_final(OrderState s);
// Still open (for the region's limits across orders).
inline bool is_open(OrderState s) { return !is_final(s); }
// The provider has been asked and has not answered yet (W6).
inline bool is_in_flight(OrderState s) { return s == OrderState::Issuing || s == OrderState::CarryingOut; }

}  // namespace cahub::orders
