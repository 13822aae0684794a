// Files another user could have put there, through the real binary: a plugin in a world-writable
// folder (or a world-writable plugin file) is refused before it is loaded, and a symlinked region
// script is ignored, its target's text never served by GET /v1/rules.
#include <catch2/catch.hpp>

#include <filesystem>

#include <httplib.h>

#include "integration/cahub_cli.hpp"
#include "integration/staff_session.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// A plugins folder of copies of bundled plugins, with the given modes.
fs::path plugin_folder(const ScratchFolder& scratch, fs::perms folder_mode, fs::perms bjca_mode) {
  const fs::path folder = scratch / "plugins";
  fs::create_directories(folder);
  for (const char* id : {"bjca", "netca"})
    fs::copy_file(std::string(CAHUB_PLUGINS_DIR) + "/" + id + ".so", folder / (std::string(id) + ".so"));
  fs::permissions(folder / "netca.so", fs::perms(0755), fs::perm_options::replace);
  fs::permissions(folder / "bjca.so", bjca_mode, fs::perm_options::replace);
  fs::permissions(folder, folder_mode, fs::perm_options::replace);
  return folder;
}

std::string config_for(const ScratchFolder& scratch, const fs::path& plugins) {
  return scratch
      .write("cahub.toml", "[paths]\nplugins = \"" + plugins.string() + "\"\nrules = \"" + CAHUB_RULES_DIR +
                               "\"\nvar = \"var\"\ndatabase = \"var/cahub.db\"\n")
      .string();
}

}  // namespace

TEST_CASE("plugins list refuses every plugin of a world-writable folder, and says why") {
  ScratchFolder scratch;
  const fs::path folder = plugin_folder(scratch, fs::perms(0777), fs::perms(0755));
  const RunResult r = run_cahub({"plugins", "list", "--config", config_for(scratch, folder)});
  INFO(r.out << r.err);
  CHECK_THAT(r.out, Contains("no plugins loaded"));
  const std::string why = "folder " + fs::canonical(folder).string() + " is world-writable (mode 0777)";
  CHECK_THAT(r.out, Contains("    bjca.so: refused before loading: " + why));
  CHECK_THAT(r.out, Contains("    netca.so: refused before loading: " + why));
  CHECK_THAT(r.err, Contains("skipped plugin: bjca.so: refused before loading: " + why));

  const RunResult j = run_cahub({"plugins", "list", "--json", "--config", config_for(scratch, folder)});
  const json listed = json::parse(j.out);
  CHECK(listed.at("plugins").empty());
  CHECK_THAT(listed.at("refused").at(0).at("reason").get<std::string>(), Contains(why));
}

TEST_CASE("a world-writable plugin file is refused while the others load") {
  ScratchFolder scratch;
  const fs::path folder = plugin_folder(scratch, fs::perms(0755), fs::perms(0666));
  const RunResult r = run_cahub({"plugins", "list", "--json", "--config", config_for(scratch, folder)});
  INFO(r.out << r.err);
  const json listed = json::parse(r.out);
  REQUIRE(listed.at("plugins").size() == 1);
  CHECK(listed.at("plugins").at(0).at("id") == "netca");
  REQUIRE(listed.at("refused").size() == 1);
  CHECK(listed.at("refused").at(0).at("reason") ==
        "bjca.so: refused before loading: file " + fs::canonical(folder / "bjca.so").string() +
            " is world-writable (mode 0666); a plugin file and its folders must be writable only by root or cahub's "
            "user");
}

TEST_CASE("cahub serve ignores a symlinked script: not loaded, its target never shown") {
  ScratchFolder var, rules, outside;
  rules.write("central.lua", read_bytes(std::string(CAHUB_RULES_DIR) + "/central.lua"));
  // A region script elsewhere, and a file a syntax error would quote.
  const fs::path qinghai = outside.write("qinghai.lua", read_bytes(std::string(CAHUB_RULES_DIR) + "/qinghai.lua"));
  const fs::path secret = outside.write("shadow", "root:TOP-SECRET-HASH:19000:0:99999:7:::\n");
  fs::create_symlink(qinghai, rules / "qinghai.lua");
  fs::create_symlink(secret, rules / "shadow.lua");
  var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") +
                              "\"\n[rules]\nwatch_milliseconds = 0\n");
  db_init({"--config", var.file("cahub.toml")});
  ServerProcess server(CAHUB_BINARY, {"serve", "--port", "0", "--config", var.file("cahub.toml"), "--rules",
                                      rules.path().string(), "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
  httplib::Client client("127.0.0.1", server.port());
  sign_in_clerk(client, var.file("cahub.toml"));
  auto res = client.Get("/v1/rules");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->body.find("TOP-SECRET") == std::string::npos);
  const json served = json::parse(res->body);
  REQUIRE(served.at("regions").size() == 1);
  CHECK(served.at("regions").at(0).at("id") == "central");
  REQUIRE(served.at("refused").size() == 2);
  for (const json& refused : served.at("refused")) {
    INFO(refused.dump());
    CHECK_THAT(refused.at("findings").at(0).get<std::string>(), Contains(": ignored: a symbolic link;"));
  }
  auto quote = client.Post("/v1/quote", R"({"region":"qinghai","ca":"bjca","business":"new","channel":"onsite"})",
                           "application/json");
  REQUIRE(quote);
  CHECK(quote->status != 200);

  // `cahub rules check` says the same of the folder.
  const RunResult check = run_cahub({"rules", "check", "--rules", rules.path().string()});
  CHECK_THAT(check.out, Contains("shadow.lua: ignored: a symbolic link;"));
  CHECK(check.out.find("TOP-SECRET") == std::string::npos);
}
