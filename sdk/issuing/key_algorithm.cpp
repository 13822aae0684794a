#include "key_algorithm.hpp"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <ctime>
#include <string>

#include "x509_builder.hpp"

namespace cahub::sdk::issuing::detail {
namespace {

bool probe_sm2() {
  try {
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2"));
    if (!key) return false;
    const std::time_t now = std::time(nullptr);
    X509Ptr root = make_root(*key, KeyAlgorithm::Sm2, "cahub SM2 probe", "cahub", now);
    StorePtr store(X509_STORE_new());
    StoreContextPtr context(X509_STORE_CTX_new());
    if (!store || !context || X509_STORE_add_cert(store.get(), root.get()) != 1) return false;
    if (X509_STORE_CTX_init(context.get(), store.get(), root.get(), nullptr) != 1) return false;
    const bool ok = X509_verify_cert(context.get()) == 1;
    ERR_clear_error();
    return ok;
  } catch (const ProviderError&) {
    ERR_clear_error();
    return false;
  }
}

}  // namespace

bool sm2_verifies_with_standard_tools() {
  static const bool verifies = probe_sm2();
  return verifies;
}

KeyAlgorithm choose_algorithm(std::string_view setting) {
  if (setting == "ec-p256") return KeyAlgorithm::EcdsaP256;
  if (setting == "sm2") {
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2"));
    if (!key) {
      ERR_clear_error();
      throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                          "key_algorithm = \"sm2\", but this OpenSSL cannot make SM2 keys; use \"auto\" or \"ec-p256\"");
    }
    return KeyAlgorithm::Sm2;
  }
  if (setting == "auto") return sm2_verifies_with_standard_tools() ? KeyAlgorithm::Sm2 : KeyAlgorithm::EcdsaP256;
  throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                      "key_algorithm must be \"auto\", \"sm2\" or \"ec-p256\", got \"" + std::string(setting) + "\"");
}

PkeyPtr generate_key(KeyAlgorithm algorithm) {
  EVP_PKEY* key = algorithm == KeyAlgorithm::Sm2 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2")
                                                 : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  return PkeyPtr(check(key, "cannot generate a key pair"));
}

const EVP_MD* signature_digest(KeyAlgorithm algorithm) {
  return algorithm == KeyAlgorithm::Sm2 ? EVP_sm3() : EVP_sha256();
}

KeyAlgorithm algorithm_of(const EVP_PKEY& key) {
  if (EVP_PKEY_is_a(&key, "SM2")) return KeyAlgorithm::Sm2;
  if (EVP_PKEY_is_a(&key, "EC")) return KeyAlgorithm::EcdsaP256;
  throw ProviderError(CAHUB_ERROR_PROVIDER, "the CA key is neither SM2 nor ECDSA");
}

}  // namespace cahub::sdk::issuing::detail
