#include "orders/order_workflow.hpp"

#include <array>
#include <initializer_list>

namespace cahub::orders {
namespace {

using S = OrderState;

constexpr std::array<std::string_view, 15> kStates = {
    "draft", "submitted", "under_review", "rejected", "resubmitted", "approved", "awaiting_payment", "paid",
    "issuing", "issued", "shipped", "ready_for_pickup", "completed", "cancelled", "carrying_out"};
constexpr std::array<std::string_view, 3> kRoles = {"clerk", "reviewer", "admin"};
constexpr std::array<std::string_view, 16> kActions = {
    "submit", "start_review", "reject", "resubmit", "approve", "record_payment", "start_issuing", "mark_issued",
    "ship", "ready_for_pickup", "complete", "cancel", "return_from_issuing", "start_carrying_out",
    "finish_carrying_out", "return_from_carrying_out"};

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::string_view, N>& codes, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (codes[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

// One row per action: the states it starts from, who may take it, whether staff take it (W7),
// and whether it also starts from the order's settled state (paid, or approved when nothing is
// to pay: which one depends on the order). Admins may take every staff action. The guards beyond
// state and role are in guard().
struct Row {
  Action action;
  std::initializer_list<S> from;
  std::initializer_list<Role> roles;
  bool staff;
  bool from_settled = false;
};
constexpr bool kSettled = true;
const Row kTable[] = {
    {Action::Submit, {S::Draft}, {Role::Clerk}, true},
    {Action::StartReview, {S::Submitted, S::Resubmitted}, {Role::Reviewer}, true},
    {Action::Reject, {S::UnderReview}, {Role::Reviewer}, true},
    {Action::Resubmit, {S::Rejected}, {Role::Clerk}, true},
    {Action::Approve, {S::UnderReview}, {Role::Reviewer}, true},
    {Action::RecordPayment, {S::AwaitingPayment}, {Role::Clerk, Role::Reviewer}, true},
    {Action::StartIssuing, {}, {Role::Clerk, Role::Reviewer}, false, kSettled},
    {Action::MarkIssued, {S::Issuing}, {Role::Clerk, Role::Reviewer}, false},
    {Action::ReturnFromIssuing, {S::Issuing}, {Role::Clerk, Role::Reviewer}, false},
    {Action::Ship, {S::Issued}, {Role::Clerk}, true},
    {Action::ReadyForPickup, {S::Issued}, {Role::Clerk}, true},
    {Action::Complete, {S::Shipped, S::ReadyForPickup}, {Role::Clerk, Role::Reviewer}, true, kSettled},
    {Action::StartCarryingOut, {}, {Role::Clerk, Role::Reviewer}, false, kSettled},
    {Action::FinishCarryingOut, {S::CarryingOut}, {Role::Clerk, Role::Reviewer}, false},
    {Action::ReturnFromCarryingOut, {S::CarryingOut}, {Role::Clerk, Role::Reviewer}, false},
    // "Cancelled from any state before issuing": once the provider is asked the order runs its course (W6).
    {Action::Cancel,
     {S::Draft, S::Submitted, S::UnderReview, S::Rejected, S::Resubmitted, S::Approved, S::AwaitingPayment, S::Paid},
     {Role::Clerk, Role::Reviewer},
     true},
};

const Row& row_of(Action action) {
  for (const Row& r : kTable)
    if (r.action == action) return r;
  throw WorkflowRefusal("not_allowed_now", "unknown action");
}

[[noreturn]] void refuse(const char* code, const std::string& message) { throw WorkflowRefusal(code, message); }
[[noreturn]] void forbid(const char* code, const std::string& message) {
  throw WorkflowRefusal(ErrorKind::Forbidden, code, message);
}

bool needs_payment(const OrderFacts& order) { return !order.priced || order.total > 0; }

void require_state(const Row& row, OrderState from, const OrderFacts& order) {
  if (row.from_settled && from == settled_state(order)) return;
  for (S s : row.from)
    if (s == from) return;
  refuse("not_allowed_now", "cannot " + std::string(code_of(row.action)) + " an order that is " +
                                std::string(code_of(from)));
}

void require_role(const Row& row, const Actor& actor) {
  if (actor.role == Role::Admin) return;
  for (Role r : row.roles)
    if (r == actor.role) return;
  forbid("forbidden", std::string(code_of(actor.role)) + " " + actor.login + " may not " +
                          std::string(code_of(row.action)) + " an order");
}

// What must hold beyond state and role, and where the action leads.
OrderState guard(Action action, OrderState from, const OrderFacts& order, const Actor& actor) {
  const bool issues = yields_certificate(order.business);
  const bool carried_out = changes_certificate_status(order.business);
  switch (action) {
    case Action::Submit: return S::Submitted;
    case Action::StartReview: return S::UnderReview;
    case Action::Reject: return S::Rejected;
    case Action::Resubmit: return S::Resubmitted;
    case Action::Approve:
      if (!order.accepted_by.empty() && actor.login == order.accepted_by)  // W2
        forbid("four_eyes", actor.login + " accepted this order and may not also approve it: another reviewer must");
      if (!order.materials_complete) refuse("materials_missing", "a required material has not been received");  // W4
      // Payment follows approval (NMGCA: "资料审核通过" before paying); a free business skips it.
      return needs_payment(order) ? S::AwaitingPayment : S::Approved;
    case Action::RecordPayment:
      if (!order.priced)  // W5
        refuse("unpriced", "the order has an unpriced fee line: a reviewer must set its total before payment");
      return S::Paid;
    case Action::StartIssuing:
      if (!issues) refuse("not_allowed_now", std::string(cahub::code_of(order.business)) + " issues no certificate");
      return S::Issuing;
    case Action::MarkIssued: return S::Issued;
    case Action::ReturnFromIssuing: case Action::ReturnFromCarryingOut: return settled_state(order);
    case Action::Ship: return S::Shipped;
    case Action::ReadyForPickup: return S::ReadyForPickup;
    case Action::Complete:
      // A certificate is complete once delivered; unlock once paid (or approved); freeze, unfreeze
      // and revoke once the provider carried them out.
      if (carried_out)
        refuse("carry_out_required", "a " + std::string(cahub::code_of(order.business)) +
                                         " order is completed by carrying it out through the provider (carry_out)");
      if (issues != (from == S::Shipped || from == S::ReadyForPickup))
        refuse("not_allowed_now", "cannot complete an order that is " + std::string(code_of(from)));
      return S::Completed;
    case Action::StartCarryingOut:
      if (!carried_out)
        refuse("not_allowed_now", "a " + std::string(cahub::code_of(order.business)) +
                                      " order is not carried out on a certificate's status");
      return S::CarryingOut;
    case Action::FinishCarryingOut: return S::Completed;
    case Action::Cancel: return S::Cancelled;
  }
  refuse("not_allowed_now", "unknown action");
}

}  // namespace

std::string_view code_of(OrderState s) { return kStates[static_cast<std::size_t>(s)]; }
std::string_view code_of(Role r) { return kRoles[static_cast<std::size_t>(r)]; }
std::string_view code_of(Action a) { return kActions[static_cast<std::size_t>(a)]; }
std::optional<OrderState> parse_state(std::string_view code) { return parse<OrderState>(kStates, code); }
std::optional<Role> parse_role(std::string_view code) { return parse<Role>(kRoles, code); }
std::optional<Action> parse_action(std::string_view code) { return parse<Action>(kActions, code); }

bool is_final(OrderState s) { return s == S::Completed || s == S::Cancelled; }

OrderState settled_state(const OrderFacts& order) { return needs_payment(order) ? S::Paid : S::Approved; }

bool is_staff_action(Action action) { return row_of(action).staff; }

OrderState next_state(OrderState from, Action action, const OrderFacts& order, const Actor& actor) {
  const Row& row = row_of(action);
  require_state(row, from, order);
  require_role(row, actor);
  return guard(action, from, order, actor);
}

std::optional<Action> provider_step(OrderState from, const OrderFacts& order, const Actor& actor) {
  // In flight, the step is retried from where it stands, by whoever may finish it.
  const auto [start, finish] = yields_certificate(order.business)
                                   ? std::pair{Action::StartIssuing, Action::MarkIssued}
                                   : std::pair{Action::StartCarryingOut, Action::FinishCarryingOut};
  try {
    (void)next_state(from, is_in_flight(from) ? finish : start, order, actor);
    return start;
  } catch (const WorkflowRefusal&) {
    return std::nullopt;
  }
}

std::vector<Action> available_actions(OrderState from, const OrderFacts& order, const Actor& actor) {
  std::vector<Action> out;
  for (const Row& row : kTable) {
    if (!row.staff) continue;
    try {
      (void)next_state(from, row.action, order, actor);
      out.push_back(row.action);
    } catch (const WorkflowRefusal&) {
    }
  }
  return out;
}

std::vector<HeldBackAction> held_back_actions(OrderState from, const OrderFacts& order, const Actor& actor) {
  std::vector<HeldBackAction> out;
  for (const Row& row : kTable) {
    if (!row.staff) continue;
    try {
      (void)next_state(from, row.action, order, actor);
    } catch (const WorkflowRefusal& e) {
      // Wrong state or wrong role is simply not this person's button; anything else is a reason.
      if (e.code() != "not_allowed_now" && e.code() != "forbidden" && e.code() != "carry_out_required")
        out.push_back({row.action, e.code(), e.what()});
    }
  }
  return out;
}

void check_payment(const OrderFacts& order, Fen amount, bool has_adjustment_reason, const Actor& actor) {
  if (amount == order.total) return;
  if (!has_adjustment_reason)
    // A conflict with the frozen quote, as the API has always answered it (409).
    throw WorkflowRefusal(ErrorKind::Conflict, "amount_mismatch",
                          "the payment is " + format_cny(amount) + " CNY but the quote is " + format_cny(order.total) +
                              " CNY; a reviewer must record an adjustment with its reason");
  if (actor.role == Role::Clerk)
    forbid("forbidden", "only a reviewer may record a payment that differs from the quote");
  // W3: money waived is a decision a second person takes; the approver already took the first.
  if (amount < order.total && !order.approved_by.empty() && actor.login == order.approved_by)
    forbid("four_eyes", actor.login + " approved this order and may not also record a payment below the quote: "
                                      "another reviewer must");
}

void check_terms(OrderState state, const OrderFacts& order, const TermsChange& change, const Actor& actor) {
  if (actor.role == Role::Clerk)
    forbid("forbidden", "clerk " + actor.login + " may not set an order's price or validity: a reviewer must");
  if (!change.has_reason)
    refuse("reason_required", "say where the price or validity comes from (the CA's price list, a call)");
  if (!change.sets_total && !change.sets_years) refuse("nothing_to_set", "give total_fen, years or both");
  if (!(state == S::Submitted || state == S::UnderReview || state == S::Rejected || state == S::Resubmitted ||
        state == S::Approved || state == S::AwaitingPayment))
    refuse("not_allowed_now", "the terms of an order that is " + std::string(code_of(state)) + " are settled");
  if (change.sets_total && order.priced)
    refuse("already_priced", "this order is priced at " + format_cny(order.total) +
                                 " CNY; a reviewer records a different amount at payment, with its reason");
  if (change.sets_years && !yields_certificate(order.business))
    refuse("invalid_value", std::string(cahub::code_of(order.business)) + " issues no certificate");
  if (change.sets_years && change.validity_published)
    refuse("validity_published", "this order's validity is already given by the region's rules");
}

void check_material_receipt(OrderState state) {
  if (is_final(state) || is_in_flight(state) || state == S::Issued || state == S::Shipped ||
      state == S::ReadyForPickup)
    refuse("not_allowed_now", "materials of an order that is " + std::string(code_of(state)) + " are closed");
}

}  // namespace cahub::orders
