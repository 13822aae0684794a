// `cahub order issue ID --version N --as LOGIN (--csr FILE | --key-out FILE)`: issues the order's
// certificate through its CA's plugin and records it in the registry; nothing is recorded if the
// provider fails. The holder's key pair is the holder's: --csr gives the certificate request of the
// medium (UKey) that holds it; --key-out names where the private key goes when the provider makes
// the pair, the one copy there is (cahub keeps none).
// Also the shared shape of the commands that take one step through the provider.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands/order_commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"

namespace cahub::cli {
namespace {

// The file the holder's private key goes to, made before the provider is asked (so that a key can
// never be issued with nowhere to go), private from its first moment, and never over another file.
class KeyDestination {
 public:
  explicit KeyDestination(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd_ < 0) error_ = std::strerror(errno);
  }
  ~KeyDestination() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) ::unlink(path_.c_str());  // nothing was written to it: leave nothing behind
  }
  KeyDestination(const KeyDestination&) = delete;
  KeyDestination& operator=(const KeyDestination&) = delete;

  bool ready() const { return fd_ >= 0; }
  const std::string& error() const { return error_; }
  // Writes and flushes the key; false (and errno's text in error()) when it could not.
  bool write(const std::string& pem) {
    std::size_t done = 0;
    while (done < pem.size()) {
      const ssize_t n = ::write(fd_, pem.data() + done, pem.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return failed();
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd_) != 0) return failed();
    kept_ = true;
    return true;
  }

 private:
  bool failed() {
    error_ = std::strerror(errno);
    return false;
  }
  std::string path_;
  std::string error_;
  int fd_ = -1;
  bool kept_ = false;
};

// The certificate request file, or nullopt (after reporting why) when it cannot be read.
std::optional<std::string> read_csr(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    report_error(kExitBadInput, "csr_unreadable", "cannot read the certificate request " + file);
    return std::nullopt;
  }
  return text.str();
}

}  // namespace

CommandRun add_provider_step_command(CLI::App& order, const GlobalOptions& global, const char* name,
                                     const char* description, ProviderStep step) {
  struct Options {
    std::string id, as;
    std::int64_t version = 0;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand(name, description);
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("--version", o->version, "The order's version as you saw it")->required();
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global, step]() -> int {
    return answer_with_order(global, o->as, o->view, [&](desk::OrderDesk& desk, const orders::Actor& actor) {
      return (desk.*step)(o->id, o->version, actor);
    });
  };
}

CommandRun add_order_issue_command(CLI::App& order, const GlobalOptions& global) {
  struct Options {
    std::string id, as, csr, key_out;
    std::int64_t version = 0;
    OrderView view;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = order.add_subcommand("issue", "Issue the certificate through the order's CA plugin");
  cmd->add_option("ID", o->id, "The order")->required();
  cmd->add_option("--version", o->version, "The order's version as you saw it")->required();
  auto* csr = cmd->add_option("--csr", o->csr, "The holder's certificate request (PKCS#10 PEM) from the medium holding the key pair");
  auto* key_out = cmd->add_option("--key-out", o->key_out,
                                  "Where the holder's private key goes when the CA makes the pair (a new file, 0600)");
  csr->excludes(key_out);
  add_acting_option(*cmd, o->as);
  add_order_view_options(*cmd, o->view);
  return [o, &global]() -> int {
    if (o->csr.empty() && o->key_out.empty())
      return report_error(kExitBadInput, "holder_key_required",
                          "give the medium's certificate request with --csr FILE, or where the private key the CA "
                          "makes goes with --key-out FILE: cahub keeps no holder's key");
    std::string csr_pem;
    if (!o->csr.empty()) {
      const auto text = read_csr(o->csr);
      if (!text) return kExitBadInput;
      csr_pem = *text;
    }
    std::optional<KeyDestination> destination;
    if (!o->key_out.empty()) {
      destination.emplace(o->key_out);
      if (!destination->ready())
        return report_error(kExitBadInput, "key_out_unwritable",
                            "cannot create " + o->key_out + " (" + destination->error() + "); it must not exist yet");
    }
    return answer_at_desk([&] {
      DeskSession session(global);
      const orders::Actor actor = session.acting_staff(o->as);
      desk::IssueOutcome outcome = session.desk().issue(o->id, o->version, actor, csr_pem);
      if (destination && !outcome.subscriber_key_pem.empty() && !destination->write(outcome.subscriber_key_pem)) {
        print_order(std::cout, outcome.order, o->view);
        return report_error(kExitStageFailure, "key_out_unwritable",
                            "the certificate is issued, but its private key could not be written to " + o->key_out +
                                " (" + destination->error() + "): the order needs a reissue");
      }
      if (destination && outcome.subscriber_key_pem.empty())
        std::cerr << "no private key came back (the certificate was issued earlier, or from the holder's own key); "
                  << o->key_out << " was not written\n";
      print_order(std::cout, outcome.order, o->view);
      return kExitOk;
    });
  };
}

}  // namespace cahub::cli
