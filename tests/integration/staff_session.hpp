#pragma once
// Signing in to a real `cahub serve`: every API route but /healthz needs a staff member's token.

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace cahub::testing {

inline constexpr const char* kStaffPassphrase = "a long passphrase";

// `cahub staff add LOGIN` into the database `config_file` names, password kStaffPassphrase: with
// `admin` empty, as the first account (nobody signed in, which only an empty staff table allows);
// otherwise acting as the administrator `admin`, whose password (kStaffPassphrase too) goes in
// CAHUB_PASSWORD. The test's own CAHUB_TOKEN or CAHUB_PASSWORD are not passed on.
inline RunResult run_staff_add(const std::string& config_file, const std::string& login, const std::string& role,
                               const std::string& admin = {}) {
  std::vector<std::string> args{"-u", "CAHUB_TOKEN", "-u", "CAHUB_PASSWORD"};
  if (!admin.empty()) args.push_back("CAHUB_PASSWORD=" + std::string(kStaffPassphrase));
  args.insert(args.end(), {CAHUB_BINARY, "staff", "add", login, "--name", login, "--role", role, "--config", config_file});
  if (!admin.empty()) args.insert(args.end(), {"--as", admin});
  return run("env", args, std::chrono::seconds(60), std::string(kStaffPassphrase) + "\n");
}

// The administrator add_staff makes first on an empty staff table.
inline constexpr const char* kFirstAdmin = "site.admin";

// Adds `login` as run_staff_add does, making kFirstAdmin first when the staff table is empty (an
// account that is not the first needs an administrator to add it).
inline void add_staff(const std::string& config_file, const std::string& login, const std::string& role) {
  const RunResult listed = run(CAHUB_BINARY, {"staff", "list", "--config", config_file});
  if (listed.exit_code != 0) throw std::runtime_error("cahub staff list exited " + std::to_string(listed.exit_code) + ": " + listed.err);
  std::string admin = kFirstAdmin;
  if (listed.out.empty()) {
    const RunResult first = run_staff_add(config_file, kFirstAdmin, "admin");
    if (first.exit_code != 0) throw std::runtime_error("cahub staff add " + admin + " exited " + std::to_string(first.exit_code) + ": " + first.err);
  }
  const RunResult r = run_staff_add(config_file, login, role, admin);
  if (r.exit_code != 0) throw std::runtime_error("cahub staff add " + login + " exited " + std::to_string(r.exit_code) + ": " + r.err);
}

// POST /v1/login; the bearer token. A sign-in costs a deliberately slow password hash, which under a
// sanitizer on a busy machine can take longer than httplib's 5-second default: hence the timeouts.
inline std::string sign_in(httplib::Client& client, const std::string& login) {
  client.set_read_timeout(60);
  client.set_write_timeout(60);
  auto r = client.Post("/v1/login", nlohmann::json{{"login", login}, {"password", kStaffPassphrase}}.dump(),
                       "application/json");
  if (!r || r->status != 200) throw std::runtime_error("sign-in of " + login + " failed");
  return nlohmann::json::parse(r->body).at("token").get<std::string>();
}

// A clerk added to the server's database and signed in on `client`, whose every request then
// carries the token.
inline void sign_in_clerk(httplib::Client& client, const std::string& config_file, const std::string& login = "clerk") {
  add_staff(config_file, login, "clerk");
  client.set_bearer_token_auth(sign_in(client, login));
}

}  // namespace cahub::testing
