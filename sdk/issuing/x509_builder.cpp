#include "x509_builder.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <cstdio>

#include "key_algorithm.hpp"

namespace cahub::sdk::issuing::detail {
namespace {

constexpr std::time_t kChinaOffset = 8 * 3600;  // China time is UTC+8 all year
constexpr int kRootYears = 20;

using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

BioPtr memory_bio(const std::string& text) {
  return BioPtr(check(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), "cannot read PEM text"));
}

template <typename Write>
std::string to_pem(Write write, const char* what) {
  BioPtr bio(check(BIO_new(BIO_s_mem()), what));
  check(write(bio.get()), what);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

void add_name_entry(X509_NAME& name, const char* field, const std::string& value) {
  if (value.empty()) return;
  check(X509_NAME_add_entry_by_txt(&name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()),
                                   -1, -1, 0),
        "cannot build the certificate's name");
}

void add_extension(X509& certificate, X509& issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, &issuer, &certificate, nullptr, nullptr, 0);
  ExtensionPtr extension(check(X509V3_EXT_conf_nid(nullptr, &context, nid, value), "cannot build an extension"));
  check(X509_add_ext(&certificate, extension.get(), -1), "cannot add an extension");
}

void set_serial(X509& certificate, const std::string& serial_hex) {
  BIGNUM* raw = nullptr;
  if (BN_hex2bn(&raw, serial_hex.c_str()) == 0) throw_openssl("bad serial " + serial_hex);
  BignumPtr number(raw);
  check(BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(&certificate)), "cannot set the serial");
}

IntegerPtr integer_from_hex(const std::string& serial_hex) {
  BIGNUM* raw = nullptr;
  if (BN_hex2bn(&raw, serial_hex.c_str()) == 0) throw_openssl("bad serial " + serial_hex);
  BignumPtr number(raw);
  return IntegerPtr(check(BN_to_ASN1_INTEGER(number.get(), nullptr), "cannot convert a serial"));
}

void sign(X509& certificate, EVP_PKEY& key, KeyAlgorithm algorithm) {
  if (X509_sign(&certificate, &key, signature_digest(algorithm)) <= 0) throw_openssl("cannot sign the certificate");
}

}  // namespace

std::time_t start_of_day(Date day) { return static_cast<std::time_t>(day.days()) * 86400 - kChinaOffset; }
std::time_t end_of_day(Date day) { return start_of_day(day.plus_days(1)) - 1; }

PkeyPtr read_private_key_pem(const std::string& pem, const std::string& what) {
  BioPtr bio = memory_bio(pem);
  return PkeyPtr(check(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), what.c_str()));
}

PkeyPtr read_public_key_pem(const std::string& pem) {
  BioPtr bio = memory_bio(pem);
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  if (!key) {
    ERR_clear_error();
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "public_key_pem is not a PEM public key (BEGIN PUBLIC KEY)");
  }
  return PkeyPtr(key);
}

X509Ptr read_certificate_pem(const std::string& pem, const std::string& what) {
  BioPtr bio = memory_bio(pem);
  return X509Ptr(check(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), what.c_str()));
}

PkeyPtr read_csr_key(const std::string& pem) {
  BioPtr bio = memory_bio(pem);
  std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>> request(
      PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
  if (!request) {
    ERR_clear_error();
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST, "csr_pem is not a PEM certificate request (BEGIN CERTIFICATE REQUEST)");
  }
  EVP_PKEY* key = X509_REQ_get0_pubkey(request.get());
  if (!key || X509_REQ_verify(request.get(), key) != 1) {
    ERR_clear_error();
    throw ProviderError(CAHUB_ERROR_INVALID_REQUEST,
                        "csr_pem's signature does not verify under its own public key: it was not signed by the "
                        "holder's private key");
  }
  EVP_PKEY_up_ref(key);
  return PkeyPtr(key);
}

