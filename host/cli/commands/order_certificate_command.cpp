// `cahub order certificate ID`: the certificate the order issued, as PEM on stdout
// (GET /v1/orders/{id}/certificate.pem), e.g. `| openssl x509 -noout -text`.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {

CommandRun add_order_certificate_command(CLI::App& order, const GlobalOptions& global) {
  auto id = std::make_shared<std::string>();
  CLI::App* cmd = order.add_subcommand("certificate", "Write the order's issued certificate (PEM) to stdout");
  cmd->add_option("ID", *id, "The order")->required();
  return [id, &global]() -> int {
    return answer_at_desk([&] {
      DeskSession session(global);
      const orders::Order o = session.desk().get(*id);
      if (!o.certificate || o.certificate->certificate_pem.empty())
        return report_error(kExitNotFound, "no_certificate", "order " + o.public_id + " has issued no certificate");
      std::cout << o.certificate->certificate_pem;
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
