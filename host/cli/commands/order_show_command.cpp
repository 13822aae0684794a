// `cahub order show ID [--json|--brief]`: one order with its materials, payments and certificate.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {

CommandRun add_order_show_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, as;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("show", "One order in full");
  cmd->add_option("ID", o->id, "The order, e.g. ORD-2026-000001")->required();
  add_reading_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    return answer_at_desk([&] {
      DeskSession session(global);
      print_order(std::cout, session.desk().get(o->id, session.reading_regions(o->as)), o->view);
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
