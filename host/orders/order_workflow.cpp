#include "orders/order_workflow.hpp"

#include <array>
#include <initializer_list>

namespace cahub::orders {
namespace {

constexpr std::array<std::string_view, 14> kStates = {
    "draft", "submitted", "under_review", "rejected", "resubmitted", "approved", "awaiting_payment",
    "paid", "issuing", "issued", "shipped", "ready_for_pickup", "completed", "cancelled"};
constexpr std::array<std::string_view, 3> kRoles = {"clerk", "reviewer", "admin"};
constexpr std::array<std::string_view, 12> kActions = {
    "submit", "start_review", "reject", "resubmit", "approve", "record_payment", "start_issuing",
    "mark_issued", "ship", "ready_for_pickup", "complete", "cancel"};

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::string_view, N>& codes, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (codes[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

bool one_of(OrderState s, std::initializer_list<OrderState> states) {
  for (OrderState x : states)
    if (x == s) return true;
  return false;
}

bool may(Role role, std::initializer_list<Role> roles) {
  if (role == Role::Admin) return true;
  for (Role r : roles)
    if (r == role) return true;
  return false;
}

[[noreturn]] void refuse(const char* code, const std::string& message) { throw WorkflowRefusal(code, message); }

void require_role(const Actor& actor, Action action, std::initializer_list<Role> roles) {
  if (!may(actor.role, roles))
    refuse("forbidden", std::string(code_of(actor.role)) + " " + actor.login + " may not " +
                            std::string(code_of(action)) + " an order");
}

void require_state(OrderState from, Action action, std::initializer_list<OrderState> states) {
  if (!one_of(from, states))
    refuse("not_allowed_now", "cannot " + std::string(code_of(action)) + " an order that is " +
                                  std::string(code_of(from)));
}

}  // namespace

std::string_view code_of(OrderState s) { return kStates[static_cast<std::size_t>(s)]; }
std::string_view code_of(Role r) { return kRoles[static_cast<std::size_t>(r)]; }
std::string_view code_of(Action a) { return kActions[static_cast<std::size_t>(a)]; }
std::optional<OrderState> parse_state(std::string_view code) { return parse<OrderState>(kStates, code); }
std::optional<Role> parse_role(std::string_view code) { return parse<Role>(kRoles, code); }
std::optional<Action> parse_action(std::string_view code) { return parse<Action>(kActions, code); }

bool is_final(OrderState s) { return s == OrderState::Completed || s == OrderState::Cancelled; }

OrderState next_state(OrderState from, Action action, const OrderFacts& order, const Actor& actor) {
  using S = OrderState;
  const bool issues = yields_certificate(order.business);
  const bool needs_payment = !order.priced || order.total > 0;
  switch (action) {
    case Action::Submit:
      require_state(from, action, {S::Draft});
      require_role(actor, action, {Role::Clerk});
      return S::Submitted;
    case Action::StartReview:
      require_state(from, action, {S::Submitted, S::Resubmitted});
      require_role(actor, action, {Role::Reviewer});
      return S::UnderReview;
    case Action::Reject:
      require_state(from, action, {S::UnderReview});
      require_role(actor, action, {Role::Reviewer});
      return S::Rejected;
    case Action::Resubmit:
      require_state(from, action, {S::Rejected});
      require_role(actor, action, {Role::Clerk});
      return S::Resubmitted;
    case Action::Approve:
      require_state(from, action, {S::UnderReview});
      require_role(actor, action, {Role::Reviewer});
      if (!order.accepted_by.empty() && actor.login == order.accepted_by)
        refuse("four_eyes", actor.login + " accepted this order and may not also approve it: another reviewer must");
      if (!order.materials_complete) refuse("materials_missing", "a required material has not been received");
      // Payment follows approval (NMGCA: "资料审核通过" before paying); a free business skips it.
      return needs_payment ? S::AwaitingPayment : S::Approved;
    case Action::RecordPayment:
      require_state(from, action, {S::AwaitingPayment});
      require_role(actor, action, {Role::Clerk, Role::Reviewer});
      if (!order.priced)
        refuse("unpriced", "the order has an unpriced fee line: an administrator must set it before payment");
      return S::Paid;
    case Action::StartIssuing:
      if (!issues) refuse("not_allowed_now", std::string(cahub::code_of(order.business)) + " issues no certificate");
      require_state(from, action, needs_payment ? std::initializer_list<S>{S::Paid} : std::initializer_list<S>{S::Approved});
      require_role(actor, action, {Role::Clerk, Role::Reviewer});
      return S::Issuing;
    case Action::MarkIssued:
      require_state(from, action, {S::Issuing});
      require_role(actor, action, {Role::Clerk, Role::Reviewer});
      return S::Issued;
    case Action::Ship:
      require_state(from, action, {S::Issued});
      require_role(actor, action, {Role::Clerk});
      return S::Shipped;
    case Action::ReadyForPickup:
      require_state(from, action, {S::Issued});
      require_role(actor, action, {Role::Clerk});
      return S::ReadyForPickup;
    case Action::Complete:
      // A certificate is complete once delivered; unlock, freeze, unfreeze and revoke once done.
      if (issues)
        require_state(from, action, {S::Shipped, S::ReadyForPickup});
      else
        require_state(from, action, needs_payment ? std::initializer_list<S>{S::Paid} : std::initializer_list<S>{S::Approved});
      require_role(actor, action, {Role::Clerk, Role::Reviewer});
      return S::Completed;
    case Action::Cancel:
      // "Cancelled from any state before issuing": once the CA is asked, the order runs its course.
      require_state(from, action, {S::Draft, S::Submitted, S::UnderReview, S::Rejected, S::Resubmitted, S::Approved,
                                   S::AwaitingPayment, S::Paid});
      require_role(actor, action, {Role::Clerk, Role::Reviewer});
      return S::Cancelled;
  }
  refuse("not_allowed_now", "unknown action");
}

std::vector<Action> available_actions(OrderState from, const OrderFacts& order, const Actor& actor) {
  std::vector<Action> out;
  for (std::size_t i = 0; i < kActions.size(); ++i) {
    try {
      (void)next_state(from, static_cast<Action>(i), order, actor);
      out.push_back(static_cast<Action>(i));
    } catch (const WorkflowRefusal&) {
    }
  }
  return out;
}

std::vector<HeldBackAction> held_back_actions(OrderState from, const OrderFacts& order, const Actor& actor) {
  std::vector<HeldBackAction> out;
  for (std::size_t i = 0; i < kActions.size(); ++i) {
    try {
      (void)next_state(from, static_cast<Action>(i), order, actor);
    } catch (const WorkflowRefusal& e) {
      // Wrong state or wrong role is simply not this person's button; anything else is a reason.
      if (e.code() != "not_allowed_now" && e.code() != "forbidden")
        out.push_back({static_cast<Action>(i), std::string(e.code()), e.what()});
    }
  }
  return out;
}

}  // namespace cahub::orders
