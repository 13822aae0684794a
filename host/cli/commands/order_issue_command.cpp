// `cahub order issue ID --version N --as LOGIN`: issues the order's certificate through its CA's
// plugin and records it in the registry; nothing is recorded if the provider fails.
// Also the shared shape of the commands that take one step through the provider.
#include <CLI/CLI.hpp>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"

namespace cahub::cli {

CommandRun add_provider_step_command(CLI::App& order, const GlobalOptions& global, const char* name,
                                     const char* description, ProviderStep step) {
  struct Options {
    std::string id, as;
    std::int64_t version = 0;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand(name, description);
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("--version", o->version, "The order's version as you saw it")->required();
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global, step]() -> int {
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      return (desk.*step)(o->id, o->version, actor);
    });
  };
}

CommandRun add_order_issue_command(CLI::App& order, const GlobalOptions& global) {
  return add_provider_step_command(order, global, "issue", "Issue the certificate through the order's CA plugin",
                                   &desk::OrderDesk::issue);
}

}  // namespace cahub::cli
