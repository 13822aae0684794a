// samples/demo/seed.sh, what `./dev.sh run` starts from: run against a scratch folder with the
// real binary, it makes orders in several states across the regions, certificates near expiry
// and an audit trail that verifies; and it never seeds over an existing folder.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sys/stat.h>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

RunResult seed(const std::string& folder) {
  return run("env", {"CAHUB=" CAHUB_BINARY, "CAHUB_PLUGINS=" CAHUB_PLUGINS_DIR, "CAHUB_RULES=" CAHUB_RULES_DIR, "bash",
                     CAHUB_SOURCE_DIR "/samples/demo/seed.sh", folder},
             std::chrono::seconds(600));
}

RunResult demo(const ScratchFolder& scratch, std::vector<std::string> args) {
  args.insert(args.end(), {"--config", scratch.file("demo/cahub.toml")});
  return run_cahub(std::move(args));
}

}  // namespace

TEST_CASE("the demo seed makes orders in several states, certificates near expiry and an intact audit trail") {
  ScratchFolder scratch;
  const RunResult seeded = seed(scratch.file("demo"));
  INFO(seeded.err);
  REQUIRE(seeded.exit_code == 0);

  const RunResult listed = demo(scratch, {"order", "list", "--json"});
  REQUIRE(listed.exit_code == 0);
  const json queue = json::parse(listed.out);
  CHECK(queue.at("counts") == json{{"completed", 1}, {"under_review", 1}, {"issued", 1}, {"awaiting_payment", 1},
                                   {"submitted", 1}, {"rejected", 1}, {"cancelled", 1}});
  std::set<std::string> regions;
  for (const auto& o : queue.at("orders")) regions.insert(o.at("region").get<std::string>());
  CHECK(regions == std::set<std::string>{"central", "guangdong", "jinan", "neimenggu", "qinghai"});

  // Two certificates held from before expire within 30 days; the third, in 45, does not show.
  const RunResult expiring = demo(scratch, {"certs", "expiring", "--within", "30d"});
  CHECK_THAT(expiring.out, Contains("北京示例科技有限公司 (91110108MA0DEM013A)"));
  CHECK_THAT(expiring.out, Contains("(12 days left)"));
  CHECK_THAT(expiring.out, Contains("西宁示例建设有限公司 (91630100MA0DEM064Q)"));
  CHECK_THAT(expiring.out, Contains("(25 days left)"));
  CHECK_THAT(expiring.out, !Contains("广州示例工程有限公司"));
  // Two issued today through orders, three imported.
  const json registry = json::parse(demo(scratch, {"certs", "list", "--json"}).out);
  CHECK(registry.at("certificates").size() == 5);
  int from_orders = 0;
  for (const auto& c : registry.at("certificates")) from_orders += c.at("order").is_null() ? 0 : 1;
  CHECK(from_orders == 2);

  CHECK(demo(scratch, {"audit", "verify"}).exit_code == 0);

  // The demo seals its CAs' keys with a key-encryption key of its own (0600), and keeps no
  // holder's key under the CAs' folders: the one the CA made went to handed-over/, once.
  struct stat kek {};
  REQUIRE(stat(scratch.file("demo/kek").c_str(), &kek) == 0);
  CHECK((kek.st_mode & 0077) == 0);
  for (const char* ca : {"bjca", "cfca"}) {
    INFO(ca);
    const std::string key = read_bytes(scratch / "demo" / "ca" / ca / "ca.key.pem");
    CHECK_THAT(key, Catch::StartsWith("-----BEGIN CAHUB SEALED DATA-----"));
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(scratch / "demo" / "ca"))
    if (entry.is_regular_file()) CHECK(read_bytes(entry.path()).find("BEGIN PRIVATE KEY") == std::string::npos);
  int handed_over = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scratch / "demo" / "handed-over"))
    handed_over += read_bytes(entry.path()).find("BEGIN PRIVATE KEY") != std::string::npos ? 1 : 0;
  CHECK(handed_over == 1);

  // The accounts exist only in this database, with the passwords written for the demo's user alone.
  struct stat info {};
  REQUIRE(stat(scratch.file("demo/demo-accounts.txt").c_str(), &info) == 0);
  CHECK((info.st_mode & 0077) == 0);
  const std::string accounts = read_bytes(scratch / "demo/demo-accounts.txt");
  const auto at = accounts.find("wang.fang  ");
  REQUIRE(at != std::string::npos);
  const std::string password = accounts.substr(at + 11, accounts.find('\n', at) - at - 11);
  const RunResult signed_in = run(CAHUB_BINARY, {"staff", "sign-in", "wang.fang", "--config", scratch.file("demo/cahub.toml")},
                                  std::chrono::seconds(60), password + "\n");
  CHECK(signed_in.exit_code == 0);
}

TEST_CASE("the demo seed never seeds over an existing folder") {
  ScratchFolder scratch;
  scratch.write("demo/cahub.db", "not mine to overwrite");
  const RunResult refused = seed(scratch.file("demo"));
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Contains("exists"));
  CHECK(read_bytes(scratch / "demo/cahub.db") == "not mine to overwrite");
}
