#pragma once
// Signing in to a real `cahub serve`: every API route but /healthz needs a staff member's token.

#include <chrono>
#include <stdexcept>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace cahub::testing {

inline constexpr const char* kStaffPassphrase = "a long passphrase";

// `cahub staff add` into the database `config_file` names.
inline void add_staff(const std::string& config_file, const std::string& login, const std::string& role) {
  const RunResult r = run(CAHUB_BINARY, {"staff", "add", login, "--name", login, "--role", role, "--config", config_file},
                          std::chrono::seconds(60), std::string(kStaffPassphrase) + "\n");
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
