/*
 * cahub plugin SDK: sealing secrets at rest with a key-encryption key (KEK).
 *
 * A CA's private key (and, once the store is shared, any secret a host keeps for a plugin) is
 * written to disk or to a database only sealed: AES-256-GCM through OpenSSL EVP, under a 32-byte
 * KEK that the operator keeps outside the sealed data ($CAHUB_KEY_ENCRYPTION_KEY or
 * [keys] kek_file, see docs/configuration.md). The host holds the KEK; a plugin never sees it and
 * asks the host to seal and open through the host service CAHUB_HOST_KEY_SEALING (plugin.h),
 * which host_key_sealer() below wraps. The host uses local_key_sealer() itself, and so can a test.
 *
 * THE ENVELOPE (version 1), all of it binary, then armored as text (armor() below):
 *
 *   offset 0      "CHSL"              magic
 *          4      0x01                version
 *          5      n                   length of the key id (1..64)
 *          6      key id              n ASCII bytes: which KEK sealed it (KeyEncryptionKey::id)
 *          6+n    nonce               12 random bytes, fresh for every seal
 *          18+n   ciphertext          as long as the plaintext
 *          end-16 tag                 16 bytes, GCM's authentication tag
 *
 * GCM authenticates, besides the ciphertext, the header (magic to key id) and the caller's
 * `purpose`: a short text naming what the plaintext is and whose it is (e.g.
 * "cahub.local_ca.key/1:bjca"). Opening with another purpose fails, so a sealed key cannot be
 * copied from one CA's folder to another's, nor a sealed secret reused for something else.
 *
 * The key id lets a KEK be rotated: a reader knows which KEK an envelope needs before trying, and
 * says so when it has another (SealingProblem::OtherKey), instead of a bare "decrypt failed".
 *
 * Link with cahub::issuing (OpenSSL 3). Everything here throws SealingError; nothing else.
 */
#ifndef CAHUB_KEY_SEALING_HPP
#define CAHUB_KEY_SEALING_HPP

#include <cahub/plugin.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cahub::sdk::sealing {

// Why sealing or opening failed; code() is the stable text a host shows and logs.
enum class SealingProblem {
  MalformedKek,       // "kek_malformed": not 32 bytes as 64 hex digits or base64
  MalformedEnvelope,  // "sealed_malformed": not an envelope of this format and version
  OtherKey,           // "sealed_with_other_key": sealed under a KEK with another id
  NotAuthentic,       // "sealed_not_authentic": tag check failed: tampered, or another purpose
  Unavailable,        // "sealing_unavailable": the cipher itself failed (OpenSSL), or no host service
};
std::string_view problem_code(SealingProblem problem) noexcept;

class SealingError : public std::runtime_error {
 public:
  SealingError(SealingProblem problem, const std::string& message) : std::runtime_error(message), problem_(problem) {}
  SealingProblem problem() const noexcept { return problem_; }
  std::string_view code() const noexcept { return problem_code(problem_); }

 private:
  SealingProblem problem_;
};

// 32 secret bytes and their public id. The bytes are wiped when the object dies.
class KeyEncryptionKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // From operator text: 64 hex digits, or the base64 of 32 bytes; surrounding white space (a
  // file's final newline) is ignored. Throws SealingError(MalformedKek) saying what was wrong,
  // never echoing the text.
  static KeyEncryptionKey parse(std::string_view text);
  explicit KeyEncryptionKey(const std::array<std::uint8_t, kBytes>& bytes);
  KeyEncryptionKey(const KeyEncryptionKey& other);
  KeyEncryptionKey& operator=(const KeyEncryptionKey& other);
  ~KeyEncryptionKey();

  // 16 hex digits: the first 8 bytes of SHA-256("cahub.kek-id/1" || key). Names the key in
  // envelopes, logs and messages without revealing it; equal keys have equal ids.
  const std::string& id() const noexcept { return id_; }
  const std::array<std::uint8_t, kBytes>& bytes() const noexcept { return bytes_; }

 private:
  std::array<std::uint8_t, kBytes> bytes_{};
  std::string id_;
};

// The binary envelope of `plaintext` under `kek`, bound to `purpose`.
std::string seal(const KeyEncryptionKey& kek, std::string_view purpose, std::string_view plaintext);
// The plaintext of `envelope`, which must have been sealed under `kek` for `purpose`.
// Throws SealingError: MalformedEnvelope, OtherKey (naming both ids), NotAuthentic.
std::string open(const KeyEncryptionKey& kek, std::string_view purpose, std::string_view envelope);
// The id of the KEK an envelope was sealed under; throws SealingError(MalformedEnvelope).
std::string envelope_key_id(std::string_view envelope);

// Text armor for files and text columns:
//   -----BEGIN CAHUB SEALED DATA-----
//   <base64, 64 columns>
//   -----END CAHUB SEALED DATA-----
std::string armor(std::string_view envelope);
// Whether `text` starts (after white space) with the armor's first line: how a reader tells a
// sealed file from a plain PEM one.
bool is_armored(std::string_view text) noexcept;
// The envelope inside the armor; throws SealingError(MalformedEnvelope).
std::string unarmor(std::string_view text);

// Seals and opens armored text for one owner. [thread-safe]
class KeySealer {
 public:
  virtual ~KeySealer() = default;
  // The id of the KEK new envelopes are sealed under.
  virtual std::string key_id() const = 0;
  // The armored envelope of `plaintext` for `purpose`.
  virtual std::string seal(std::string_view purpose, std::string_view plaintext) const = 0;
  // The plaintext of an armored envelope sealed for `purpose`. Throws SealingError.
  virtual std::string open(std::string_view purpose, std::string_view armored) const = 0;
};

// A sealer that holds the KEK itself (the host's, or a test's).
std::shared_ptr<const KeySealer> local_key_sealer(const KeyEncryptionKey& kek);

// The host's sealing service for this plugin instance (CAHUB_HOST_KEY_SEALING), or nullptr when
// the host offers none: an older host, or no KEK configured. The host binds the plugin's id into
// every purpose, so one plugin cannot open what another sealed.
std::shared_ptr<const KeySealer> host_key_sealer(const Host& host);

}  // namespace cahub::sdk::sealing

#endif /* CAHUB_KEY_SEALING_HPP */
