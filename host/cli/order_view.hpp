#pragma once
// How the order commands show what they did: text for people (the default), the API's JSON
// (`--json`), or one line for shell scripts (`--brief`: "ID VERSION STATE TOTAL_FEN", the total
// "unpriced" while a fee line is), so a script can carry the version to its next command with
// `read -r id version state total <<<"$(cahub order ... --brief)"`.

#include <iosfwd>
#include <vector>

#include "orders/order.hpp"
#include "orders/order_repository.hpp"

namespace CLI { class App; }

namespace cahub::cli {

struct OrderView {
  bool json = false, brief = false;
};

// `--json` and `--brief` on a command that prints an order.
void add_order_view_options(CLI::App& cmd, OrderView& view);

void print_order(std::ostream& out, const orders::Order& order, const OrderView& view);

// The queue: one row per order, then the count per state.
void print_order_queue(std::ostream& out, const orders::OrderPage& page, const OrderView& view);

}  // namespace cahub::cli
