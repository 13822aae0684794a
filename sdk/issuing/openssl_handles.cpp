#include "openssl_handles.hpp"

#include <openssl/err.h>

namespace cahub::sdk::issuing::detail {

void throw_openssl(const std::string& what) {
  std::string message = what;
  if (const unsigned long code = ERR_get_error(); code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    message += ": ";
    message += text;
  }
  ERR_clear_error();
  throw ProviderError(CAHUB_ERROR_PROVIDER, message);
}

void check(int result, const char* what) {
  if (result != 1) throw_openssl(what);
}

}  // namespace cahub::sdk::issuing::detail
