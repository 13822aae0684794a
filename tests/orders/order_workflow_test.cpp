#include <catch2/catch.hpp>

#include "orders/order_workflow.hpp"

using namespace cahub;
using namespace cahub::orders;

namespace {

const Actor clerk{"clerk.wang", Role::Clerk};
const Actor reviewer{"reviewer.zhao", Role::Reviewer};
const Actor clerk_who_reviews{"clerk.wang", Role::Reviewer};  // same person, second role

OrderFacts paid_new() {
  OrderFacts f;
  f.business = Business::New;
  f.total = 26000;
  f.materials_complete = true;
  f.accepted_by = clerk.login;
  return f;
}

OrderState run(OrderState s, std::initializer_list<std::pair<Action, Actor>> steps, const OrderFacts& f) {
  for (const auto& [action, actor] : steps) s = next_state(s, action, f, actor);
  return s;
}

std::string refusal(OrderState s, Action a, const OrderFacts& f, const Actor& who) {
  try {
    next_state(s, a, f, who);
  } catch (const WorkflowRefusal& e) {
    return e.code();
  }
  return "allowed";
}

}  // namespace

TEST_CASE("a new certificate from draft to completed, with a rejection and resubmission") {
  const OrderFacts f = paid_new();
  const OrderState s = run(OrderState::Draft,
                           {{Action::Submit, clerk},
                            {Action::StartReview, reviewer},
                            {Action::Reject, reviewer},
                            {Action::Resubmit, clerk},
                            {Action::StartReview, reviewer},
                            {Action::Approve, reviewer},
                            {Action::RecordPayment, clerk},
                            {Action::StartIssuing, clerk},
                            {Action::MarkIssued, clerk},
                            {Action::Ship, clerk},
                            {Action::Complete, clerk}},
                           f);
  CHECK(s == OrderState::Completed);
  CHECK(code_of(s) == "completed");
}

TEST_CASE("approval leads to payment, or straight on when the business is free") {
  OrderFacts f = paid_new();
  CHECK(next_state(OrderState::UnderReview, Action::Approve, f, reviewer) == OrderState::AwaitingPayment);
  f.total = 0;
  CHECK(next_state(OrderState::UnderReview, Action::Approve, f, reviewer) == OrderState::Approved);
  f.priced = false;  // unpriced is not free: it waits for a price and a payment
  CHECK(next_state(OrderState::UnderReview, Action::Approve, f, reviewer) == OrderState::AwaitingPayment);
}

TEST_CASE("a free onsite unlock takes the short path: approved then completed") {
  OrderFacts f = paid_new();
  f.business = Business::Unlock;
  f.total = 0;
  CHECK(run(OrderState::Draft,
            {{Action::Submit, clerk}, {Action::StartReview, reviewer}, {Action::Approve, reviewer},
             {Action::Complete, clerk}},
            f) == OrderState::Completed);
  CHECK(refusal(OrderState::Approved, Action::StartIssuing, f, clerk) == "not_allowed_now");
}

TEST_CASE("four eyes: the clerk who accepted may not approve, even with a reviewer role") {
  const OrderFacts f = paid_new();
  CHECK(refusal(OrderState::UnderReview, Action::Approve, f, clerk_who_reviews) == "four_eyes");
  CHECK(refusal(OrderState::UnderReview, Action::Approve, f, clerk) == "forbidden");
  CHECK(refusal(OrderState::UnderReview, Action::Approve, f, reviewer) == "allowed");
}

TEST_CASE("no approval while a required material is missing, no payment while unpriced") {
  OrderFacts f = paid_new();
  f.materials_complete = false;
  CHECK(refusal(OrderState::UnderReview, Action::Approve, f, reviewer) == "materials_missing");
  f.materials_complete = true;
  f.priced = false;
  CHECK(refusal(OrderState::AwaitingPayment, Action::RecordPayment, f, clerk) == "unpriced");
}

