// The key-encryption key on the real binary: from $CAHUB_KEY_ENCRYPTION_KEY or [keys] kek_file, it
// seals the CA keys the plugins keep under var/ca/, migrates a plain one, and refuses what it
// cannot use with exit 2 and a line that never quotes the key.
#include <catch2/catch.hpp>

#include <filesystem>

#include "integration/cahub_cli.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string kKek = "7d1f0c3b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060504";
const std::string kOtherKek = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

// A scratch service point; `extra` is appended to its cahub.toml.
struct Point {
  ScratchFolder folder;
  explicit Point(const std::string& extra = {}) {
    folder.write("cahub.toml", "[paths]\nvar = \"" + folder.path().string() + "\"\ndatabase = \"" +
                                   folder.file("cahub.db") + "\"\nrules = \"" + CAHUB_RULES_DIR + "\"\nplugins = \"" +
                                   CAHUB_PLUGINS_DIR + "\"\n" + extra);
  }
  // `cahub plugins operate ID REQUEST` with the key-encryption variable set to `kek` ("": unset).
  RunResult operate(const std::string& kek, const std::string& id, const json& request) const {
    std::vector<std::string> args{"-u", "CAHUB_KEY_ENCRYPTION_KEY"};
    if (!kek.empty()) args.push_back("CAHUB_KEY_ENCRYPTION_KEY=" + kek);
    args.insert(args.end(), {CAHUB_BINARY, "plugins", "operate", id, request.dump(), "--config", folder.file("cahub.toml")});
    return run("env", args);
  }
  std::string ca_key(const std::string& id) const { return read_bytes(folder / "ca" / id / "ca.key.pem"); }
};

const json kCa = {{"op", "ca"}};

json issue_order() {
  return {{"op", "issue"},      {"order_id", "before-kek"}, {"business", "new"},
          {"subject", {{"kind", "org"}, {"unit_name", "深圳测试有限公司"}, {"uscc", "91440300MA5DEM0001"}}},
          {"not_before", "2025-01-01"}, {"not_after", "2035-12-31"}};
}

}  // namespace

TEST_CASE("with $CAHUB_KEY_ENCRYPTION_KEY the CA key under var/ca is sealed, and opens again with it") {
  Point point;
  const RunResult first = point.operate(kKek, "hbca", kCa);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(point.ca_key("hbca"), StartsWith("-----BEGIN CAHUB SEALED DATA-----"));
  CHECK_THAT(point.ca_key("hbca"), !Contains("BEGIN PRIVATE KEY"));
  const RunResult again = point.operate(kKek, "hbca", kCa);
  REQUIRE(again.exit_code == 0);
  CHECK(json::parse(again.out).at("root_pem") == json::parse(first.out).at("root_pem"));

  // Without it, or with another, the CA refuses to run rather than make a new key.
  const RunResult without = point.operate("", "hbca", kCa);
  CHECK(without.exit_code == 3);
  CHECK_THAT(without.err, Contains("is sealed"));
  const RunResult other = point.operate(kOtherKek, "hbca", kCa);
  CHECK(other.exit_code == 3);
  CHECK_THAT(other.err, Contains("sealed_with_other_key"));
  CHECK_THAT(point.ca_key("hbca"), StartsWith("-----BEGIN CAHUB SEALED DATA-----"));
}

TEST_CASE("a plain CA key from before is sealed in place the first time a key-encryption key is given") {
  Point point;
  const RunResult plain = point.operate("", "szca", issue_order());
  INFO(plain.err);
  REQUIRE(plain.exit_code == 0);
  REQUIRE_THAT(point.ca_key("szca"), StartsWith("-----BEGIN PRIVATE KEY-----"));
  const std::string serial = json::parse(plain.out).at("serial");

  const RunResult migrated = point.operate(kKek, "szca", {{"op", "status"}, {"serial", serial}});
  INFO(migrated.err);
  REQUIRE(migrated.exit_code == 0);
  CHECK(json::parse(migrated.out).at("status") == "active");
  CHECK_THAT(point.ca_key("szca"), StartsWith("-----BEGIN CAHUB SEALED DATA-----"));
  // The same CA: the certificate issued before still verifies against the root.
  const auto cert = point.folder.write("c.pem", json::parse(plain.out).at("certificate_pem").get<std::string>());
  CHECK(run("openssl", {"verify", "-CAfile", point.folder.file("ca/szca/ca.cert.pem"), cert.string()}).exit_code == 0);
}

TEST_CASE("[keys] kek_file is read only when private to this user, and never together with the variable") {
  ScratchFolder keys;
  const auto kek_file = keys.write("kek", kKek + "\n");
  std::filesystem::permissions(kek_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  Point point("\n[keys]\nkek_file = \"" + kek_file.string() + "\"\n");
  const RunResult sealed = point.operate("", "cfca", kCa);
  INFO(sealed.err);
  REQUIRE(sealed.exit_code == 0);
  CHECK_THAT(point.ca_key("cfca"), StartsWith("-----BEGIN CAHUB SEALED DATA-----"));
  // The same key from the variable opens it: the file and the variable are two ways to one key.
  Point same;
  std::filesystem::create_directories(same.folder / "ca" / "cfca");
  std::filesystem::copy_file(point.folder / "ca" / "cfca" / "ca.key.pem", same.folder / "ca" / "cfca" / "ca.key.pem");
  std::filesystem::copy_file(point.folder / "ca" / "cfca" / "ca.cert.pem", same.folder / "ca" / "cfca" / "ca.cert.pem");
  CHECK(same.operate(kKek, "cfca", kCa).exit_code == 0);

  // Both at once: which one is meant is not guessed.
  const RunResult both = point.operate(kKek, "cfca", kCa);
  CHECK(both.exit_code == 2);
  CHECK_THAT(both.err, Contains("keep one of them"));

  // Readable by others: refused, saying how to fix it.
  std::filesystem::permissions(kek_file, std::filesystem::perms::group_read | std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  const RunResult open_file = point.operate("", "cfca", kCa);
  CHECK(open_file.exit_code == 2);
  CHECK_THAT(open_file.err, Contains("chmod 600"));
  CHECK_THAT(open_file.err, !Contains(kKek));

  // Missing.
  Point missing("\n[keys]\nkek_file = \"" + keys.file("absent") + "\"\n");
  CHECK(missing.operate("", "cfca", kCa).exit_code == 2);
}

TEST_CASE("a key-encryption key that is not 32 bytes is refused without being echoed") {
  Point point;
  for (const std::string& bad : {std::string("secret-passphrase-not-a-key"), kKek.substr(0, 62), kKek + "ab"}) {
    INFO(bad);
    const RunResult r = point.operate(bad, "cfca", kCa);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("kek_malformed"));
    CHECK_THAT(r.err, !Contains(bad));
  }
  CHECK_FALSE(std::filesystem::exists(point.folder / "ca" / "cfca" / "ca.key.pem"));
}
