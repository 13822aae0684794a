#include "audit/checkpoint_key.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "audit/audit_error.hpp"
#include "store/digest.hpp"

namespace cahub::audit {
namespace {

using Key = std::shared_ptr<evp_pkey_st>;

Key adopt(EVP_PKEY* key) { return Key(key, EVP_PKEY_free); }

std::unique_ptr<BIO, decltype(&BIO_free)> memory_bio(std::string_view text) {
  return {BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), BIO_free};
}

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(length));
}

bool is_ed25519(const Key& key) { return key && EVP_PKEY_get_id(key.get()) == EVP_PKEY_ED25519; }

std::string read_text(const std::filesystem::path& file, const std::string& code) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw AuditAnchorError(code, "cannot read " + file.string() + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::vector<unsigned char> bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_digit(hex[i]), low = hex_digit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes.push_back(static_cast<unsigned char>(high * 16 + low));
  }
  return bytes;
}

}  // namespace

VerifyingKey::VerifyingKey(Key key) : key_(std::move(key)) {}

VerifyingKey VerifyingKey::from_pem(std::string_view pem, const std::string& origin) {
  auto bio = memory_bio(pem);
  Key key = adopt(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!is_ed25519(key))
    throw AuditAnchorError("bad_public_key", origin + " holds no Ed25519 public key in PEM (BEGIN PUBLIC KEY)");
  return VerifyingKey(std::move(key));
}

VerifyingKey VerifyingKey::from_file(const std::filesystem::path& file) {
  return from_pem(read_text(file, "public_key_unreadable"), file.string());
}

bool VerifyingKey::verify(std::string_view message, std::string_view signature_hex) const {
  const auto signature = from_hex(signature_hex);
  if (!signature || signature->size() != 64) return false;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  // Ed25519 hashes the message itself: no digest is named (NULL), and the one-shot call is required.
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), signature->data(), signature->size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

std::string VerifyingKey::public_pem() const {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) throw std::runtime_error("cannot write a public key");
  return drain(bio.get());
}

std::string VerifyingKey::fingerprint() const {
  unsigned char raw[32];
  std::size_t length = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(key_.get(), raw, &length) != 1) throw std::runtime_error("no raw public key");
  return store::sha256_hex(std::string_view(reinterpret_cast<const char*>(raw), length));
}

SigningKey SigningKey::generate() {
  Key key = adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (!key) throw std::runtime_error("cannot generate an Ed25519 key");
  return SigningKey(std::move(key));
}

SigningKey SigningKey::from_pem(std::string_view pem, const std::string& origin) {
  auto bio = memory_bio(pem);
  Key key = adopt(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!is_ed25519(key))
    throw AuditAnchorError("bad_signing_key", origin + " holds no Ed25519 private key in PEM (BEGIN PRIVATE KEY)");
  return SigningKey(std::move(key));
}

SigningKey SigningKey::from_file(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    throw AuditAnchorError("signing_key_unreadable", "cannot read " + file.string() + ": " + std::strerror(errno));
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    throw AuditAnchorError("signing_key_too_open", file.string() + " may be read or written by others than its owner: "
                                                   "chmod 600 it (a key others can read signs anyone's rewrite)");
  return from_pem(read_text(file, "signing_key_unreadable"), file.string());
}

std::optional<SigningKey> SigningKey::configured(const char* environment_pem, const std::filesystem::path& file) {
  if (environment_pem && *environment_pem) return from_pem(environment_pem, "$CAHUB_AUDIT_SIGNING_KEY");
  if (!file.empty()) return from_file(file);
  return std::nullopt;
}

std::string SigningKey::sign(std::string_view message) const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char signature[64];
  std::size_t length = sizeof signature;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &length, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1)
    throw std::runtime_error("Ed25519 signing failed");
  return store::to_hex(signature, length);
}

std::string SigningKey::private_pem() const {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    throw std::runtime_error("cannot write a private key");
  return drain(bio.get());
}

void write_new_key_file(const std::filesystem::path& file, const SigningKey& key) {
  // O_EXCL: never over an existing key; the mode is set by fchmod, which the umask does not touch.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST)
      throw AuditAnchorError("key_file_exists", file.string() + " exists: cahub never replaces a signing key "
                                                "(checkpoints signed with it could no longer be checked)");
    throw AuditAnchorError("key_file_unwritable", "cannot create " + file.string() + ": " + std::strerror(errno));
  }
  const std::string pem = key.private_pem();
  const bool written = ::fchmod(fd, 0600) == 0 && ::write(fd, pem.data(), pem.size()) == static_cast<ssize_t>(pem.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    std::filesystem::remove(file);
    throw AuditAnchorError("key_file_unwritable", "cannot write " + file.string());
  }
}

}  // namespace cahub::audit