std::string private_key_pem(EVP_PKEY& key) {
  return to_pem([&](BIO* b) { return PEM_write_bio_PrivateKey(b, &key, nullptr, nullptr, 0, nullptr, nullptr); },
                "cannot write a private key");
}
std::string certificate_pem(X509& certificate) {
  return to_pem([&](BIO* b) { return PEM_write_bio_X509(b, &certificate); }, "cannot write a certificate");
}
std::string crl_pem(X509_CRL& crl) {
  return to_pem([&](BIO* b) { return PEM_write_bio_X509_CRL(b, &crl); }, "cannot write a CRL");
}

X509Ptr make_root(EVP_PKEY& ca_key, KeyAlgorithm algorithm, const std::string& common_name,
                  const std::string& organization, std::time_t now) {
  X509Ptr root(check(X509_new(), "cannot make a certificate"));
  check(X509_set_version(root.get(), X509_VERSION_3), "cannot set the version");
  set_serial(*root, random_serial_hex());
  check(ASN1_TIME_set(X509_getm_notBefore(root.get()), now) ? 1 : 0, "cannot set notBefore");
  check(ASN1_TIME_set(X509_getm_notAfter(root.get()), now + static_cast<std::time_t>(kRootYears) * 365 * 86400) ? 1 : 0,
        "cannot set notAfter");
  NamePtr name(check(X509_NAME_new(), "cannot make a name"));
  add_name_entry(*name, "C", "CN");
  add_name_entry(*name, "O", organization);
  add_name_entry(*name, "CN", common_name);
  check(X509_set_subject_name(root.get(), name.get()), "cannot set the subject");
  check(X509_set_issuer_name(root.get(), name.get()), "cannot set the issuer");
  check(X509_set_pubkey(root.get(), &ca_key), "cannot set the public key");
  add_extension(*root, *root, NID_basic_constraints, "critical,CA:TRUE");
  add_extension(*root, *root, NID_key_usage, "critical,keyCertSign,cRLSign");
  add_extension(*root, *root, NID_subject_key_identifier, "hash");
  sign(*root, ca_key, algorithm);
  return root;
}

X509Ptr make_certificate(EVP_PKEY& ca_key, X509& root, KeyAlgorithm algorithm, EVP_PKEY& subscriber_key,
                         const Subject& subject, const std::string& serial_hex, Date not_before, Date not_after) {
  X509Ptr certificate(check(X509_new(), "cannot make a certificate"));
  check(X509_set_version(certificate.get(), X509_VERSION_3), "cannot set the version");
  set_serial(*certificate, serial_hex);
  check(ASN1_TIME_set(X509_getm_notBefore(certificate.get()), start_of_day(not_before)) ? 1 : 0, "cannot set notBefore");
  check(ASN1_TIME_set(X509_getm_notAfter(certificate.get()), end_of_day(not_after)) ? 1 : 0, "cannot set notAfter");

  // The unit is the organisation and, for a unit certificate, also the common name; its USCC is
  // the organizationIdentifier (X.520). A person's ID number is the serialNumber attribute.
  NamePtr name(check(X509_NAME_new(), "cannot make a name"));
  add_name_entry(*name, "C", "CN");
  const bool has_unit = subject.kind != Applicant::Person;
  const bool has_person = subject.kind != Applicant::Org;
  if (has_unit) {
    add_name_entry(*name, "O", subject.unit_name);
    add_name_entry(*name, "organizationIdentifier", subject.uscc);
  }
  if (has_person) add_name_entry(*name, "serialNumber", subject.id_number);
  add_name_entry(*name, "CN", has_person ? subject.person_name : subject.unit_name);
  check(X509_set_subject_name(certificate.get(), name.get()), "cannot set the subject");
  check(X509_set_issuer_name(certificate.get(), X509_get_subject_name(&root)), "cannot set the issuer");
  check(X509_set_pubkey(certificate.get(), &subscriber_key), "cannot set the public key");
  add_extension(*certificate, root, NID_basic_constraints, "critical,CA:FALSE");
  add_extension(*certificate, root, NID_key_usage, "critical,digitalSignature,nonRepudiation");
  add_extension(*certificate, root, NID_subject_key_identifier, "hash");
  add_extension(*certificate, root, NID_authority_key_identifier, "keyid:always");
  sign(*certificate, ca_key, algorithm);
  return certificate;
}

