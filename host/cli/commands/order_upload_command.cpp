// `cahub order upload ID CODE FILE --as LOGIN`: ticks a material off with the file itself (a scan,
// a signed form), checked against the CA's published type and size limits and stored with the
// tick in one transaction.
#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {

CommandRun add_order_upload_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, code, file, as;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("upload", "Mark a material received with its uploaded file");
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("CODE", o->code, "The material's code from the order's checklist")->required();
  cmd->add_option("FILE", o->file, "The file (JPEG, PNG, BMP or PDF)")->required();
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    std::ifstream in(o->file, std::ios::binary);
    if (!in) return report_error(kExitBadInput, "bad_file", "cannot read " + o->file);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string name = std::filesystem::path(o->file).filename().string();
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      return desk.upload_material(o->id, o->code, actor, name, content.str());
    });
  };
}

}  // namespace cahub::cli
