// `cahub plugins check` (the conformance kit) and `cahub plugins operate`, through the real binary.
#include <catch2/catch.hpp>

#include "cahub_cli.hpp"

using cahub::testing::run;
using cahub::testing::run_cahub;
using cahub::testing::ScratchFolder;
using Catch::Contains;
using nlohmann::json;

namespace {

// A configuration whose state folder is `scratch`/var, so issuing never touches the tree's var/.
std::string config_in(const ScratchFolder& scratch) {
  return scratch
      .write("cahub.toml", std::string("[paths]\nplugins = \"") + CAHUB_PLUGINS_DIR + "\"\nrules = \"" +
                               CAHUB_RULES_DIR + "\"\nvar = \"var\"\ndatabase = \"var/cahub.db\"\n")
      .string();
}

}  // namespace

TEST_CASE("plugins check passes a bundled plugin and ends with the count") {
  const auto r = run_cahub({"plugins", "check", std::string(CAHUB_PLUGINS_DIR) + "/bjca.so"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("ok    every business it can carry out answers"));
  CHECK_THAT(r.out, Contains("ok    extensions: no extensions; unknown ids answered with NULL"));
  CHECK_THAT(r.out, Contains("ok    issue, freeze, unfreeze, revoke"));
  // Loaded as a host on a shared store loads it, the SDK's CA keeps everything in the database.
  CHECK_THAT(r.out, Contains("ok    the same with its state kept by the host: "));
  CHECK_THAT(r.out, Contains("records kept by the host, none in its folder"));
  CHECK_THAT(r.out, Contains("9 passed, 0 failed"));
}

TEST_CASE("plugins check survives a plugin that crashes and names every broken rule") {
  const auto r = run_cahub({"plugins", "check", CAHUB_MISBEHAVING_PLUGIN});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Contains("ok    loads"));
  CHECK_THAT(r.out, Contains("FAIL  descriptor complete: name_en is empty"));
  // A signal in a plain build; under AddressSanitizer its handler reports and exits instead.
  CHECK_THAT(r.out, Contains("FAIL  every business it can carry out answers: the plugin crashed the host process ("));
  CHECK_THAT(r.out, Contains("FAIL  malformed requests come back as errors: operate(\"\") succeeded"));
  CHECK_THAT(r.out, Contains("FAIL  ABI mismatch refused: asked by a host speaking ABI 3.0, the plugin claims"));
  CHECK_THAT(r.out, Contains("failed\n"));
}

TEST_CASE("plugins check reports a plugin this host refuses, and a missing file") {
  const auto refused = run_cahub({"plugins", "check", CAHUB_ABI_MISMATCH_PLUGIN});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.out, Contains("FAIL  loads: abi_major_3.so: built for plugin ABI 3.0"));
  CHECK_THAT(refused.out, Contains("0 passed, 1 failed"));

  const auto missing = run_cahub({"plugins", "check", "/nonexistent/acme.so"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "cahub: /nonexistent/acme.so: no such file\n");
}

TEST_CASE("plugins operate issues a certificate that openssl verifies, and bad requests exit 2") {
  ScratchFolder scratch;
  const std::string config = config_in(scratch);
  // Today in China (UTC+8, no daylight saving): from 16:00 UTC on, a day ahead of UTC's date.
  const std::string today = cahub::testing::run("date", {"-u", "-d", "+8 hours", "+%F"}).out.substr(0, 10);
  const json order = {{"op", "issue"},
                      {"order_id", "cli-1"},
                      {"business", "new"},
                      {"subject", {{"kind", "org"}, {"unit_name", "青海测试有限公司"}, {"uscc", "91630100MA0000000X"}}},
                      {"not_before", today},
                      {"not_after", today}};
  const auto issued = run_cahub({"--config", config, "plugins", "operate", "hbca", order.dump()});
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  const json answer = json::parse(issued.out);
  const auto ca = json::parse(run_cahub({"--config", config, "plugins", "operate", "hbca", R"({"op":"ca"})"}).out);
  const auto cert = scratch.write("cert.pem", answer.at("certificate_pem").get<std::string>());
  const auto verified = run("openssl", {"verify", "-CAfile", ca.at("root_file").get<std::string>(), "-crl_check",
                                        "-CRLfile", ca.at("crl_file").get<std::string>(), cert.string()});
  CHECK(verified.exit_code == 0);
  CHECK(std::filesystem::exists(scratch / "var" / "ca" / "hbca" / "ca.key.pem"));

  const auto broken = run_cahub({"--config", config, "plugins", "operate", "hbca", "{"});
  CHECK(broken.exit_code == 2);
  CHECK_THAT(broken.err, Contains("plugin hbca: the request is not valid JSON"));
  CHECK(std::count(broken.err.begin(), broken.err.end(), '\n') == 1);

  const auto unknown = run_cahub({"--config", config, "plugins", "operate", "hbca", R"({"op":"status","serial":"AB"})"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("no certificate with serial AB"));

  const auto no_ca = run_cahub({"--config", config, "plugins", "operate", "acme", R"({"op":"ca"})"});
  CHECK(no_ca.exit_code == 2);
  CHECK_THAT(no_ca.err, Contains("unknown CA \"acme\""));
}

TEST_CASE("a plugin answering with text that is not JSON fails that operation with exit 3, not the host") {
  // The good fixture echoes the request inside its answer, so a broken request makes a broken answer.
  const std::string fixtures = std::filesystem::path(CAHUB_ABI_MISMATCH_PLUGIN).parent_path().string();
  const auto broken = run_cahub({"--plugins", fixtures, "plugins", "operate", "good", "{\"op\":"});
  CHECK(broken.exit_code == 3);
  CHECK_THAT(broken.err, Contains("plugin good answered with text that is not JSON"));
  const auto fine = run_cahub({"--plugins", fixtures, "plugins", "operate", "good", R"({"op":"ca"})"});
  CHECK(fine.exit_code == 0);
  CHECK(json::parse(fine.out).at("echo").at("op") == "ca");
}
