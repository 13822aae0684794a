#pragma once
// A real `cahub serve` on loopback with a scratch database and three staff accounts made by
// `cahub staff add`: wang.fang (clerk), zhao.li (reviewer), chen.jie (admin).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "integration/staff_session.hpp"
#include "integration/cahub_cli.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"

namespace cahub::testing {

using nlohmann::json;

struct StaffedServer {
  ScratchFolder var;
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<httplib::Client> client;

  // `extra_config` is appended to the scratch cahub.toml (e.g. a [calendar] section).
  explicit StaffedServer(const std::string& extra_config = {}) {
    var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") + "\"\n" + extra_config);
    db_init({"--config", var.file("cahub.toml")});
    // The administrator first, on the empty table; the administrator adds the others.
    REQUIRE(run_staff_add(var.file("cahub.toml"), "chen.jie", "admin").exit_code == 0);
    for (const auto& [login, role] : {std::pair{"wang.fang", "clerk"}, std::pair{"zhao.li", "reviewer"}}) {
      const auto r = run_staff_add(var.file("cahub.toml"), login, role, "chen.jie");
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    start();
  }

  // Stops the server and starts another on the same folder and database (a restart after a crash,
  // as far as the database is concerned).
  void restart() {
    client.reset();
    server->stop();
    server.reset();
    start();
  }

  void start() {
    server = std::make_unique<ServerProcess>(
        CAHUB_BINARY, std::vector<std::string>{"serve", "--port", "0", "--config", var.file("cahub.toml"), "--rules",
                                               CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
    // A sign-in costs a deliberately slow password hash; under a sanitizer on a busy machine that
    // can take longer than httplib's 5-second default.
    client->set_read_timeout(60);
    client->set_write_timeout(60);
  }

  std::string sign_in(const std::string& login) {
    auto r = client->Post("/v1/login", json{{"login", login}, {"password", "a long passphrase"}}.dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body).at("token");
  }

  std::pair<int, json> call(const std::string& method, const std::string& path, const std::string& token,
                            const json& body = nullptr, const std::string& key = {}) {
    httplib::Headers headers{{"Authorization", "Bearer " + token}};
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    auto r = method == "GET" ? client->Get(path, headers)
                             : client->Post(path, headers, body.is_null() ? "{}" : body.dump(), "application/json");
    REQUIRE(r);
    return {r->status, json::parse(r->body)};
  }

  std::pair<int, json> act(const std::string& id, const std::string& action, const std::string& token, const json& order,
                           const std::string& note = {}) {
    json body = {{"version", order.at("version")}};
    if (!note.empty()) body["note"] = note;
    return call("POST", "/v1/orders/" + id + "/actions/" + action, token, body);
  }
};

}  // namespace cahub::testing
