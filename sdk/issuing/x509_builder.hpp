#pragma once
// Building the X.509 objects a CA signs: its self-signed root, subscriber certificates and CRLs.
// Pure functions of their arguments; the caller decides serials, dates and what is revoked.

#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include <cahub/issuing.hpp>

#include "openssl_handles.hpp"

namespace cahub::sdk::issuing::detail {

// Seconds since the epoch (UTC) at which a China-time calendar day starts / ends.
std::time_t start_of_day(Date day);
std::time_t end_of_day(Date day);  // 23:59:59 China time

PkeyPtr read_private_key_pem(const std::string& pem, const std::string& what);
PkeyPtr read_public_key_pem(const std::string& pem);  // INVALID_REQUEST when not a public key
// The public key of a PKCS#10 request whose signature verifies under that key (the holder
// proved it has the private half). INVALID_REQUEST when not a request, or when it does not verify.
PkeyPtr read_csr_key(const std::string& pem);
X509Ptr read_certificate_pem(const std::string& pem, const std::string& what);
std::string private_key_pem(EVP_PKEY& key);
std::string certificate_pem(X509& certificate);
std::string crl_pem(X509_CRL& crl);

// A CA root valid from `now` for 20 years: CA:TRUE, keyCertSign and cRLSign.
X509Ptr make_root(EVP_PKEY& ca_key, KeyAlgorithm algorithm, const std::string& common_name,
                  const std::string& organization, std::time_t now);

// A subscriber certificate for a signing key: CA:FALSE, digitalSignature and nonRepudiation.
X509Ptr make_certificate(EVP_PKEY& ca_key, X509& root, KeyAlgorithm algorithm, EVP_PKEY& subscriber_key,
                         const Subject& subject, const std::string& serial_hex, Date not_before, Date not_after);

struct CrlEntry {
  std::string serial_hex;
  std::time_t when = 0;
  int reason = 0;  // RFC 5280 CRLReason; 6 = certificateHold
};

// A v2 CRL listing `entries`, valid from `now` for `valid_days`, numbered `number`.
CrlPtr make_crl(EVP_PKEY& ca_key, X509& root, KeyAlgorithm algorithm, const std::vector<CrlEntry>& entries,
                std::int64_t number, std::time_t now, int valid_days);

// 16 random bytes as upper-case hex with the top bit clear: a positive serial with 127 bits of
// entropy (RFC 5280 allows up to 20 octets; CA/B asks for at least 64 random bits).
std::string random_serial_hex();

// The subject as OpenSSL prints it in one line, for results and logs.
std::string subject_line(X509& certificate);

}  // namespace cahub::sdk::issuing::detail
