// The sealed envelope (sdk/include/cahub/key_sealing.hpp) on real OpenSSL: what it opens, and
// every way it refuses, each with its stable code.
#include <catch2/catch.hpp>

#include <cahub/key_sealing.hpp>

#include <string>

using namespace cahub::sdk::sealing;

namespace {

const std::string kHexA = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string kHexB = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string kPurpose = "cahub.local_ca.key/1:bjca";
const std::string kSecret = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

SealingProblem problem_opening(const KeyEncryptionKey& kek, const std::string& purpose, const std::string& envelope,
                               std::string* message = nullptr) {
  try {
    (void)open(kek, purpose, envelope);
  } catch (const SealingError& e) {
    if (message) *message = e.what();
    return e.problem();
  }
  FAIL("the envelope opened");
  return SealingProblem::Unavailable;
}

// Where each part of an envelope starts: header 6 + 16 (key id), nonce 12, then the ciphertext,
// the last 16 bytes the tag.
constexpr std::size_t kHeader = 6 + 16;
constexpr std::size_t kNonce = 12;

}  // namespace

TEST_CASE("a sealed secret opens with the same key and purpose, and is not readable in the envelope") {
  const KeyEncryptionKey kek = KeyEncryptionKey::parse(kHexA);
  const std::string envelope = seal(kek, kPurpose, kSecret);
  CHECK(envelope.size() == kHeader + kNonce + kSecret.size() + 16);
  CHECK(envelope.substr(0, 4) == "CHSL");
  CHECK(envelope[4] == 1);
  CHECK(envelope_key_id(envelope) == kek.id());
  CHECK(envelope.find("PRIVATE KEY") == std::string::npos);
  CHECK(open(kek, kPurpose, envelope) == kSecret);
  CHECK(open(kek, "", seal(kek, "", "")).empty());  // the empty secret and purpose are still authenticated
}

TEST_CASE("every seal draws a fresh nonce, so the same secret never seals the same way twice") {
  const KeyEncryptionKey kek = KeyEncryptionKey::parse(kHexA);
  const std::string a = seal(kek, kPurpose, kSecret), b = seal(kek, kPurpose, kSecret);
  CHECK(a.substr(kHeader, kNonce) != b.substr(kHeader, kNonce));
  CHECK(a.substr(kHeader + kNonce) != b.substr(kHeader + kNonce));
}

TEST_CASE("another key-encryption key is refused by its id, naming both") {
  const KeyEncryptionKey a = KeyEncryptionKey::parse(kHexA), b = KeyEncryptionKey::parse(kHexB);
  CHECK(a.id() != b.id());
  std::string message;
  CHECK(problem_opening(b, kPurpose, seal(a, kPurpose, kSecret), &message) == SealingProblem::OtherKey);
  CHECK_THAT(message, Catch::Contains(a.id()) && Catch::Contains(b.id()));
  CHECK(problem_code(SealingProblem::OtherKey) == "sealed_with_other_key");
}

TEST_CASE("another key that claims the right id still fails, as not authentic") {
  const KeyEncryptionKey a = KeyEncryptionKey::parse(kHexA), b = KeyEncryptionKey::parse(kHexB);
  std::string forged = seal(b, kPurpose, kSecret);
  forged.replace(6, 16, a.id());  // b's envelope relabelled as a's
  CHECK(problem_opening(a, kPurpose, forged) == SealingProblem::NotAuthentic);
}

TEST_CASE("a changed byte anywhere past the magic is refused") {
  const KeyEncryptionKey kek = KeyEncryptionKey::parse(kHexA);
  const std::string envelope = seal(kek, kPurpose, kSecret);
  for (std::size_t at = 4; at < envelope.size(); ++at) {
    std::string tampered = envelope;
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
    INFO("byte " << at);
    const SealingProblem p = problem_opening(kek, kPurpose, tampered);
    if (at < kHeader)  // version, length or key id: the header is checked before the cipher runs
      CHECK((p == SealingProblem::MalformedEnvelope || p == SealingProblem::OtherKey));
    else  // nonce, ciphertext or tag: GCM's tag check
      CHECK(p == SealingProblem::NotAuthentic);
  }
  CHECK(problem_code(SealingProblem::NotAuthentic) == "sealed_not_authentic");
}

TEST_CASE("a secret sealed for one purpose does not open for another") {
  const KeyEncryptionKey kek = KeyEncryptionKey::parse(kHexA);
  const std::string envelope = seal(kek, "cahub.local_ca.key/1:bjca", kSecret);
  std::string message;
  CHECK(problem_opening(kek, "cahub.local_ca.key/1:nmgca", envelope, &message) == SealingProblem::NotAuthentic);
  CHECK_THAT(message, Catch::Contains("nmgca"));
  CHECK(problem_opening(kek, "cahub.local_ca.key/1:bjc", envelope) == SealingProblem::NotAuthentic);
}

