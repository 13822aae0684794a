// The holder's key stays the holder's: the CA certifies a medium's certificate request, or makes
// the pair and hands the private key over once, and keeps no subscriber key on disk either way.
#include "issuing_ca.hpp"

using cahub::issuing::test::IssuingCa;
using nlohmann::json;
namespace testing = cahub::testing;

namespace {

// Every file under `folder` that holds a private key in PEM.
std::vector<std::filesystem::path> private_key_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file() && testing::read_bytes(entry.path()).find("PRIVATE KEY-----") != std::string::npos)
      found.push_back(entry.path());
  return found;
}

// A key pair and its PKCS#10 request, as a medium's tooling would make them; `subject` is the CN.
struct Medium {
  testing::ScratchFolder folder;
  std::string csr;
  std::string public_key;
  explicit Medium(const std::string& subject = "holder") {
    REQUIRE(testing::run("openssl", {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                     "-keyout", folder.file("medium.key"), "-subj", "/CN=" + subject, "-out",
                                     folder.file("medium.csr")})
                .exit_code == 0);
    csr = testing::read_bytes(folder / "medium.csr");
    public_key = testing::run("openssl", {"pkey", "-in", folder.file("medium.key"), "-pubout"}).out;
  }
};

std::string public_key_of_certificate(const IssuingCa& ca, const json& issued) {
  const auto cert = ca.scratch().write("c-" + issued.at("serial").get<std::string>() + ".pem",
                                       issued.at("certificate_pem").get<std::string>());
  return testing::run("openssl", {"x509", "-in", cert.string(), "-noout", "-pubkey"}).out;
}

}  // namespace

TEST_CASE("without the holder's request the CA hands the private key over once and keeps no copy") {
  IssuingCa ca("bjca");
  const json issued = ca.issue_new("handed-over");
  CHECK(ca.verifies(issued));
  CHECK(issued.at("key_made_by_ca") == true);
  const std::string key = issued.at("subscriber_key_pem");
  // The key handed over is the certificate's.
  const auto key_file = ca.scratch().write("handed.key", key);
  CHECK(testing::run("openssl", {"pkey", "-in", key_file.string(), "-pubout"}).out == public_key_of_certificate(ca, issued));
  // Nothing under the CA's folder holds it: not a keys/ folder, not the ledger.
  CHECK_FALSE(std::filesystem::exists(ca.state_dir() / "keys"));
  CHECK(private_key_files(ca.state_dir()) == std::vector<std::filesystem::path>{ca.state_dir() / "ca.key.pem"});
  CHECK(testing::read_bytes(ca.state_dir() / "ledger.sqlite").find(key.substr(30, 40)) == std::string::npos);

  // A retry of the same order gets the same certificate, and no key: it was handed over already.
  const json again = ca.issue_new("handed-over");
  CHECK(again.at("replayed") == true);
  CHECK(again.at("serial") == issued.at("serial"));
  CHECK(again.at("key_made_by_ca") == true);
  CHECK_FALSE(again.contains("subscriber_key_pem"));
  CHECK_FALSE(ca.call({{"op", "status"}, {"serial", issued.at("serial")}}).contains("subscriber_key_pem"));
}

TEST_CASE("a holder's certificate request is certified, and the CA never sees a private key") {
  IssuingCa ca("nmgca");
  const Medium medium;
  json order = IssuingCa::new_order("from-medium");
  order["csr_pem"] = medium.csr;
  const json issued = ca.call(order);
  CHECK(ca.verifies(issued));
  CHECK_FALSE(issued.contains("subscriber_key_pem"));
  CHECK_FALSE(issued.contains("key_made_by_ca"));
  CHECK(public_key_of_certificate(ca, issued) == medium.public_key);
  // The subject is the order's, not whatever the request says (CN=holder).
  CHECK_THAT(ca.certificate_text(issued), Catch::Contains("内蒙古测试科技有限公司"));
  CHECK(private_key_files(ca.state_dir()) == std::vector<std::filesystem::path>{ca.state_dir() / "ca.key.pem"});

  // A retry with the same request replays; with another medium's request it is refused.
  CHECK(ca.call(order).at("replayed") == true);
  const Medium other;
  json swapped = order;
  swapped["csr_pem"] = other.csr;
  std::string message;
  CHECK(ca.status_of(swapped, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("retry must repeat the same request"));
  // Nor may a retry drop the request and ask the CA to make a key instead.
  json without = order;
  without.erase("csr_pem");
  CHECK(ca.status_of(without) == CAHUB_ERROR_INVALID_REQUEST);
}

TEST_CASE("a certificate request that is not one, or whose signature does not verify, is refused") {
  IssuingCa ca("cfca");
  json order = IssuingCa::new_order("bad-csr");
  std::string message;

  order["csr_pem"] = "-----BEGIN CERTIFICATE REQUEST-----\nnot a request\n-----END CERTIFICATE REQUEST-----\n";
  CHECK(ca.status_of(order, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("csr_pem"));

  // A real request with its signature altered: proof of possession fails.
  const Medium medium;
  const auto der = medium.folder / "medium.der";
  REQUIRE(testing::run("openssl", {"req", "-in", medium.folder.file("medium.csr"), "-outform", "DER", "-out", der.string()})
              .exit_code == 0);
  std::string bytes = testing::read_bytes(der);
  bytes[bytes.size() - 8] = static_cast<char>(bytes[bytes.size() - 8] ^ 0x01);  // inside the signature
  testing::write_bytes(der, bytes);
  const auto pem = testing::run("openssl", {"req", "-inform", "DER", "-in", der.string()});
  REQUIRE(pem.exit_code == 0);
  order["csr_pem"] = pem.out;
  CHECK(ca.status_of(order, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("does not verify"));

  // One key, one way: a request and a bare public key together are refused.
  order["csr_pem"] = medium.csr;
  order["public_key_pem"] = medium.public_key;
  CHECK(ca.status_of(order, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("not both"));
  // Nothing was issued by any of them.
  CHECK(ca.status_of({{"op", "status"}, {"serial", "01"}}) == CAHUB_ERROR_NOT_FOUND);
}
