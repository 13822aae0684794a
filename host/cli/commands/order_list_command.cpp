// `cahub order list [--state S] [--region R] [--ca C] [--applicant X] [--json|--brief]`: the queue,
// sorted by SLA due date, with the count per state (GET /v1/orders).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "pipeline/request_error.hpp"

namespace cahub::cli {

CommandRun add_order_list_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string state, region, ca, applicant, cursor, as;
    int limit = 200;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("list", "The queue, sorted by due date, with the count per state");
  cmd->add_option("--state", o->state, "Only orders in this state, e.g. submitted");
  cmd->add_option("--region", o->region, "Only this region");
  cmd->add_option("--ca", o->ca, "Only this CA");
  cmd->add_option("--applicant", o->applicant, "Only this USCC or ID number, or names containing this text");
  cmd->add_option("--limit", o->limit, "At most this many orders (200)")->check(CLI::Range(1, 500));
  cmd->add_option("--cursor", o->cursor, "Continue after the previous page (its next_cursor)");
  add_reading_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    return answer_at_desk([&] {
      orders::OrderFilter filter{std::nullopt, o->region, o->ca, o->applicant};
      std::optional<orders::OrderCursor> after;
      if (!o->cursor.empty() && !(after = orders::OrderCursor::parse(o->cursor)))
        throw pipeline::BadRequest("bad_cursor", "--cursor is not one this command printed (next_cursor)");
      if (!o->state.empty()) {
        filter.state = orders::parse_state(o->state);
        if (!filter.state) throw pipeline::BadRequest("unknown_state", "unknown state \"" + o->state + "\"");
      }
      DeskSession session(global);
      print_order_queue(std::cout, session.desk().list(filter, after, o->limit, session.reading_regions(o->as)),
                        o->view);
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
