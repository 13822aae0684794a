// `cahub order act ID ACTION --version N [--note TEXT] --as LOGIN`: one step of the workflow
// (start_review, reject, resubmit, approve, ship, ready_for_pickup, complete, cancel, ...), taken
// only if the order is still at the version the caller decided on.
#include <CLI/CLI.hpp>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {

CommandRun add_order_act_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, action, note, as;
    std::int64_t version = 0;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("act", "Take a workflow action: start_review, reject, approve, cancel, ...");
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("ACTION", o->action,
                  "submit|start_review|reject|resubmit|approve|ship|ready_for_pickup|complete|cancel")->required();
  cmd->add_option("--version", o->version, "The order's version as you saw it (a stale one is a conflict)")->required();
  cmd->add_option("--note", o->note, "Why: required to reject, recorded in the audit trail");
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    const auto action = orders::parse_action(o->action);  // before anyone is asked for a password
    if (!action) return report_error(kExitBadInput, "unknown_action", "no action \"" + o->action + "\"");
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      return desk.act(o->id, *action, {o->version, o->note}, actor);
    });
  };
}

}  // namespace cahub::cli
