#include "ca_key_file.hpp"

#include <openssl/crypto.h>

#include "state_files.hpp"
#include "x509_builder.hpp"

namespace cahub::sdk::issuing::detail {
namespace {

constexpr unsigned kPrivate = 0600;

}  // namespace

CaKeyFile::CaKeyFile(std::filesystem::path path, std::string purpose, std::shared_ptr<const sealing::KeySealer> sealer,
                     std::function<void(const std::string&)> notice)
    : path_(std::move(path)), purpose_(std::move(purpose)), sealer_(std::move(sealer)), notice_(std::move(notice)) {}

bool CaKeyFile::exists() const { return std::filesystem::exists(path_); }

PkeyPtr CaKeyFile::read() const {
  const std::string what = "cannot read the CA key " + path_.string();
  SecretText stored{read_file(path_)};
  if (!sealing::is_armored(stored.text)) {
    PkeyPtr key = read_private_key_pem(stored.text, what);
    if (sealer_) {
      write(*key);
      if (notice_)
        notice_("the CA key " + path_.string() + " was stored unencrypted; it is now sealed with key-encryption key " +
                sealer_->key_id());
    }  // without a KEK the host warns once, at `cahub serve` (docs/architecture.md, Keys at rest)
    return key;
  }
  if (!sealer_)
    throw ProviderError(CAHUB_ERROR_PROVIDER,
                        "the CA key " + path_.string() +
                            " is sealed, but no key-encryption key is configured: set $CAHUB_KEY_ENCRYPTION_KEY or "
                            "[keys] kek_file to the key it was sealed with");
  try {
    SecretText pem{sealer_->open(purpose_, stored.text)};
    return read_private_key_pem(pem.text, what);
  } catch (const sealing::SealingError& e) {
    refuse(e);
  }
}

PkeyPtr CaKeyFile::create(KeyAlgorithm algorithm) const {
  PkeyPtr key = generate_key(algorithm);
  write(*key);
  return key;
}

void CaKeyFile::write(EVP_PKEY& key) const {
  SecretText pem{private_key_pem(key)};
  if (!sealer_) return write_file_atomically(path_, pem.text, kPrivate);
  try {
    write_file_atomically(path_, sealer_->seal(purpose_, pem.text), kPrivate);
  } catch (const sealing::SealingError& e) {
    refuse(e);
  }
}

void CaKeyFile::refuse(const sealing::SealingError& e) const {
  throw ProviderError(CAHUB_ERROR_PROVIDER, "the CA key " + path_.string() + ": " + std::string(e.code()) + ": " + e.what());
}

}  // namespace cahub::sdk::issuing::detail
