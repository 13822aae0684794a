// The curl examples of docs/api.md, run as they are written against a real `cahub serve`.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "integration/cahub_cli.hpp"
#include "integration/staff_session.hpp"

using namespace cahub::testing;

namespace {

// The ```sh block after the "run by tests/integration/api_doc_test.cpp" marker.
std::string example_script() {
  std::ifstream doc(CAHUB_SOURCE_DIR "/docs/api.md");
  std::stringstream text;
  text << doc.rdbuf();
  const std::string all = text.str();
  const auto marker = all.find("<!-- run by tests/integration/api_doc_test.cpp -->");
  REQUIRE(marker != std::string::npos);
  const auto start = all.find("```sh\n", marker);
  REQUIRE(start != std::string::npos);
  const auto end = all.find("```", start + 6);
  REQUIRE(end != std::string::npos);
  return all.substr(start + 6, end - start - 6);
}

}  // namespace

TEST_CASE("the curl examples in docs/api.md run against a real server") {
  ScratchFolder var;
  var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") + "\"\n");
  db_init({"--config", var.file("cahub.toml")});
  add_staff(var.file("cahub.toml"), "wang.fang", "clerk");
  ServerProcess server(CAHUB_BINARY, {"serve", "--port", "0", "--config", var.file("cahub.toml"), "--rules",
                                      CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
  const auto script = var.write("examples.sh", "CAHUB=http://127.0.0.1:" + std::to_string(server.port()) +
                                                   "\nPASSWORD='a long passphrase'\n" + example_script());
  const auto r = run("bash", {"-euo", "pipefail", script.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"state\":\"cancelled\""));
  CHECK_THAT(r.out, Catch::Contains("\"intact\":true"));
}
