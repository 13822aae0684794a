#pragma once
// The Ed25519 key pair that signs the audit chain's checkpoints (OpenSSL 3, EVP_PKEY_ED25519).
//
// The private half never lives in the database: an attacker who can rewrite cahub.db (and so
// recompute every SHA-256 of the chain) must not be able to sign a checkpoint for the rewrite. It
// comes from $CAHUB_AUDIT_SIGNING_KEY (the PEM itself) or from [audit] signing_key_file, a PKCS#8
// PEM file that only its owner may read (0600, like ssh refuses a private key others can read).
// The public half is what verifiers hold ([audit] public_key_file, `cahub audit public-key`).
//
// Keys are immutable once made; sign() and verify() may be called from any thread.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st;

namespace cahub::audit {

class VerifyingKey {
 public:
  // Throws AuditAnchorError ("bad_public_key") for anything but an Ed25519 public key in PEM
  // (SubjectPublicKeyInfo); `origin` names where it came from, for the message.
  static VerifyingKey from_pem(std::string_view pem, const std::string& origin);
  static VerifyingKey from_file(const std::filesystem::path& file);  // also "public_key_unreadable"

  // Whether `signature_hex` (128 lower-case hex digits) is this key's signature of `message`.
  bool verify(std::string_view message, std::string_view signature_hex) const;
  std::string public_pem() const;
  // Lower-case hex SHA-256 of the raw 32-byte public key: what a checkpoint names its signer by.
  std::string fingerprint() const;

 private:
  explicit VerifyingKey(std::shared_ptr<evp_pkey_st> key);
  friend class SigningKey;
  std::shared_ptr<evp_pkey_st> key_;
};

class SigningKey {
 public:
  static SigningKey generate();
  // Throws AuditAnchorError ("bad_signing_key") for anything but an Ed25519 private key in PEM.
  static SigningKey from_pem(std::string_view pem, const std::string& origin);
  // Also "signing_key_unreadable", and "signing_key_too_open" when group or others may read it.
  static SigningKey from_file(const std::filesystem::path& file);

  // The key from the environment's PEM text when it is set and not empty, else from `file` when
  // it is not empty, else none.
  static std::optional<SigningKey> configured(const char* environment_pem, const std::filesystem::path& file);

  // The 64-byte Ed25519 signature of `message`, as 128 lower-case hex digits.
  std::string sign(std::string_view message) const;
  std::string private_pem() const;  // PKCS#8
  VerifyingKey verifying_key() const { return VerifyingKey(key_); }

 private:
  explicit SigningKey(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
  std::shared_ptr<evp_pkey_st> key_;
};

// Writes `key` as a new file (PKCS#8 PEM) that only its owner may read (0600 whatever the umask);
// refuses to replace an existing file ("key_file_exists"), so that a slip cannot destroy the key
// the published checkpoints were signed with.
void write_new_key_file(const std::filesystem::path& file, const SigningKey& key);

}  // namespace cahub::audit