CrlPtr make_crl(EVP_PKEY& ca_key, X509& root, KeyAlgorithm algorithm, const std::vector<CrlEntry>& entries,
                std::int64_t number, std::time_t now, int valid_days) {
  CrlPtr crl(check(X509_CRL_new(), "cannot make a CRL"));
  check(X509_CRL_set_version(crl.get(), X509_CRL_VERSION_2), "cannot set the CRL version");
  check(X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(&root)), "cannot set the CRL issuer");
  TimePtr this_update(check(ASN1_TIME_set(nullptr, now), "cannot set lastUpdate"));
  TimePtr next_update(
      check(ASN1_TIME_set(nullptr, now + static_cast<std::time_t>(valid_days) * 86400), "cannot set nextUpdate"));
  check(X509_CRL_set1_lastUpdate(crl.get(), this_update.get()), "cannot set lastUpdate");
  check(X509_CRL_set1_nextUpdate(crl.get(), next_update.get()), "cannot set nextUpdate");

  for (const CrlEntry& entry : entries) {
    RevokedPtr revoked(check(X509_REVOKED_new(), "cannot make a CRL entry"));
    IntegerPtr serial = integer_from_hex(entry.serial_hex);
    check(X509_REVOKED_set_serialNumber(revoked.get(), serial.get()), "cannot set a CRL entry's serial");
    TimePtr when(check(ASN1_TIME_set(nullptr, entry.when), "cannot set a revocation date"));
    check(X509_REVOKED_set_revocationDate(revoked.get(), when.get()), "cannot set a revocation date");
    EnumeratedPtr reason(check(ASN1_ENUMERATED_new(), "cannot make a reason code"));
    check(ASN1_ENUMERATED_set(reason.get(), entry.reason), "cannot set a reason code");
    check(X509_REVOKED_add1_ext_i2d(revoked.get(), NID_crl_reason, reason.get(), 0, 0), "cannot add a reason code");
    check(X509_CRL_add0_revoked(crl.get(), revoked.get()), "cannot add a CRL entry");
    revoked.release();  // the CRL owns it now
  }
  check(X509_CRL_sort(crl.get()), "cannot sort the CRL");

  IntegerPtr crl_number(check(ASN1_INTEGER_new(), "cannot make the CRL number"));
  check(ASN1_INTEGER_set_int64(crl_number.get(), number), "cannot set the CRL number");
  check(X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, crl_number.get(), 0, 0), "cannot add the CRL number");
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, &root, nullptr, nullptr, crl.get(), 0);
  ExtensionPtr authority(
      check(X509V3_EXT_conf_nid(nullptr, &context, NID_authority_key_identifier, "keyid:always"), "cannot build AKI"));
  check(X509_CRL_add_ext(crl.get(), authority.get(), -1), "cannot add AKI");
  if (X509_CRL_sign(crl.get(), &ca_key, signature_digest(algorithm)) <= 0) throw_openssl("cannot sign the CRL");
  return crl;
}

std::string random_serial_hex() {
  unsigned char bytes[16];
  check(RAND_bytes(bytes, sizeof bytes), "cannot draw a random serial");
  bytes[0] &= 0x7f;  // positive
  bytes[0] |= 0x01;  // and never a leading zero octet, so every serial has the same length
  std::string hex;
  char pair[3];
  for (unsigned char b : bytes) {
    std::snprintf(pair, sizeof pair, "%02X", b);
    hex += pair;
  }
  return hex;
}

std::string subject_line(X509& certificate) {
  return to_pem(
      [&](BIO* b) {
        return X509_NAME_print_ex(b, X509_get_subject_name(&certificate), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) >=
                       0
                   ? 1
                   : 0;
      },
      "cannot print the subject");
}

}  // namespace cahub::sdk::issuing::detail
