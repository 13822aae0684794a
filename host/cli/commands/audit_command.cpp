// `cahub audit verify`: walks the audit hash chain of the database and names the first event that
// was edited, deleted or reordered. Exit 0 intact, 1 broken, 2 when the database cannot be opened.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "store/audit_log.hpp"
#include "store/store_error.hpp"

namespace cahub::cli {

CommandRun add_audit_command(CLI::App& app, const GlobalOptions& global) {
  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit trail");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand("verify", "Check the hash chain; name the first event that does not fit");

  return [verify, &global]() -> int {
    if (!verify->parsed()) return kExitBadInput;
    const config::Config cfg = load_config(global);
    std::optional<store::Database> opened;
    try {
      opened.emplace(store::Database::open(cfg.paths.database));
    } catch (const store::StoreError& e) {
      return report_database_refusal(e);
    }
    store::Database& db = *opened;
    const store::AuditVerdict v = store::verify_audit_chain(db);
    if (v.intact) {
      std::cout << "audit chain intact: " << v.events << " events in " << db.file().string() << "\n";
      return kExitOk;
    }
    std::cout << "audit chain broken at event " << v.first_bad_seq << ": " << v.problem << " (" << v.events
              << " events read, " << db.file().string() << ")\n";
    return kExitFindings;
  };
}

}  // namespace cahub::cli