TEST_CASE("cancel before issuing, not after") {
  const OrderFacts f = paid_new();
  for (OrderState s : {OrderState::Draft, OrderState::Submitted, OrderState::UnderReview, OrderState::Rejected,
                       OrderState::AwaitingPayment, OrderState::Paid})
    CHECK(next_state(s, Action::Cancel, f, clerk) == OrderState::Cancelled);
  for (OrderState s : {OrderState::Issuing, OrderState::Issued, OrderState::Shipped, OrderState::Completed,
                       OrderState::Cancelled})
    CHECK(refusal(s, Action::Cancel, f, clerk) == "not_allowed_now");
}

TEST_CASE("the buttons a clerk and a reviewer see under review") {
  const OrderFacts f = paid_new();
  CHECK(available_actions(OrderState::UnderReview, f, clerk) == std::vector<Action>{Action::Cancel});
  CHECK(available_actions(OrderState::UnderReview, f, reviewer) ==
        std::vector<Action>{Action::Reject, Action::Approve, Action::Cancel});
}

TEST_CASE("actions held back by the order's facts carry their reason, wrong role or state do not") {
  OrderFacts f = paid_new();
  f.materials_complete = false;
  const auto held = held_back_actions(OrderState::UnderReview, f, reviewer);
  REQUIRE(held.size() == 1);
  CHECK(held[0].action == Action::Approve);
  CHECK(held[0].code == "materials_missing");
  // The reviewer who accepted the order: four-eyes comes first, whatever the materials.
  f.accepted_by = reviewer.login;
  const auto own = held_back_actions(OrderState::UnderReview, f, reviewer);
  REQUIRE(own.size() == 1);
  CHECK(own[0].code == "four_eyes");
  // A clerk may not approve at all: that is not a held-back button, it is no button.
  CHECK(held_back_actions(OrderState::UnderReview, f, clerk).empty());
  f.priced = false;
  const auto unpriced = held_back_actions(OrderState::AwaitingPayment, f, clerk);
  REQUIRE(unpriced.size() == 1);
  CHECK(unpriced[0].action == Action::RecordPayment);
  CHECK(unpriced[0].code == "unpriced");
}

TEST_CASE("codes round-trip and unknown codes are refused") {
  for (const char* code : {"draft", "under_review", "awaiting_payment", "ready_for_pickup", "cancelled"})
    CHECK(code_of(*parse_state(code)) == code);
  CHECK_FALSE(parse_state("shipping"));
  CHECK(parse_role("reviewer") == Role::Reviewer);
  CHECK_FALSE(parse_role("root"));
  CHECK(parse_action("record_payment") == Action::RecordPayment);
  CHECK(is_open(OrderState::Paid));
  CHECK_FALSE(is_open(OrderState::Completed));
}

// The invariants of orders/order_workflow.hpp, by number.

TEST_CASE("W3: a payment below the quote needs a reviewer other than the one who approved") {
  OrderFacts f = paid_new();
  f.approved_by = reviewer.login;
  const Actor second{"qian.yu", Role::Reviewer};
  const auto payment = [&](Fen amount, bool reason, const Actor& who) {
    try {
      check_payment(f, amount, reason, who);
    } catch (const WorkflowRefusal& e) {
      return e.code();
    }
    return std::string("allowed");
  };
  CHECK(payment(26000, false, clerk) == "allowed");
  CHECK(payment(20000, false, reviewer) == "amount_mismatch");
  CHECK(payment(20000, true, clerk) == "forbidden");
  CHECK(payment(0, true, reviewer) == "four_eyes");  // the "friend" discount, by the approver alone
  CHECK(payment(0, true, second) == "allowed");
  CHECK(payment(30000, true, reviewer) == "allowed");  // above the quote: a reviewer with a reason
  try {
    check_payment(f, 0, true, reviewer);
  } catch (const WorkflowRefusal& e) {
    CHECK(e.kind() == ErrorKind::Forbidden);
  }
}

