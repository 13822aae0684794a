#pragma once
// The order workflow as the sources describe the back office: a clerk (受理员) accepts, a reviewer
// (复核员) reviews, rejected applications are edited and resubmitted, payment comes after approval,
// then issuing and delivery. One table says which action moves which state, who may take it, and
// what must hold; the store applies a transition in one transaction with the audit event.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/coded_error.hpp"
#include "domain/money.hpp"
#include "domain/vocabulary.hpp"

namespace cahub::orders {

enum class OrderState {
  Draft, Submitted, UnderReview, Rejected, Resubmitted, Approved, AwaitingPayment, Paid, Issuing, Issued,
  Shipped, ReadyForPickup, Completed, Cancelled
};
enum class Role { Clerk, Reviewer, Admin };
enum class Action {
  Submit, StartReview, Reject, Resubmit, Approve, RecordPayment, StartIssuing, MarkIssued, Ship,
  ReadyForPickup, Complete, Cancel
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
};

// What the workflow needs to know about the order.
struct OrderFacts {
  Business business = Business::New;
  bool priced = true;          // false while any fee line is unpriced
  Fen total = 0;               // the frozen quote's total, in fen
  bool materials_complete = false;
  std::string accepted_by;     // the clerk who submitted it (four-eyes: may not approve it)
};

// A transition that may not happen now: a stable code for clients, a sentence for clerks.
class WorkflowRefusal : public CodedError {
 public:
  using CodedError::CodedError;
};

// The state `action` leads to from `from`, or WorkflowRefusal saying why not: "not_allowed_now"
// (wrong state), "forbidden" (role), "four_eyes", "materials_missing", "unpriced".
OrderState next_state(OrderState from, Action action, const OrderFacts& order, const Actor& actor);

// The actions `actor` may take now (what a console shows as buttons).
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

// No further action: completed or cancelled.
bool is_final(OrderState s);
// Still open (for "one open order per applicant ID number per CA").
inline bool is_open(OrderState s) { return !is_final(s); }

}  // namespace cahub::orders
