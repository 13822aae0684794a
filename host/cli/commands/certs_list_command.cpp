// `cahub certs list [--holder X] [--serial S] [--ca C] [--json]`: the certificate registry: what a
// unit or person holds, issued through an order or imported, with dates and status.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "orders/certificate_registry.hpp"

namespace cahub::cli {

CommandRun add_certs_list_command(CLI::App& certs, const GlobalOptions& global) {
  struct Options {
    orders::CertificateFilter filter;
    int limit = 500;
    bool json = false;
    std::string as;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = certs.add_subcommand("list", "Certificates in the registry, by holder");
  cmd->add_option("--holder", o->filter.holder, "A USCC or ID number, or text in the holder's name");
  cmd->add_option("--serial", o->filter.serial, "One serial number");
  cmd->add_option("--ca", o->filter.ca, "Only this CA");
  cmd->add_option("--limit", o->limit, "At most this many (500)")->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", o->json, "Print one JSON object");
  add_reading_option(*cmd, o->as);
  return [o, &global]() -> int {
    return answer_at_desk([&] {
      const config::Config cfg = load_config(global);
      const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
      orders::CertificateFilter filter = o->filter;
      filter.regions = reading_regions(*db, o->as);
      const auto list = store::read(
          *db, [&](store::SqlConnection& c) { return orders::registered_certificates(c, filter, o->limit); });
      if (o->json) {
        nlohmann::json out = {{"certificates", nlohmann::json::array()}};
        for (const auto& c : list) out["certificates"].push_back(c.to_json());
        std::cout << out.dump(2) << "\n";
        return kExitOk;
      }
      if (list.empty()) {
        std::cout << "no certificate matches\n";
        return kExitOk;
      }
      auto row = [](const std::string& ca, const std::string& serial, const std::string& key, const std::string& from,
                    const std::string& to, const std::string& status, const std::string& origin,
                    const std::string& holder) {
        std::cout << std::left << std::setw(7) << ca << std::setw(34) << serial << std::setw(10) << key << std::setw(11)
                  << from << std::setw(11) << to << std::setw(8) << status << std::setw(17) << origin << holder << "\n";
      };
      row("CA", "SERIAL", "KEY", "FROM", "TO", "STATUS", "ORIGIN", "HOLDER");
      for (const auto& c : list)
        row(c.ca, c.serial, c.key_type, c.not_before, c.not_after, c.status,
            c.order_id.empty() ? "imported" : c.order_id, c.customer_name + " (" + c.identity + ")");
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
