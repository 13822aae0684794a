#pragma once
// Which signature algorithm a local CA uses, and what that means in OpenSSL terms.

#include <openssl/evp.h>

#include <string_view>

#include <cahub/issuing.hpp>

#include "openssl_handles.hpp"

namespace cahub::sdk::issuing::detail {

// The algorithm for a new CA from the setting "auto", "sm2" or "ec-p256". "auto" takes SM2 when
// this OpenSSL can issue an SM2 certificate that its own standard verifier accepts (3.0 signs SM2
// but verifies it only when told the signer's distinguishing ID, so `openssl verify` fails), else
// ECDSA P-256. Throws ProviderError(INVALID_REQUEST) for another setting, or for "sm2" when this
// OpenSSL cannot make SM2 keys at all.
KeyAlgorithm choose_algorithm(std::string_view setting);

// True when a fresh SM2 certificate signed with SM3 passes X509_verify_cert as `openssl verify`
// runs it. Computed once per process.
bool sm2_verifies_with_standard_tools();

// A fresh key pair.
PkeyPtr generate_key(KeyAlgorithm algorithm);

// The digest signatures use (SM3 with SM2, SHA-256 with P-256).
const EVP_MD* signature_digest(KeyAlgorithm algorithm);

// The algorithm of an existing key, e.g. a CA key read back from its state folder.
KeyAlgorithm algorithm_of(const EVP_PKEY& key);

}  // namespace cahub::sdk::issuing::detail
