#pragma once
// The CA's private key file, sealed at rest when the operator configured a key-encryption key.
//
//   no sealer, plain PEM     read as it is (the host warns at `cahub serve` that no KEK is set)
//   no sealer, sealed        refused: it cannot be opened, and making a new CA would be worse
//   sealer, sealed           opened; an envelope under another KEK is refused, naming both ids
//   sealer, plain PEM        migrated: sealed, written beside it (0600, fsync) and renamed over it,
//                            under the caller's folder lock, so a crash leaves the plain or the
//                            sealed file, never neither; then read as sealed
//
// So with a KEK configured the CA never runs on a plain key file without first sealing it.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <cahub/key_sealing.hpp>

#include "key_algorithm.hpp"
#include "openssl_handles.hpp"

namespace cahub::sdk::issuing::detail {

class CaKeyFile {
 public:
  // `purpose` names this CA (the sealed file opens only for it); `notice` may be empty.
  CaKeyFile(std::filesystem::path path, std::string purpose, std::shared_ptr<const sealing::KeySealer> sealer,
            std::function<void(const std::string&)> notice);

  const std::filesystem::path& path() const noexcept { return path_; }
  bool exists() const;
  // The key, migrating a plain file when a sealer is configured. Caller holds the folder lock.
  // Throws ProviderError(PROVIDER) naming the file and, for a sealing problem, its code.
  PkeyPtr read() const;
  // A fresh key of `algorithm`, written (sealed when a sealer is configured). Caller holds the lock.
  PkeyPtr create(KeyAlgorithm algorithm) const;

 private:
  void write(EVP_PKEY& key) const;
  [[noreturn]] void refuse(const sealing::SealingError& e) const;

  std::filesystem::path path_;
  std::string purpose_;
  std::shared_ptr<const sealing::KeySealer> sealer_;
  std::function<void(const std::string&)> notice_;
};

}  // namespace cahub::sdk::issuing::detail
