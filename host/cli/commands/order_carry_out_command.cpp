// `cahub order carry-out ID --version N --as LOGIN`: a freeze, unfreeze or revoke order, carried
// out through its CA's plugin; the registry records the certificate's new status and the order is
// completed. Nothing is recorded if the provider fails.
#include <CLI/CLI.hpp>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"

namespace cahub::cli {

CommandRun add_order_carry_out_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, as;
    std::int64_t version = 0;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("carry-out", "Freeze, unfreeze or revoke the certificate through the CA plugin");
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("--version", o->version, "The order's version as you saw it")->required();
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      return desk.carry_out(o->id, o->version, actor);
    });
  };
}

}  // namespace cahub::cli
