// `cahub order material ID CODE... [--all] [--file-name F --file-bytes N] --as LOGIN`: ticks
// required materials off as received. Every code is checked against the order's checklist before
// the first is ticked, so a mistyped code records nothing. Ticking does not change the version.
#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {
namespace {

struct MaterialOptions {
  std::string id, as, file_name;
  std::vector<std::string> codes;
  std::int64_t file_bytes = -1;  // -1: not given
  bool all = false;
  OrderView view;
};

// The codes to tick: those named (each on the checklist), or with --all every one not yet received.
std::vector<std::string> codes_to_tick(const orders::Order& order, const MaterialOptions& o) {
  if (!o.all) {
    for (const auto& code : o.codes)
      if (std::none_of(order.materials.begin(), order.materials.end(), [&](const auto& m) { return m.code == code; }))
        throw orders::OrderNotFound("order " + order.public_id + " requires no material \"" + code + "\"");
    return o.codes;
  }
  std::vector<std::string> missing;
  for (const auto& m : order.materials)
    if (m.received_at.empty()) missing.push_back(m.code);
  return missing;
}

}  // namespace

CommandRun add_order_material_command(CLI::App& order, const GlobalOptions& global) {
  auto o = std::make_shared<MaterialOptions>();
  CLI::App* cmd = order.add_subcommand("material", "Mark required materials as received");
  cmd->add_option("ID", o->id, "The order")->required();
  auto* codes = cmd->add_option("CODE", o->codes, "Material codes from the order's checklist, e.g. uscc_copy");
  auto* all = cmd->add_flag("--all", o->all, "Every material not yet received")->excludes(codes);
  codes->excludes(all);
  cmd->add_option("--file-name", o->file_name, "The uploaded scan's file name (one CODE only)");
  cmd->add_option("--file-bytes", o->file_bytes, "The uploaded scan's size in bytes")->check(CLI::NonNegativeNumber);
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    if (o->codes.empty() && !o->all)
      return report_error(kExitBadInput, "material_required", "name the materials received, or --all");
    if ((!o->file_name.empty() || o->file_bytes >= 0) && o->codes.size() != 1)
      return report_error(kExitBadInput, "one_material_per_file", "--file-name and --file-bytes describe one CODE");
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      const std::optional<std::int64_t> bytes = o->file_bytes >= 0 ? std::optional(o->file_bytes) : std::nullopt;
      orders::Order after = desk.get(o->id, actor.regions);
      for (const auto& code : codes_to_tick(after, *o))
        after = desk.receive_material(o->id, code, actor, {o->file_name, bytes});
      return after;
    });
  };
}

}  // namespace cahub::cli