TEST_CASE("W6: once the provider is asked, cancel cannot leave: only its answer moves the order") {
  const OrderFacts f = paid_new();
  CHECK(next_state(OrderState::Paid, Action::StartIssuing, f, clerk) == OrderState::Issuing);
  CHECK(refusal(OrderState::Issuing, Action::Cancel, f, reviewer) == "not_allowed_now");
  CHECK(next_state(OrderState::Issuing, Action::MarkIssued, f, clerk) == OrderState::Issued);
  CHECK(next_state(OrderState::Issuing, Action::ReturnFromIssuing, f, clerk) == OrderState::Paid);
  OrderFacts revoke = paid_new();
  revoke.business = Business::Revoke;
  revoke.total = 0;
  CHECK(next_state(OrderState::Approved, Action::StartCarryingOut, revoke, clerk) == OrderState::CarryingOut);
  CHECK(refusal(OrderState::CarryingOut, Action::Cancel, revoke, clerk) == "not_allowed_now");
  CHECK(next_state(OrderState::CarryingOut, Action::FinishCarryingOut, revoke, clerk) == OrderState::Completed);
  CHECK(next_state(OrderState::CarryingOut, Action::ReturnFromCarryingOut, revoke, clerk) == OrderState::Approved);
  CHECK(refusal(OrderState::Approved, Action::Complete, revoke, clerk) == "carry_out_required");
  CHECK(is_in_flight(OrderState::Issuing));
  CHECK(is_in_flight(OrderState::CarryingOut));
}

TEST_CASE("W7: provider steps are never staff actions, and never a console button") {
  for (Action a : {Action::StartIssuing, Action::MarkIssued, Action::ReturnFromIssuing, Action::StartCarryingOut,
                   Action::FinishCarryingOut, Action::ReturnFromCarryingOut})
    CHECK_FALSE(is_staff_action(a));
  for (Action a : {Action::Submit, Action::Approve, Action::Cancel, Action::Ship, Action::Complete})
    CHECK(is_staff_action(a));
  const OrderFacts f = paid_new();
  CHECK(available_actions(OrderState::Paid, f, clerk) == std::vector<Action>{Action::Cancel});
  CHECK(available_actions(OrderState::Issuing, f, clerk).empty());
}

TEST_CASE("W8: completed and cancelled are final") {
  const OrderFacts f = paid_new();
  for (OrderState s : {OrderState::Completed, OrderState::Cancelled}) {
    CHECK(is_final(s));
    CHECK(available_actions(s, f, Actor{"root", Role::Admin}).empty());
  }
}

TEST_CASE("W9: terms before payment, by a reviewer, with a reason, never over what was published") {
  OrderFacts f = paid_new();
  const auto terms = [&](OrderState s, TermsChange c, const Actor& who) {
    try {
      check_terms(s, f, c, who);
    } catch (const WorkflowRefusal& e) {
      return e.code();
    }
    return std::string("allowed");
  };
  f.priced = false;
  CHECK(terms(OrderState::UnderReview, {true, false, true, false}, reviewer) == "allowed");
  CHECK(terms(OrderState::UnderReview, {true, false, true, false}, clerk) == "forbidden");
  CHECK(terms(OrderState::UnderReview, {true, false, false, false}, reviewer) == "reason_required");
  CHECK(terms(OrderState::UnderReview, {false, false, true, false}, reviewer) == "nothing_to_set");
  CHECK(terms(OrderState::Paid, {true, false, true, false}, reviewer) == "not_allowed_now");
  CHECK(terms(OrderState::UnderReview, {false, true, true, true}, reviewer) == "validity_published");
  f.priced = true;
  CHECK(terms(OrderState::UnderReview, {true, false, true, false}, reviewer) == "already_priced");
}

TEST_CASE("W10: materials are received only before the provider is asked") {
  CHECK_NOTHROW(check_material_receipt(OrderState::UnderReview));
  CHECK_NOTHROW(check_material_receipt(OrderState::Paid));
  for (OrderState s : {OrderState::Issuing, OrderState::CarryingOut, OrderState::Issued, OrderState::Completed,
                       OrderState::Cancelled})
    CHECK_THROWS_AS(check_material_receipt(s), WorkflowRefusal);
}
