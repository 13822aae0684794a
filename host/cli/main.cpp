// cahub: the host. Parses the command line, runs one command, and turns every failure into one
// clear line on stderr and a stable exit code (cli/exit_codes.hpp).
#include <CLI/CLI.hpp>
#include <iostream>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/exit_codes.hpp"
#include "cli/global_options.hpp"
#include "config/config.hpp"
#include "config/config_error.hpp"
#include "pipeline/request_error.hpp"

using namespace cahub::cli;

int main(int argc, char** argv) {
  // Everything cahub creates is private to its user, whatever the umask it was started with: the
  // database and the -wal and -shm SQLite makes beside it, the CA plugins' keys, ledgers and
  // folders, the metrics token, backups. Files cahub makes itself also ask for 0600/0700
  // explicitly (store/private_files.hpp); this covers what SQLite and the plugins create.
  ::umask(077);
  CLI::App app{"cahub — CA certificate and e-seal orders for public-procurement platforms"};
  app.fallthrough();  // global options may follow the command: `cahub quote ... --rules DIR`
  GlobalOptions global;
  add_global_options(app, global);

  std::vector<std::pair<CLI::App*, CommandRun>> commands;
  auto remember = [&](CommandRun run) { commands.emplace_back(app.get_subcommands({}).back(), std::move(run)); };
  remember(add_quote_command(app, global));
  remember(add_plugins_command(app, global));
  remember(add_rules_command(app, global));
  remember(add_serve_command(app, global));
  remember(add_bench_command(app, global));
  remember(add_config_command(app, global));
  remember(add_audit_command(app, global));
  remember(add_staff_command(app, global));
  remember(add_certs_command(app, global));
  remember(add_order_command(app, global));
  remember(add_db_command(app, global));
  remember(add_backup_command(app, global));
  remember(add_restore_command(app, global));
  app.require_subcommand(1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }

  try {
    for (auto& [cmd, run] : commands)
      if (cmd->parsed()) return run();
  } catch (const cahub::pipeline::BadRequest& e) {
    std::cerr << "cahub: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const cahub::store::StoreError& e) {
    return report_database_refusal(e);
  } catch (const cahub::config::ConfigError& e) {
    std::cerr << "cahub: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const cahub::pipeline::StageFailure& e) {
    std::cerr << "cahub: " << e.stage() << " failed: " << e.what() << "\n";
    return kExitStageFailure;
  } catch (const std::exception& e) {
    std::cerr << "cahub: " << e.what() << "\n";
    return kExitStageFailure;
  }
  return kExitBadInput;
}
