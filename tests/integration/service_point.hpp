#pragma once
// A scratch service point for the tests of the database's life (issue 15): its own cahub.toml,
// database (made by `cahub db init` unless a test wants none) and var folder, commands run against
// it, and `cahub serve` on it with its log in a file the test reads. Commands and the server may
// run under umask 000, and, when the tests run as root, as the unprivileged user `nobody` (so that
// a read-only file is read-only to cahub: root writes through any mode).

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "integration/cahub_cli.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"

namespace cahub::testing {

struct ServicePointOptions {
  bool umask_000 = false;   // as a careless service unit would start cahub
  bool unprivileged = false;  // as `nobody` when the tests run as root
  std::string extra_config = {};  // appended to cahub.toml
};

class ScratchServicePoint {
 public:
  explicit ScratchServicePoint(ServicePointOptions options = {}) : options_(std::move(options)) {
    folder_.write("cahub.toml", "[paths]\nvar = \"" + var().string() + "\"\ndatabase = \"" + database().string() +
                                    "\"\nrules = \"" + CAHUB_RULES_DIR + "\"\nplugins = \"" + CAHUB_PLUGINS_DIR +
                                    "\"\n" + options_.extra_config);
    if (options_.unprivileged && ::geteuid() == 0) {
      // nobody must reach the folder; the test (root) still reads everything in it.
      ::chmod(folder_.path().c_str(), 0777);
      for (const auto& entry : std::filesystem::recursive_directory_iterator(folder_.path()))
        (void)::chown(entry.path().c_str(), 65534, 65534);
      (void)::chown(folder_.path().c_str(), 65534, 65534);
    }
  }

  const std::filesystem::path& folder() const { return folder_.path(); }
  std::filesystem::path var() const { return folder_ / "var"; }
  std::filesystem::path database() const { return folder_ / "data" / "cahub.db"; }
  std::string config() const { return folder_.file("cahub.toml"); }
  std::string log() const { return read_bytes(folder_ / "serve.log"); }

  // The command line that runs `cahub args...` as the options say.
  std::vector<std::string> command(std::vector<std::string> args) const {
    std::string shell = options_.umask_000 ? "umask 000; " : "";
    std::vector<std::string> full{"-c", shell + "exec \"$@\"", "sh"};
    if (options_.unprivileged && ::geteuid() == 0)
      full.insert(full.end(), {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
    full.push_back(CAHUB_BINARY);
    full.insert(full.end(), args.begin(), args.end());
    return full;
  }

  RunResult cahub(std::vector<std::string> args, const std::string& input = {}) const {
    args.insert(args.end(), {"--config", config()});
    return run("sh", command(std::move(args)), std::chrono::seconds(120), input);
  }

  void init() const {
    const RunResult r = cahub({"db", "init"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }

  // Adds `login`: the first call makes the administrator "site.admin" on the empty staff table,
  // who then adds every account (with --as, its password on stdin's first line, the new one next).
  void add_staff(const std::string& login, const std::string& role) const {
    if (!has_admin_) {
      const RunResult first = cahub({"staff", "add", "site.admin", "--name", "site.admin", "--role", "admin"},
                                    "a long passphrase\n");
      INFO(first.err);
      REQUIRE(first.exit_code == 0);
      has_admin_ = true;
    }
    const RunResult r = cahub({"staff", "add", login, "--name", login, "--role", role, "--as", "site.admin"},
                              "a long passphrase\na long passphrase\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }

  // `cahub serve --port 0` with its log (stderr) appended to serve.log.
  std::unique_ptr<ServerProcess> serve() const {
    std::vector<std::string> args =
        command({"serve", "--port", "0", "--config", config(), "--log-level", "info"});
    args[1] = "exec 2>>\"" + (folder_ / "serve.log").string() + "\"; " + args[1];
    return std::make_unique<ServerProcess>("sh", std::move(args));
  }

 private:
  ScratchFolder folder_;
  ServicePointOptions options_;
  mutable bool has_admin_ = false;
};

// Signs in on `client` and returns the token.
inline std::string sign_in_as(httplib::Client& client, const std::string& login) {
  client.set_read_timeout(60);
  auto r = client.Post("/v1/login", nlohmann::json{{"login", login}, {"password", "a long passphrase"}}.dump(),
                       "application/json");
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  return nlohmann::json::parse(r->body).at("token").get<std::string>();
}

// Polls GET /healthz every 100 ms until it answers `status` or `within` passes; the last answer.
inline httplib::Result health_within(httplib::Client& client, int status, std::chrono::milliseconds within) {
  const auto until = std::chrono::steady_clock::now() + within;
  for (;;) {
    auto r = client.Get("/healthz");
    if ((r && r->status == status) || std::chrono::steady_clock::now() > until) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace cahub::testing
