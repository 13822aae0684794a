// `cahub certs expiring [--within 30d] [--today D] [--json]`: active certificates inside their
// renewal window, per unit, for reminder calls and letters (with `--as LOGIN` or CAHUB_TOKEN, only
// that staff member's regions). `certs list` and `certs import` are in
// certs_list_command.cpp and certs_import_command.cpp.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "orders/certificate_registry.hpp"
#include "store/store_error.hpp"

namespace cahub::cli {
namespace {

// "30d" or "30": days, 0 to 3660.
std::optional<int> parse_days(const std::string& text) {
  std::string digits = text;
  if (!digits.empty() && digits.back() == 'd') digits.pop_back();
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  int days = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    days = days * 10 + (c - '0');
  }
  return days <= 3660 ? std::optional(days) : std::nullopt;
}

}  // namespace

CommandRun add_certs_command(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    std::string within = "30d", today, as;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* certs = app.add_subcommand("certs", "The certificate registry");
  certs->require_subcommand(1);
  CLI::App* expiring = certs->add_subcommand("expiring", "Active certificates that expire soon, per unit");
  expiring->add_option("--within", o->within, "How far ahead, in days (30d)");
  expiring->add_option("--today", o->today, "Today as YYYY-MM-DD (default: the clock, China time)");
  expiring->add_flag("--json", o->json, "Print one JSON object");
  add_reading_option(*expiring, o->as);
  CommandRun list = add_certs_list_command(*certs, global);
  CommandRun import = add_certs_import_command(*certs, global);
  CLI::App* list_cmd = certs->get_subcommand("list");

  return [o, expiring, list, import, list_cmd, &global]() -> int {
    if (!expiring->parsed()) return list_cmd->parsed() ? list() : import();
    const auto days = parse_days(o->within);
    if (!days) {
      std::cerr << "cahub: --within must be a number of days such as 30d, got \"" << o->within << "\"\n";
      return kExitBadInput;
    }
    const std::optional<Date> today = o->today.empty() ? std::optional(Date::today_utc8()) : Date::parse(o->today);
    if (!today) {
      std::cerr << "cahub: --today must be a date YYYY-MM-DD, got \"" << o->today << "\"\n";
      return kExitBadInput;
    }
    const config::Config cfg = load_config(global);
    std::unique_ptr<store::SqlStore> db;
    try {
      db = store::open_store(chosen_store(cfg));
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
    return answer_at_desk([&] {
      const orders::RegionScope regions = reading_regions(*db, o->as);
      const auto list = store::read(
          *db, [&](store::SqlConnection& c) { return orders::expiring_certificates(c, *today, *days, regions); });
      if (o->json) {
        nlohmann::json out = {{"today", today->iso()}, {"within_days", *days}, {"certificates", nlohmann::json::array()}};
        for (const auto& e : list)
          out["certificates"].push_back({{"customer", e.customer_name}, {"identity", e.identity}, {"ca", e.ca},
                                         {"region", e.region}, {"serial", e.serial}, {"key", e.key_type},
                                         {"not_after", e.not_after.iso()}, {"days_left", e.days_left}});
        std::cout << out.dump(2) << "\n";
        return kExitOk;
      }
      if (list.empty()) {
        std::cout << "no active certificate expires within " << *days << " days of " << today->iso() << "\n";
        return kExitOk;
      }
      std::string unit;
      for (const auto& e : list) {
        if (e.identity != unit) {
          unit = e.identity;
          std::cout << e.customer_name << " (" << e.identity << ")\n";
        }
        std::cout << "  " << e.ca << "  " << e.serial << "  " << e.key_type << "  expires " << e.not_after.iso() << "  ("
                  << e.days_left << " days left)  " << e.region << "\n";
      }
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
