// `cahub order terms ID --version N [--total-fen N] [--years N] --reason TEXT --as LOGIN`: a
// reviewer fills in what the sources leave open, the price of an unpriced order and/or validity
// years where the region publishes none, with where it comes from.
#include <CLI/CLI.hpp>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "domain/date.hpp"

namespace cahub::cli {

CommandRun add_order_terms_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, as, reason;
    std::int64_t version = 0;
    std::optional<std::int64_t> total_fen;
    std::optional<int> years;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("terms", "Set the price or validity the sources leave open (reviewer)");
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("--version", o->version, "The order's version as you saw it")->required();
  cmd->add_option("--total-fen", o->total_fen, "The price in fen, for an unpriced order")->check(CLI::NonNegativeNumber);
  cmd->add_option("--years", o->years, "Validity years from today, where the region publishes none")
      ->check(CLI::Range(1, 10));
  cmd->add_option("--reason", o->reason, "Where it comes from, e.g. the CA's 2026 price list")->required();
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    if (!o->total_fen && !o->years)
      return report_error(kExitBadInput, "nothing_to_set", "give --total-fen, --years or both");
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      return desk.set_terms(o->id, {o->version, o->total_fen, o->years, o->reason}, actor, Date::today_utc8());
    });
  };
}

}  // namespace cahub::cli
