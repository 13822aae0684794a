// `cahub audit`: the tamper-evident audit trail and its anchors.
//   verify      (audit_verify_command.cpp) the chain, its checkpoints, the tables against a replay
//   keygen      a new Ed25519 checkpoint signing key, written 0600 to --out (never over a file)
//   public-key  the configured signing key's public half, PEM, for verifiers
//   checkpoint  sign the chain's head now and append it to [audit] checkpoint_file
// Exit 0 done, 2 a key or file that cannot be used (one line on stderr with its code).
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "audit/audit_error.hpp"
#include "audit/checkpoint_log.hpp"
#include "cli/audit_keys.hpp"
#include "cli/commands/commands.hpp"
#include "cli/database_refusal.hpp"
#include "cli/database_url.hpp"
#include "cli/exit_codes.hpp"
#include "cli/runtime.hpp"
#include "store/store_error.hpp"

namespace cahub::cli {
namespace {

int keygen(const std::string& out) {
  const audit::SigningKey key = audit::SigningKey::generate();
  audit::write_new_key_file(out, key);
  std::cerr << "wrote a new checkpoint signing key to " << out << " (0600); its public key follows. Set [audit] "
               "signing_key_file to it, and give verifiers the public key.\n";
  std::cout << key.verifying_key().public_pem();
  return kExitOk;
}

int print_public_key(const config::Config& cfg) {
  const auto key = configured_signing_key(cfg);
  if (!key)
    throw audit::AuditAnchorError("no_signing_key", "no signing key: set [audit] signing_key_file or "
                                                    "$CAHUB_AUDIT_SIGNING_KEY (make one with `cahub audit keygen`)");
  std::cout << key->verifying_key().public_pem();
  return kExitOk;
}

int checkpoint_now(const config::Config& cfg) {
  const auto target = configured_checkpoints(cfg);
  if (!target)
    throw audit::AuditAnchorError("checkpoints_off", "checkpoints are off: set [audit] checkpoint_file and a signing "
                                                     "key ([audit] signing_key_file or $CAHUB_AUDIT_SIGNING_KEY)");
  const std::unique_ptr<store::SqlStore> db = store::open_store(chosen_store(cfg));
  const auto newest = audit::CheckpointLog(target->file).newest();
  const auto taken =
      store::read(*db, [&](store::SqlConnection& c) { return audit::take_checkpoint(c, *target, newest); });
  if (!taken) {
    std::cout << "nothing to checkpoint: " << (newest ? "the newest checkpoint already covers event " +
                                                            std::to_string(newest->seq)
                                                      : std::string("the audit chain is empty"))
              << "\n";
    return kExitOk;
  }
  std::cout << "checkpoint of event " << taken->seq << " (hash " << taken->hash.substr(0, 16) << "…) signed by key "
            << taken->key.substr(0, 16) << " and appended to " << target->file.string() << "\n";
  return kExitOk;
}

}  // namespace

CommandRun add_audit_command(CLI::App& app, const GlobalOptions& global) {
  auto out = std::make_shared<std::string>();
  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit trail and its signed checkpoints");
  audit->require_subcommand(1);
  CommandRun verify = add_audit_verify_command(*audit, global);
  CLI::App* keygen_cmd = audit->add_subcommand("keygen", "Make a checkpoint signing key (Ed25519) in a new 0600 file");
  keygen_cmd->add_option("--out", *out, "The new key file; never replaced if it exists")->required();
  CLI::App* public_key = audit->add_subcommand("public-key", "Print the signing key's public half (PEM) for verifiers");
  CLI::App* checkpoint = audit->add_subcommand("checkpoint", "Sign the chain's head now and append it to the checkpoint file");

  return [=, &global]() -> int {
    try {
      if (keygen_cmd->parsed()) return keygen(*out);
      const config::Config cfg = load_config(global);
      if (public_key->parsed()) return print_public_key(cfg);
      if (checkpoint->parsed()) return checkpoint_now(cfg);
      return verify();
    } catch (const audit::AuditAnchorError& e) {
      std::cerr << "cahub: " << e.code() << ": " << e.what() << "\n";
      return kExitBadInput;
    } catch (const store::StoreError& e) {  // names the file and what to do
      return report_database_refusal(e);
    }
  };
}

}  // namespace cahub::cli
