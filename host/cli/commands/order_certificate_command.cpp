// `cahub order certificate ID`: the certificate the order issued, as PEM on stdout
// (GET /v1/orders/{id}/certificate.pem), e.g. `| openssl x509 -noout -text`.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {

CommandRun add_order_certificate_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, as;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("certificate", "Write the order's issued certificate (PEM) to stdout");
  cmd->add_option("ID", o->id, "The order")->required();
  add_reading_option(*cmd, o->as);
  return [o, &global]() -> int {
    return answer_at_desk([&] {
      DeskSession session(global);
      const orders::Order order = session.desk().get(o->id, session.reading_regions(o->as));
      if (!order.certificate || order.certificate->certificate_pem.empty())
        return report_error(kExitNotFound, "no_certificate", "order " + order.public_id + " has issued no certificate");
      std::cout << order.certificate->certificate_pem;
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
