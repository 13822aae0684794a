#include "cli/key_encryption.hpp"

#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "config/config_error.hpp"

namespace cahub::cli {
namespace {

constexpr off_t kLargestKeyFile = 1024;  // 64 hex digits and a newline; anything far bigger is the wrong file

// The file's text, after the checks ssh makes of a private key: ours or root's, and private.
std::string read_kek_file(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    throw config::ConfigError(file, 0, "keys.kek_file: cannot read the key-encryption key file");
  if (!S_ISREG(st.st_mode)) throw config::ConfigError(file, 0, "keys.kek_file: not a regular file");
  if (st.st_uid != ::geteuid() && st.st_uid != 0)
    throw config::ConfigError(file, 0, "keys.kek_file: owned by user " + std::to_string(st.st_uid) +
                                           ", neither this server's user nor root");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw config::ConfigError(file, 0, std::string("keys.kek_file: readable or writable by group or others (mode ") +
                                           mode + "); chmod 600 it");
  }
  if (st.st_size > kLargestKeyFile)
    throw config::ConfigError(file, 0, "keys.kek_file: too large for a key-encryption key (32 bytes in hex or base64)");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw config::ConfigError(file, 0, "keys.kek_file: cannot read the key-encryption key file");
  return text.str();
}

}  // namespace

std::shared_ptr<const sdk::sealing::KeySealer> load_key_sealer(const config::Config& config) {
  const char* variable = std::getenv(kKekVariable);
  const bool from_environment = variable && *variable;
  const std::filesystem::path& file = config.keys.kek_file;
  if (from_environment && !file.empty())
    throw config::ConfigError(file, 0,
                              std::string("keys.kek_file is set and so is $") + kKekVariable + ": keep one of them");
  if (!from_environment && file.empty()) return nullptr;
  std::string text = from_environment ? std::string(variable) : read_kek_file(file);
  try {
    auto sealer = sdk::sealing::local_key_sealer(sdk::sealing::KeyEncryptionKey::parse(text));
    OPENSSL_cleanse(text.data(), text.size());
    return sealer;
  } catch (const sdk::sealing::SealingError& e) {
    OPENSSL_cleanse(text.data(), text.size());
    throw config::ConfigError(from_environment ? std::filesystem::path(std::string("$") + kKekVariable) : file, 0,
                              std::string(e.code()) + ": " + e.what());
  }
}

}  // namespace cahub::cli
