// The sealed envelope (cahub/key_sealing.hpp): AES-256-GCM through OpenSSL EVP.
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cctype>
#include <cstring>

#include <cahub/key_sealing.hpp>

namespace cahub::sdk::sealing {
namespace {

constexpr std::string_view kMagic = "CHSL";
constexpr unsigned char kVersion = 1;
constexpr std::size_t kNonceBytes = 12;  // GCM's native nonce: no GHASH of the IV, NIST SP 800-38D 8.2
constexpr std::size_t kTagBytes = 16;
constexpr std::size_t kMaxKeyId = 64;
constexpr std::string_view kArmorBegin = "-----BEGIN CAHUB SEALED DATA-----";
constexpr std::string_view kArmorEnd = "-----END CAHUB SEALED DATA-----";

[[noreturn]] void fail(SealingProblem problem, const std::string& message) {
  ERR_clear_error();
  throw SealingError(problem, message);
}

struct CipherContext {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};

void need(int result, const char* what) {
  if (result != 1) fail(SealingProblem::Unavailable, std::string("AES-256-GCM: ") + what);
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// Base64 without white space; nullopt-like empty string plus `ok` false when not base64.
std::string base64_decoded(std::string_view text, bool& ok) {
  ok = false;
  if (text.empty() || text.size() % 4 != 0) return {};
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return {};
  std::size_t padding = 0;
  if (text.back() == '=') ++padding;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  ok = true;
  return out;
}

std::string key_id_of(const std::array<std::uint8_t, KeyEncryptionKey::kBytes>& bytes) {
  constexpr std::string_view label = "cahub.kek-id/1";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  const bool ok = md && EVP_DigestInit_ex(md, EVP_sha256(), nullptr) == 1 &&
                  EVP_DigestUpdate(md, label.data(), label.size()) == 1 &&
                  EVP_DigestUpdate(md, bytes.data(), bytes.size()) == 1 && EVP_DigestFinal_ex(md, digest, &length) == 1;
  EVP_MD_CTX_free(md);
  if (!ok) fail(SealingProblem::Unavailable, "SHA-256 failed");
  return hex(digest, 8);
}

// The header GCM authenticates along with the purpose: magic, version, key id.
std::string header_of(const std::string& key_id) {
  std::string header(kMagic);
  header += static_cast<char>(kVersion);
  header += static_cast<char>(key_id.size());
  header += key_id;
  return header;
}

struct ParsedEnvelope {
  std::string key_id;
  std::string_view header, nonce, ciphertext, tag;
};

ParsedEnvelope parse_envelope(std::string_view e) {
  if (e.size() < 6 || e.substr(0, 4) != kMagic) fail(SealingProblem::MalformedEnvelope, "not a cahub sealed envelope");
  if (static_cast<unsigned char>(e[4]) != kVersion)
    fail(SealingProblem::MalformedEnvelope,
         "sealed envelope version " + std::to_string(static_cast<unsigned char>(e[4])) + " is not known here (1 is)");
  const std::size_t n = static_cast<unsigned char>(e[5]);
  if (n == 0 || n > kMaxKeyId || e.size() < 6 + n + kNonceBytes + kTagBytes)
    fail(SealingProblem::MalformedEnvelope, "sealed envelope is truncated");
  ParsedEnvelope p;
  p.key_id = std::string(e.substr(6, n));
  p.header = e.substr(0, 6 + n);
  p.nonce = e.substr(6 + n, kNonceBytes);
  p.ciphertext = e.substr(6 + n + kNonceBytes, e.size() - (6 + n + kNonceBytes + kTagBytes));
  p.tag = e.substr(e.size() - kTagBytes);
  return p;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

std::string_view problem_code(SealingProblem problem) noexcept {
  switch (problem) {
    case SealingProblem::MalformedKek: return "kek_malformed";
    case SealingProblem::MalformedEnvelope: return "sealed_malformed";
    case SealingProblem::OtherKey: return "sealed_with_other_key";
    case SealingProblem::NotAuthentic: return "sealed_not_authentic";
    case SealingProblem::Unavailable: return "sealing_unavailable";
  }
  return "sealing_unavailable";
}

KeyEncryptionKey KeyEncryptionKey::parse(std::string_view text) {
  std::string t = trimmed(text);
  std::array<std::uint8_t, kBytes> bytes{};
  bool parsed = false;
  if (t.size() == 2 * kBytes) {
    parsed = true;
    for (std::size_t i = 0; i < kBytes && parsed; ++i) {
      const int high = hex_value(t[2 * i]), low = hex_value(t[2 * i + 1]);
      parsed = high >= 0 && low >= 0;
      if (parsed) bytes[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
  }
  if (!parsed) {
    bool ok = false;
    std::string decoded = base64_decoded(t, ok);
    if (ok && decoded.size() == kBytes) {
      std::memcpy(bytes.data(), decoded.data(), kBytes);
      parsed = true;
    }
    OPENSSL_cleanse(decoded.data(), decoded.size());
  }
  OPENSSL_cleanse(t.data(), t.size());
  if (!parsed)
    fail(SealingProblem::MalformedKek,
         "a key-encryption key is 32 bytes written as 64 hex digits or in base64 (e.g. `openssl rand -hex 32`)");
  KeyEncryptionKey kek(bytes);
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return kek;
}

KeyEncryptionKey::KeyEncryptionKey(const std::array<std::uint8_t, kBytes>& bytes) : bytes_(bytes), id_(key_id_of(bytes)) {}
KeyEncryptionKey::KeyEncryptionKey(const KeyEncryptionKey& other) = default;
KeyEncryptionKey& KeyEncryptionKey::operator=(const KeyEncryptionKey& other) = default;
KeyEncryptionKey::~KeyEncryptionKey() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

std::string seal(const KeyEncryptionKey& kek, std::string_view purpose, std::string_view plaintext) {
  const std::string header = header_of(kek.id());
  unsigned char nonce[kNonceBytes];
  need(RAND_bytes(nonce, sizeof nonce), "no random nonce");
  CipherContext c;
  if (!c.ctx) fail(SealingProblem::Unavailable, "AES-256-GCM: no cipher context");
  need(EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr), "init");
  need(EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr), "nonce length");
  need(EVP_EncryptInit_ex(c.ctx, nullptr, nullptr, kek.bytes().data(), nonce), "key");
  int n = 0;
  need(EVP_EncryptUpdate(c.ctx, nullptr, &n, bytes_of(header), static_cast<int>(header.size())), "header");
  need(EVP_EncryptUpdate(c.ctx, nullptr, &n, bytes_of(purpose), static_cast<int>(purpose.size())), "purpose");
  std::string out = header + std::string(reinterpret_cast<const char*>(nonce), kNonceBytes);
  const std::size_t at = out.size();
  out.resize(at + plaintext.size() + kTagBytes);
  auto* cipher = reinterpret_cast<unsigned char*>(out.data() + at);
  need(EVP_EncryptUpdate(c.ctx, cipher, &n, bytes_of(plaintext), static_cast<int>(plaintext.size())), "encrypt");
  int tail = 0;
  need(EVP_EncryptFinal_ex(c.ctx, cipher + n, &tail), "final");
  need(EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + plaintext.size()), "tag");
  return out;
}

std::string open(const KeyEncryptionKey& kek, std::string_view purpose, std::string_view envelope) {
  const ParsedEnvelope p = parse_envelope(envelope);
  if (p.key_id != kek.id())
    fail(SealingProblem::OtherKey, "sealed under key-encryption key " + p.key_id + ", but the configured one is " + kek.id());
  CipherContext c;
  if (!c.ctx) fail(SealingProblem::Unavailable, "AES-256-GCM: no cipher context");
  need(EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr), "init");
  need(EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr), "nonce length");
  need(EVP_DecryptInit_ex(c.ctx, nullptr, nullptr, kek.bytes().data(), bytes_of(p.nonce)), "key");
  int n = 0;
  need(EVP_DecryptUpdate(c.ctx, nullptr, &n, bytes_of(p.header), static_cast<int>(p.header.size())), "header");
  need(EVP_DecryptUpdate(c.ctx, nullptr, &n, bytes_of(purpose), static_cast<int>(purpose.size())), "purpose");
  std::string plain(p.ciphertext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  need(EVP_DecryptUpdate(c.ctx, out, &n, bytes_of(p.ciphertext), static_cast<int>(p.ciphertext.size())), "decrypt");
  std::string tag(p.tag);
  need(EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()), "tag");
  int tail = 0;
  if (EVP_DecryptFinal_ex(c.ctx, out + n, &tail) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    fail(SealingProblem::NotAuthentic, "sealed data is not authentic: altered, or sealed for something else than \"" +
                                           std::string(purpose) + "\"");
  }
  return plain;
}

std::string envelope_key_id(std::string_view envelope) { return parse_envelope(envelope).key_id; }

std::string armor(std::string_view envelope) {
  std::string encoded(4 * ((envelope.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), bytes_of(envelope),
                                static_cast<int>(envelope.size()));
  encoded.resize(static_cast<std::size_t>(n));
  std::string out = std::string(kArmorBegin) + "\n";
  for (std::size_t i = 0; i < encoded.size(); i += 64) out += encoded.substr(i, 64) + "\n";
  return out + std::string(kArmorEnd) + "\n";
}

bool is_armored(std::string_view text) noexcept {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  return text.substr(0, kArmorBegin.size()) == kArmorBegin;
}

std::string unarmor(std::string_view text) {
  const std::size_t begin = text.find(kArmorBegin);
  const std::size_t end = text.find(kArmorEnd);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
    fail(SealingProblem::MalformedEnvelope, "not an armored cahub sealed envelope");
  std::string body;
  for (char c : text.substr(begin + kArmorBegin.size(), end - begin - kArmorBegin.size()))
    if (!std::isspace(static_cast<unsigned char>(c))) body += c;
  bool ok = false;
  std::string envelope = base64_decoded(body, ok);
  if (!ok) fail(SealingProblem::MalformedEnvelope, "the sealed envelope's armor is not base64");
  return envelope;
}

}  // namespace cahub::sdk::sealing
