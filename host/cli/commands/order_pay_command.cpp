// `cahub order pay ID --version N --method M --amount-fen N [--voucher V] [--adjustment-reason R]
// --as LOGIN`: records the money received. The amount must equal the frozen quote unless a
// reviewer gives the adjustment's reason (one below the quote: a reviewer other than the one who
// approved the order); a bank transfer needs its voucher.
#include <CLI/CLI.hpp>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "edge/desk_requests.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::cli {

CommandRun add_order_pay_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, as, method;
    edge::PaymentRequest payment;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("pay", "Record a payment (the order goes to paid)");
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("--version", o->payment.version, "The order's version as you saw it")->required();
  cmd->add_option("--method", o->method, "wechat|alipay|bank_transfer|card|cash")->required();
  cmd->add_option("--amount-fen", o->payment.amount, "The amount received, in fen (26000 = 260.00 CNY)")->required();
  cmd->add_option("--voucher", o->payment.voucher, "The bank transfer's voucher number");
  cmd->add_option("--adjustment-reason", o->payment.adjustment_reason,
                  "Why the amount differs from the quote (reviewers only)");
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      const auto method = parse_code<PaymentMethod>(o->method);
      if (!method)
        throw pipeline::BadRequest("unknown_payment_method",
                                   "--method is '" + o->method + "'; one of: wechat, alipay, bank_transfer, card, cash");
      o->payment.method = *method;
      return desk.record_payment(o->id, o->payment, actor);
    });
  };
}

}  // namespace cahub::cli
