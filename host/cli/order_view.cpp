#include "cli/order_view.hpp"

#include <CLI/CLI.hpp>
#include <iomanip>
#include <map>
#include <ostream>

#include "domain/money.hpp"
#include "orders/order_json.hpp"

namespace cahub::cli {
namespace {

std::string total_text(const orders::Order& o) { return o.priced ? format_cny(o.total) + " CNY" : "unpriced"; }

std::string brief_line(const orders::Order& o) {
  return o.public_id + " " + std::to_string(o.version) + " " + std::string(orders::code_of(o.state)) + " " +
         (o.priced ? std::to_string(o.total) : std::string("unpriced"));
}

void print_text(std::ostream& out, const orders::Order& o) {
  out << o.public_id << "  " << orders::code_of(o.state) << "  (version " << o.version << ")\n";
  out << "  business     " << cahub::code_of(o.business) << ", " << o.region << " / " << o.ca << ", "
      << cahub::code_of(o.channel) << "\n";
  out << "  applicant    " << o.applicant.name << " (" << o.applicant.identity << ")\n";
  out << "  accepted     " << o.created_at << " by " << o.accepted_by;
  if (!o.due_on.empty()) out << ", review due " << o.due_on;
  out << "\n";
  out << "  fee          " << total_text(o) << "\n";
  std::size_t received = 0;
  for (const auto& m : o.materials) received += m.received_at.empty() ? 0 : 1;
  out << "  materials    " << received << " of " << o.materials.size() << " received\n";
  for (const auto& m : o.materials) {
    out << "    [" << (m.received_at.empty() ? ' ' : 'x') << "] " << m.code << "  " << m.name;
    if (!m.file_name.empty()) out << "  (" << m.file_name << (m.file_bytes ? ", " + std::to_string(*m.file_bytes) + " bytes" : "") << ")";
    out << "\n";
  }
  for (const auto& p : o.payments) {
    out << "  payment      " << format_cny(p.amount) << " CNY by " << cahub::code_of(p.method);
    if (!p.voucher.empty()) out << " (voucher " << p.voucher << ")";
    out << ", recorded by " << p.recorded_by << " at " << p.recorded_at;
    if (!p.adjustment_reason.empty()) out << "; adjusted: " << p.adjustment_reason;
    out << "\n";
  }
  if (o.certificate)
    out << "  certificate  " << o.certificate->serial << ", " << o.certificate->not_before << " to "
        << o.certificate->not_after << ", " << o.certificate->status << "\n";
}

}  // namespace

void add_order_view_options(CLI::App& cmd, OrderView& view) {
  auto* json = cmd.add_flag("--json", view.json, "Print the order as one JSON object (as the HTTP API answers)");
  cmd.add_flag("--brief", view.brief, "Print one line for scripts: ID VERSION STATE TOTAL_FEN")->excludes(json);
}

void print_order(std::ostream& out, const orders::Order& order, const OrderView& view) {
  if (view.json)
    out << orders::order_json(order).dump(2) << "\n";
  else if (view.brief)
    out << brief_line(order) << "\n";
  else
    print_text(out, order);
}

void print_order_queue(std::ostream& out, const orders::OrderPage& page, const OrderView& view) {
  if (view.json) {
    out << orders::order_page_json(page).dump(2) << "\n";
    return;
  }
  const std::vector<orders::Order>& queue = page.orders;
  if (view.brief) {
    for (const auto& o : queue) out << brief_line(o) << "\n";
    return;
  }
  if (queue.empty()) {
    out << "no orders\n";
    return;
  }
  auto row = [&out](const std::string& id, const std::string& state, const std::string& due, const std::string& region,
                    const std::string& ca, const std::string& business, const std::string& total,
                    const std::string& applicant) {
    out << std::left << std::setw(17) << id << std::setw(18) << state << std::setw(12) << due << std::setw(11) << region
        << std::setw(7) << ca << std::setw(17) << business << std::setw(13) << total << applicant << "\n";
  };
  row("ORDER", "STATE", "DUE", "REGION", "CA", "BUSINESS", "TOTAL (CNY)", "APPLICANT");
  for (const auto& o : queue)
    row(o.public_id, std::string(orders::code_of(o.state)), o.due_on.empty() ? "-" : o.due_on, o.region, o.ca,
        std::string(cahub::code_of(o.business)), o.priced ? format_cny(o.total) : "unpriced",
        o.applicant.name + " (" + o.applicant.identity + ")");
  std::int64_t total = 0;
  for (const auto& [state, n] : page.counts) total += n;
  out << total << (total == 1 ? " order:" : " orders:");
  for (const auto& [state, n] : page.counts) out << " " << orders::code_of(state) << " " << n;
  out << "\n";
  if (page.next) out << "more: --cursor " << page.next->text() << "\n";
}

}  // namespace cahub::cli
