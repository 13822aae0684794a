// The local issuing CA's private key at rest: sealed with the operator's key-encryption key through
// the host's sealing service (a real plugin, a real registry, real files), migrated from plain PEM,
// and refused when it cannot be opened.
#include <cahub/key_sealing.hpp>

#include <spdlog/spdlog.h>

#include "issuing_ca.hpp"
#include "plugins/host_services.hpp"

using cahub::issuing::test::IssuingCa;
using nlohmann::json;
namespace sealing = cahub::sdk::sealing;
namespace testing = cahub::testing;

namespace {

std::shared_ptr<const sealing::KeySealer> sealer_for(const std::string& hex) {
  return sealing::local_key_sealer(sealing::KeyEncryptionKey::parse(hex));
}
const std::string kKekA = "4f1c2a9be0d37856a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718";
const std::string kKekB = "0aa1c2a9be0d37856a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071";

// A registry over `var`, as a host process would load it, with or without a KEK.
struct Host {
  cahub::plugins::PluginRegistry registry;
  Host(const std::filesystem::path& var, std::shared_ptr<const sealing::KeySealer> sealer) {
    registry.use_key_sealer(std::move(sealer));
    registry.load_folder(CAHUB_PLUGINS_DIR, var);
  }
  json operate(const std::string& id, const json& request) const {
    return json::parse(registry.find(id)->operate(request.dump()));
  }
  // The failure's status and message (CAHUB_OK when the call succeeded).
  cahub_status failure(const std::string& id, const json& request, std::string& message) const {
    try {
      (void)registry.find(id)->operate(request.dump());
      return CAHUB_OK;
    } catch (const cahub::plugins::PluginError& e) {
      message = e.what();
      return e.status();
    }
  }
};

}  // namespace

TEST_CASE("with a key-encryption key the CA key is written sealed, never as plain PEM, and the CA works") {
  IssuingCa ca("bjca", {}, sealer_for(kKekA));
  const json issued = ca.issue_new("sealed-1");
  CHECK(ca.verifies(issued));
  const std::string stored = testing::read_bytes(ca.state_dir() / "ca.key.pem");
  CHECK(sealing::is_armored(stored));
  CHECK(stored.find("BEGIN PRIVATE KEY") == std::string::npos);
  CHECK(stored.find("PRIVATE KEY-----") == std::string::npos);
  // openssl itself cannot read it as a key.
  CHECK(testing::run("openssl", {"pkey", "-in", (ca.state_dir() / "ca.key.pem").string(), "-noout"}).exit_code != 0);
  // The envelope names the KEK it needs, and what is inside is the root's key.
  CHECK(sealing::envelope_key_id(sealing::unarmor(stored)) == sealing::KeyEncryptionKey::parse(kKekA).id());
  // Freeze and revoke sign CRLs with the sealed key, opened in memory only.
  CHECK(ca.call({{"op", "revoke"}, {"serial", issued.at("serial")}, {"reason", "key_compromise"}}).at("status") ==
        "revoked");
  CHECK(ca.verifies_as_revoked(issued));
  // No file under the CA's folder holds a private key in the clear.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ca.state_dir()))
    if (entry.is_regular_file()) CHECK(testing::read_bytes(entry.path()).find("PRIVATE KEY-----") == std::string::npos);
}

