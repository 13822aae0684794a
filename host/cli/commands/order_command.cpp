// `cahub order create|list|show|act|material|pay|issue|certificate`: the order desk from the
// command line, for scripting; the same operations, roles and error codes as the HTTP API.
#include <CLI/CLI.hpp>
#include <utility>
#include <vector>

#include "cli/commands/order_commands.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {

CommandRun add_order_command(CLI::App& app, const GlobalOptions& global) {
  CLI::App* order = app.add_subcommand("order", "Orders at the service desk (the same operations as the HTTP API)");
  order->require_subcommand(1);
  std::vector<std::pair<CLI::App*, CommandRun>> subcommands;
  for (auto add : {add_order_create_command, add_order_list_command, add_order_show_command, add_order_act_command,
                   add_order_material_command, add_order_pay_command, add_order_issue_command,
                   add_order_certificate_command, add_order_upload_command, add_order_terms_command,
                   add_order_carry_out_command}) {
    CommandRun run = add(*order, global);
    subcommands.emplace_back(order->get_subcommands({}).back(), std::move(run));
  }
  return [subcommands]() -> int {
    for (const auto& [cmd, run] : subcommands)
      if (cmd->parsed()) return run();
    return kExitBadInput;
  };
}

}  // namespace cahub::cli
