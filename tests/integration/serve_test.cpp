// The real `cahub serve` on loopback: health, quotes equal to the CLI's, JSON errors, limits,
// a failing request that leaves the server serving, and a clean stop on SIGTERM.
#include <catch2/catch.hpp>

#include <httplib.h>

#include "integration/cahub_cli.hpp"
#include "integration/staff_session.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> serve_args(const std::string& rules_dir, const ScratchFolder& var) {
  var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") + "\"\n");
  db_init({"--config", var.file("cahub.toml")});
  return {"serve", "--port", "0", "--config", var.file("cahub.toml"), "--rules", rules_dir, "--plugins",
          CAHUB_PLUGINS_DIR, "--log-level", "warn"};
}

}  // namespace

TEST_CASE("cahub serve answers health and quotes like the CLI") {
  ScratchFolder var;
  ServerProcess server(CAHUB_BINARY, serve_args(CAHUB_RULES_DIR, var));
  httplib::Client client("127.0.0.1", server.port());

  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(json::parse(health->body)["status"] == "ok");

  // Quotes, rules and plugins need a signed-in staff member; health does not (probes).
  for (const char* path : {"/v1/rules", "/v1/plugins"}) {
    auto anonymous = client.Get(path);
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    CHECK(json::parse(anonymous->body)["error"]["code"] == "unauthenticated");
  }
  auto anonymous_quote = client.Post("/v1/quote", R"({"region":"central","ca":"bjca","business":"new"})", "application/json");
  REQUIRE(anonymous_quote);
  CHECK(anonymous_quote->status == 401);
  client.set_bearer_token_auth("not-a-session");
  auto bad_token = client.Get("/v1/rules");
  REQUIRE(bad_token);
  CHECK(bad_token->status == 401);
  sign_in_clerk(client, var.file("cahub.toml"));

  const json body{{"region", "central"}, {"ca", "bjca"}, {"business", "renew"}, {"channel", "onsite"},
                  {"today", "2026-06-01"}, {"cert_not_before", "2025-06-20"}, {"cert_not_after", "2026-06-20"}};
  auto res = client.Post("/v1/quote", body.dump(), "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  const json from_http = json::parse(res->body);
  const json from_cli = quote_json("2026-06-01", {"--region", "central", "--ca", "bjca", "--business", "renew",
                                                  "--channel", "onsite", "--cert-not-before", "2025-06-20",
                                                  "--cert-not-after", "2026-06-20"});
  CHECK(from_http == from_cli);
  CHECK(from_http["fee"]["total_fen"] == 18000);

  auto explained = client.Post("/v1/quote?explain=1", body.dump(), "application/json");
  REQUIRE(explained);
  CHECK_THAT(json::parse(explained->body)["fee"]["items"][0]["source"].get<std::string>(), Contains("central.lua:"));

  CHECK(server.stop() == 0);
}

TEST_CASE("cahub serve gives JSON errors with stable codes and keeps serving") {
  ScratchFolder var, rules;
  std::filesystem::copy_file(std::string(CAHUB_RULES_DIR) + "/central.lua", rules.file("central.lua"));
  rules.write("spin.lua", R"(region { id = "spin", name = "死循环", accepts = { "bjca" }, applicants = { "org" },
  channels = { "onsite" }, businesses = { "new" }, years = { 1 } } offer { business = { "new" } }
fee { business = "new", code = "x", label = "x", fen = 100, when = function(q) while true do end end }
)");
  ServerProcess server(CAHUB_BINARY, serve_args(rules.path().string(), var));
  httplib::Client client("127.0.0.1", server.port());
  sign_in_clerk(client, var.file("cahub.toml"));
  auto error_code = [](const httplib::Result& res) { return json::parse(res->body)["error"]["code"].get<std::string>(); };

  auto malformed = client.Post("/v1/quote", "{\"region\": ", "application/json");
  REQUIRE(malformed);
  CHECK(malformed->status == 400);
  CHECK(error_code(malformed) == "malformed_json");

  auto unknown = client.Post("/v1/quote", R"({"region":"central","ca":"bjca","business":"new","colour":"red"})",
                             "application/json");
  REQUIRE(unknown);
  CHECK(unknown->status == 400);
  CHECK(error_code(unknown) == "unknown_field");

  auto bad_date = client.Post("/v1/quote", R"({"region":"central","ca":"bjca","business":"new","today":"2026-13-01"})",
                              "application/json");
  REQUIRE(bad_date);
  CHECK(bad_date->status == 400);
  CHECK(error_code(bad_date) == "bad_date");

  auto runaway = client.Post("/v1/quote", R"({"region":"spin","ca":"bjca","business":"new"})", "application/json");
  REQUIRE(runaway);
  CHECK(runaway->status == 500);
  // The script's own message names its file and line: that goes to the log, under the incident id
  // the answer gives, not to the client.
  const json runaway_error = json::parse(runaway->body)["error"];
  CHECK(runaway_error["code"].get<std::string>().find("_failed") != std::string::npos);
  CHECK(runaway_error["incident"].get<std::string>().size() == 12);
  CHECK_THAT(runaway_error["message"].get<std::string>(), !Contains("spin.lua"));

  auto oversize = client.Post("/v1/quote", std::string(5 * 1024 * 1024, ' '), "application/json");
  REQUIRE(oversize);
  CHECK(oversize->status == 413);

  auto missing = client.Get("/v1/nothing");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(error_code(missing) == "not_found");

  // After all of that, the next good request is answered.
  auto good = client.Post("/v1/quote", R"({"region":"central","ca":"bjca","business":"new","today":"2026-06-01"})",
                          "application/json");
  REQUIRE(good);
  CHECK(good->status == 200);
  CHECK(json::parse(good->body)["fee"]["total_fen"] == 26000);

  auto rules_status = client.Get("/v1/rules");
  REQUIRE(rules_status);
  CHECK(rules_status->status == 200);
  auto plugins_status = client.Get("/v1/plugins");
  REQUIRE(plugins_status);
  CHECK(json::parse(plugins_status->body)["plugins"][0]["id"] == "bjca");
}