TEST_CASE("a plain CA key is migrated when a key-encryption key is first configured, and stays the same CA") {
  testing::ScratchFolder scratch;
  const auto key_file = scratch / "var" / "ca" / "nmgca" / "ca.key.pem";
  json first;
  std::string root_before;
  {
    Host plain(scratch / "var", nullptr);
    first = plain.operate("nmgca", IssuingCa::new_order("before-kek"));
    root_before = plain.operate("nmgca", {{"op", "ca"}}).at("root_pem");
  }
  const std::string plain_pem = testing::read_bytes(key_file);
  REQUIRE_THAT(plain_pem, Catch::StartsWith("-----BEGIN PRIVATE KEY-----"));

  {
    Host sealed(scratch / "var", sealer_for(kKekA));
    CHECK(sealed.operate("nmgca", {{"op", "ca"}}).at("root_pem") == root_before);  // same root, same key
    const json after = sealed.operate("nmgca", {{"op", "freeze"}, {"serial", first.at("serial")}});
    CHECK(after.at("status") == "frozen");
  }
  const std::string migrated = testing::read_bytes(key_file);
  CHECK(sealing::is_armored(migrated));
  CHECK(migrated.find("BEGIN PRIVATE KEY") == std::string::npos);
  CHECK((std::filesystem::status(key_file).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  // No temporary copy of the plain key is left beside it.
  for (const auto& entry : std::filesystem::directory_iterator(key_file.parent_path()))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  // What it sealed is the key the CA had.
  CHECK(sealer_for(kKekA)->open("plugin:nmgca\ncahub.local_ca.key/1:nmgca", migrated) == plain_pem);

  // Opening again does not migrate again: the sealed file is read as it is.
  {
    Host again(scratch / "var", sealer_for(kKekA));
    CHECK(again.operate("nmgca", {{"op", "ca"}}).at("root_pem") == root_before);
  }
  CHECK(testing::read_bytes(key_file) == migrated);
}

TEST_CASE("a sealed CA key is refused without the key-encryption key, or with another one") {
  testing::ScratchFolder scratch;
  { Host sealed(scratch / "var", sealer_for(kKekA)); (void)sealed.operate("hbca", {{"op", "ca"}}); }
  const std::string stored = testing::read_bytes(scratch / "var" / "ca" / "hbca" / "ca.key.pem");

  std::string message;
  Host none(scratch / "var", nullptr);
  CHECK(none.failure("hbca", {{"op", "ca"}}, message) == CAHUB_ERROR_PROVIDER);
  CHECK_THAT(message, Catch::Contains("is sealed") && Catch::Contains("CAHUB_KEY_ENCRYPTION_KEY"));

  Host other(scratch / "var", sealer_for(kKekB));
  CHECK(other.failure("hbca", {{"op", "ca"}}, message) == CAHUB_ERROR_PROVIDER);
  CHECK_THAT(message, Catch::Contains("sealed_with_other_key"));
  CHECK_THAT(message, Catch::Contains(sealing::KeyEncryptionKey::parse(kKekA).id()));

  // Neither made a new CA over the old one.
  CHECK(testing::read_bytes(scratch / "var" / "ca" / "hbca" / "ca.key.pem") == stored);
}

TEST_CASE("a sealed CA key copied into another CA's folder does not open there") {
  testing::ScratchFolder scratch;
  Host host(scratch / "var", sealer_for(kKekA));
  (void)host.operate("bjca", {{"op", "ca"}});
  // The cfca folder gets bjca's sealed key and root, as an attacker who can write files would.
  std::filesystem::create_directories(scratch / "var2" / "ca" / "cfca");
  for (const char* name : {"ca.key.pem", "ca.cert.pem"})
    std::filesystem::copy_file(scratch / "var" / "ca" / "bjca" / name, scratch / "var2" / "ca" / "cfca" / name);
  Host victim(scratch / "var2", sealer_for(kKekA));
  std::string message;
  CHECK(victim.failure("cfca", {{"op", "ca"}}, message) == CAHUB_ERROR_PROVIDER);
  CHECK_THAT(message, Catch::Contains("sealed_not_authentic"));
}

TEST_CASE("a tampered sealed CA key is refused, not replaced") {
  testing::ScratchFolder scratch;
  { Host sealed(scratch / "var", sealer_for(kKekA)); (void)sealed.operate("szca", {{"op", "ca"}}); }
  const auto key_file = scratch / "var" / "ca" / "szca" / "ca.key.pem";
  std::string envelope = sealing::unarmor(testing::read_bytes(key_file));
  envelope[envelope.size() - 20] = static_cast<char>(envelope[envelope.size() - 20] ^ 0x40);
  const std::string tampered = sealing::armor(envelope);
  testing::write_bytes(key_file, tampered);
  Host host(scratch / "var", sealer_for(kKekA));
  std::string message;
  CHECK(host.failure("szca", IssuingCa::new_order("after-tamper"), message) == CAHUB_ERROR_PROVIDER);
  CHECK_THAT(message, Catch::Contains("sealed_not_authentic"));
  CHECK(testing::read_bytes(key_file) == tampered);
}

TEST_CASE("the host's sealing service binds the plugin's id: what one plugin sealed no other opens") {
  using cahub::plugins::make_host_context;
  const auto logger = spdlog::default_logger();
  const auto bjca = make_host_context(logger, "bjca", sealer_for(kKekA));
  const auto cfca = make_host_context(logger, "cfca", sealer_for(kKekA));
  const auto* bjca_table = static_cast<const cahub_key_sealing*>(cahub::plugins::host_service(bjca.get(), CAHUB_HOST_KEY_SEALING));
  const auto* cfca_table = static_cast<const cahub_key_sealing*>(cahub::plugins::host_service(cfca.get(), CAHUB_HOST_KEY_SEALING));
  REQUIRE(bjca_table);
  REQUIRE(cfca_table);
  CHECK(bjca_table->struct_size == sizeof(cahub_key_sealing));
  CHECK(std::string(bjca_table->key_id) == sealing::KeyEncryptionKey::parse(kKekA).id());
  CHECK(cahub::plugins::host_service(bjca.get(), "cahub.key_sealing/2") == nullptr);
  // No KEK configured: no service, so a plugin keeps its keys as before.
  const auto bare = make_host_context(logger, "bjca", nullptr);
  CHECK(cahub::plugins::host_service(bare.get(), CAHUB_HOST_KEY_SEALING) == nullptr);

  struct Sink {
    std::string text;
    cahub_text_sink sink() {
      return {this, [](void* self, const char* utf8, size_t n) { static_cast<Sink*>(self)->text.append(utf8, n); }};
    }
  };
  Sink sealed, error;
  const cahub_text_sink sealed_sink = sealed.sink(), error_sink = error.sink();
  const std::string secret = "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n";
  REQUIRE(bjca_table->seal(bjca.get(), "cahub.local_ca.key/1:x", secret.data(), secret.size(), &sealed_sink,
                           &error_sink) == CAHUB_OK);
  CHECK(sealing::is_armored(sealed.text));

  Sink opened;
  const cahub_text_sink opened_sink = opened.sink();
  CHECK(bjca_table->open(bjca.get(), "cahub.local_ca.key/1:x", sealed.text.data(), sealed.text.size(), &opened_sink,
                         &error_sink) == CAHUB_OK);
  CHECK(opened.text == secret);

  opened.text.clear();
  CHECK(cfca_table->open(cfca.get(), "cahub.local_ca.key/1:x", sealed.text.data(), sealed.text.size(), &opened_sink,
                         &error_sink) == CAHUB_ERROR_PROVIDER);
  CHECK(opened.text.empty());
  CHECK_THAT(error.text, Catch::StartsWith("sealed_not_authentic:"));

  error.text.clear();
  CHECK(bjca_table->open(bjca.get(), "cahub.local_ca.key/1:x", "junk", 4, &opened_sink, &error_sink) ==
        CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(error.text, Catch::StartsWith("sealed_malformed:"));
}