TEST_CASE("what is not an envelope of this version is refused as malformed") {
  const KeyEncryptionKey kek = KeyEncryptionKey::parse(kHexA);
  const std::string envelope = seal(kek, kPurpose, kSecret);
  CHECK(problem_opening(kek, kPurpose, "") == SealingProblem::MalformedEnvelope);
  CHECK(problem_opening(kek, kPurpose, kSecret) == SealingProblem::MalformedEnvelope);
  CHECK(problem_opening(kek, kPurpose, envelope.substr(0, kHeader + kNonce + 15)) == SealingProblem::MalformedEnvelope);
  std::string version2 = envelope;
  version2[4] = 2;
  std::string message;
  CHECK(problem_opening(kek, kPurpose, version2, &message) == SealingProblem::MalformedEnvelope);
  CHECK_THAT(message, Catch::Contains("version 2"));
  std::string no_id = envelope;
  no_id[5] = 0;
  CHECK(problem_opening(kek, kPurpose, no_id) == SealingProblem::MalformedEnvelope);
  CHECK_THROWS_AS(envelope_key_id("CHS"), SealingError);
}

TEST_CASE("the armor carries the envelope as text and is told apart from plain PEM") {
  const KeyEncryptionKey kek = KeyEncryptionKey::parse(kHexA);
  const std::string envelope = seal(kek, kPurpose, kSecret);
  const std::string text = armor(envelope);
  CHECK(text.rfind("-----BEGIN CAHUB SEALED DATA-----\n", 0) == 0);
  CHECK(text.find("BEGIN PRIVATE KEY") == std::string::npos);
  for (std::size_t line = 0, next = 0; (next = text.find('\n', line)) != std::string::npos; line = next + 1)
    CHECK(next - line <= 64);
  CHECK(is_armored(text));
  CHECK(is_armored("\n  " + text));
  CHECK_FALSE(is_armored(kSecret));
  CHECK(unarmor(text) == envelope);
  CHECK(open(kek, kPurpose, unarmor(text)) == kSecret);
  try {
    (void)unarmor("-----BEGIN CAHUB SEALED DATA-----\n!!!!\n-----END CAHUB SEALED DATA-----\n");
    FAIL("bad base64 was accepted");
  } catch (const SealingError& e) {
    CHECK(e.problem() == SealingProblem::MalformedEnvelope);
  }
  CHECK_THROWS_AS(unarmor(kSecret), SealingError);
}

TEST_CASE("a key-encryption key is read from hex or base64, and anything else is refused without echoing it") {
  const KeyEncryptionKey hex = KeyEncryptionKey::parse(kHexA);
  // The same 32 bytes in base64, with a file's trailing newline.
  const KeyEncryptionKey b64 = KeyEncryptionKey::parse("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
  CHECK(hex.id() == b64.id());
  CHECK(hex.id().size() == 16);
  CHECK(KeyEncryptionKey::parse("  " + kHexA + "\r\n").id() == hex.id());
  CHECK(KeyEncryptionKey::parse("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F").id() == hex.id());
  for (const std::string& bad : {std::string(), kHexA.substr(2), kHexA + "00", "zz" + kHexA.substr(2),
                                std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd"), std::string("correct horse battery")}) {
    INFO(bad);
    try {
      (void)KeyEncryptionKey::parse(bad);
      FAIL("accepted");
    } catch (const SealingError& e) {
      CHECK(e.problem() == SealingProblem::MalformedKek);
      CHECK(e.code() == "kek_malformed");
      if (!bad.empty()) CHECK(std::string(e.what()).find(bad) == std::string::npos);
    }
  }
}

TEST_CASE("a local sealer seals to armored text and opens only its own purpose") {
  const auto sealer = local_key_sealer(KeyEncryptionKey::parse(kHexA));
  CHECK(sealer->key_id() == KeyEncryptionKey::parse(kHexA).id());
  const std::string sealed = sealer->seal(kPurpose, kSecret);
  CHECK(is_armored(sealed));
  CHECK(sealer->open(kPurpose, sealed) == kSecret);
  CHECK_THROWS_AS(sealer->open("other", sealed), SealingError);
  const auto other = local_key_sealer(KeyEncryptionKey::parse(kHexB));
  try {
    (void)other->open(kPurpose, sealed);
    FAIL("opened with another key");
  } catch (const SealingError& e) {
    CHECK(e.problem() == SealingProblem::OtherKey);
  }
}
