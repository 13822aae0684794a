// `cahub order carry-out ID --version N --as LOGIN`: a freeze, unfreeze or revoke order, carried
// out through its CA's plugin; the registry records the certificate's new status and the order is
// completed. Nothing is recorded if the provider fails.
#include "cli/commands/order_commands.hpp"

namespace cahub::cli {

CommandRun add_order_carry_out_command(CLI::App& order, const GlobalOptions& global) {
  return add_provider_step_command(order, global, "carry-out",
                                   "Freeze, unfreeze or revoke the certificate through the CA plugin",
                                   &desk::OrderDesk::carry_out);
}

}  // namespace cahub::cli
