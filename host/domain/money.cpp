#include "domain/money.hpp"

#include <cstdio>

namespace cahub {

std::string format_cny(Fen amount) {
  const bool negative = amount < 0;
  const std::uint64_t abs = negative ? static_cast<std::uint64_t>(-(amount + 1)) + 1 : static_cast<std::uint64_t>(amount);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "", static_cast<unsigned long long>(abs / 100),
                static_cast<unsigned long long>(abs % 100));
  return buf;
}

}  // namespace cahub
